/// TOML 1.0's grammar for bare values, the ones without quotes or brackets:
/// booleans, integers, floats, offset and local date-times, local dates and
/// local times ([TOML 1.0 ABNF](https://github.com/toml-lang/toml/blob/1.0.0/toml.abnf)).
///
/// Only the shape is checked; toml++ still checks ranges (month 13, an
/// integer past 64 bits) and reports them itself.
enum TOMLValueGrammar {
  /// Whether `token` is a whole bare value.
  static func isBareValue(_ token: ArraySlice<UInt8>) -> Bool {
    let s = Array(token)
    if s.elementsEqual("true".utf8) || s.elementsEqual("false".utf8) { return true }
    return isNumber(s) || isDateOrTime(s)
  }

  // MARK: - Numbers

  private static func isNumber(_ s: [UInt8]) -> Bool {
    guard !s.isEmpty else { return false }
    var i = 0
    let signed = s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-")
    if signed { i = 1 }
    let rest = s[i...]
    if rest.elementsEqual("inf".utf8) || rest.elementsEqual("nan".utf8) { return true }
    // Hexadecimal, octal and binary integers: no sign, a prefix, digits with single underscores between.
    if !signed, s.count > 2, s[0] == UInt8(ascii: "0") {
      switch s[1] {
      case UInt8(ascii: "x"): return digits(s, from: 2, isHex) == s.count
      case UInt8(ascii: "o"): return digits(s, from: 2) { (0x30...0x37).contains($0) } == s.count  // 0-7
      case UInt8(ascii: "b"): return digits(s, from: 2) { $0 == 0x30 || $0 == 0x31 } == s.count  // 0 or 1
      default: break
      }
    }
    // The integer part: 0, or digits not starting with 0.
    guard i < s.count, isDigit(s[i]) else { return false }
    if s[i] == UInt8(ascii: "0") {
      i += 1
    } else {
      guard let end = digits(s, from: i, isDigit) else { return false }
      i = end
    }
    if i < s.count && s[i] == UInt8(ascii: ".") {
      guard let end = digits(s, from: i + 1, isDigit) else { return false }
      i = end
    }
    if i < s.count && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
      i += 1
      if i < s.count && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
      guard let end = digits(s, from: i, isDigit) else { return false }
      i = end
    }
    return i == s.count
  }

  /// The end of a run of digits from `start`, single underscores allowed
  /// between digits; nil when `start` holds no digit.
  private static func digits(_ s: [UInt8], from start: Int, _ isDigit: (UInt8) -> Bool) -> Int? {
    guard start < s.count, isDigit(s[start]) else { return nil }
    var i = start + 1
    while i < s.count {
      if isDigit(s[i]) {
        i += 1
      } else if s[i] == UInt8(ascii: "_"), i + 1 < s.count, isDigit(s[i + 1]) {
        i += 2
      } else {
        break
      }
    }
    return i
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private static func isHex(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
  }

  // MARK: - Dates and times

  /// `full-date`, `partial-time`, or a date, `T`/`t`/space and a time with
  /// an optional offset (`Z`, `z`, `+hh:mm`, `-hh:mm`).
  private static func isDateOrTime(_ s: [UInt8]) -> Bool {
    if let end = time(s, from: 0) { return end == s.count }
    guard isDate(s) else { return false }
    if s.count == 10 { return true }
    guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") || s[10] == UInt8(ascii: " "),
      var i = time(s, from: 11)
    else { return false }
    if i < s.count && (s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z")) {
      i += 1
    } else if i < s.count && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) {
      guard matches(s, from: i + 1, "dd:dd") else { return false }
      i += 6
    }
    return i == s.count
  }

  /// `yyyy-mm-dd` at the start.
  private static func isDate(_ s: [UInt8]) -> Bool { matches(s, from: 0, "dddd-dd-dd") }

  /// The end of `hh:mm:ss` with optional `.` and fraction digits at `start`.
  private static func time(_ s: [UInt8], from start: Int) -> Int? {
    guard matches(s, from: start, "dd:dd:dd") else { return nil }
    var i = start + 8
    if i < s.count && s[i] == UInt8(ascii: ".") {
      i += 1
      guard i < s.count, isDigit(s[i]) else { return nil }
      while i < s.count && isDigit(s[i]) { i += 1 }
    }
    return i
  }

  /// Whether `s` holds `pattern` at `start`, `d` standing for any digit.
  private static func matches(_ s: [UInt8], from start: Int, _ pattern: StaticString) -> Bool {
    let count = pattern.utf8CodeUnitCount
    guard start + count <= s.count else { return false }
    return pattern.withUTF8Buffer { p in
      (0..<count).allSatisfy { p[$0] == UInt8(ascii: "d") ? isDigit(s[start + $0]) : s[start + $0] == p[$0] }
    }
  }
}
