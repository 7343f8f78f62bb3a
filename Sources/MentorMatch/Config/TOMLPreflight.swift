/// A scan of config text, before toml++ (under TOMLKit) parses it, for the
/// malformed TOML that toml++ asserts on rather than reporting.
///
/// An assertion aborts the process in debug and release builds alike
/// (SwiftPM does not define `NDEBUG`); with `NDEBUG` it would be undefined
/// behaviour (`TOML_ASSERT_ASSUME`). `scripts/fuzz config` found each of:
///
/// - a table header whose `[` or `[[` is not followed by a key, quote or `]`,
///   such as a line holding only `[` (also after a byte order mark);
/// - a `}` where an array expects a value (`a = [}` or `a = [1, }`);
/// - U+0085, U+2028 or U+2029 there, which toml++ takes for whitespace
///   without consuming it;
/// - a date, a space and one digit (`a = 1979-05-27 0`), which toml++ reads
///   on as a date-time past the value's end.
///
/// Rather than chase toml++'s value scanner case by case, every bare value
/// (a number, date, time or boolean: whatever is not a string, array or
/// inline table) must match TOML 1.0's grammar before toml++ sees it
/// ([TOML 1.0](https://toml.io/en/v1.0.0)), cut where toml++ cuts it.
///
/// The scan skips strings and comments and tracks which brackets of values
/// are open, so it looks for a header only where TOML allows one and for a
/// value only after `=`, or after `[` or `,` in an array. Everything it
/// refuses is invalid TOML; everything else (keys, redefinitions, ranges)
/// is left to the parser.
///
/// On the way it notes the line of every table header and key
/// (``TOMLKeyLines``), so that errors about values can name their line.
struct TOMLPreflight {
  private let bytes: [UInt8]
  private let file: String
  private var index: Int
  private var line = 1
  /// The open `[` and `{` of values, innermost last, with their lines.
  private var open: [(bracket: UInt8, line: Int)] = []
  private var atLineStart = true
  /// Whether a bare token here is a value: after `=`, or after `[` or `,` inside an array.
  private var expectsValue = false
  private var keyLines = TOMLKeyLines()
  /// The dotted path of the table the keys being read belong to.
  private var table = ""

  /// Throws a ``ConfigError`` naming `file` and the line for text toml++
  /// must not see; returns the line of each header and key.
  static func check(_ text: String, file: String) throws(ConfigError) -> TOMLKeyLines {
    var scan = TOMLPreflight(bytes: Array(text.utf8), file: file)
    try scan.run()
    return scan.keyLines
  }

  private init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    // toml++ skips a byte order mark at the start, so a header may follow it.
    index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  private func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

  private func error(_ message: String) -> ConfigError {
    ConfigError(file: file, line: line, message: "not valid TOML: \(message)")
  }

  private mutating func run() throws(ConfigError) {
    while index < bytes.count {
      let current = bytes[index]
      if current == UInt8(ascii: "\n") {
        line += 1
        atLineStart = true
        index += 1
        continue
      }
      if current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") || current == UInt8(ascii: "\r") {
        index += 1
        continue
      }
      let startsLine = atLineStart
      atLineStart = false
      if startsLine && open.isEmpty && current == UInt8(ascii: "[") {
        try header()
        continue
      }
      // A key: noted, and the scan goes on at its `=`.
      if startsLine && open.isEmpty && !expectsValue, let (parts, end) = key(from: index, until: UInt8(ascii: "=")) {
        keyLines.key(parts, in: table, line: line)
        index = end
        continue
      }
      switch current {
      case UInt8(ascii: "#"):
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        skipString(quote: current)
        expectsValue = false
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        open.append((current, line))
        expectsValue = current == UInt8(ascii: "[")
        index += 1
      case UInt8(ascii: "}") where open.last?.bracket == UInt8(ascii: "["):
        let opened = open[open.count - 1].line
        throw error("'}' where the array opened on line \(opened) needs a value or ']'")
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        _ = open.popLast()
        expectsValue = false
        index += 1
      case UInt8(ascii: ","):
        expectsValue = open.last?.bracket == UInt8(ascii: "[")
        index += 1
      case UInt8(ascii: "="):
        expectsValue = true
        index += 1
      case 0xC2 where byte(1) == 0x85, 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9):
        // toml++ counts these as whitespace that ends a value but never consumes them.
        let name =
          current == 0xC2
          ? "U+0085 (next line)" : byte(2) == 0xA8 ? "U+2028 (line separator)" : "U+2029 (paragraph separator)"
        throw error("\(name) outside a string; TOML ends lines with LF or CRLF only")
      default:
        if expectsValue {
          try value()
          expectsValue = false
        } else {
          index += 1
        }
      }
    }
  }

  /// A header line: `[` or `[[` must be followed by a name; the rest of the
  /// line holds no value, only the name and a comment.
  private mutating func header() throws(ConfigError) {
    var next = index + 1
    if next < bytes.count && bytes[next] == UInt8(ascii: "[") { next += 1 }
    while next < bytes.count && (bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t")) { next += 1 }
    guard next < bytes.count, Self.startsTableName(bytes[next]) else {
      throw error("a table header needs a name after '['")
    }
    if let (parts, _) = key(from: next, until: UInt8(ascii: "]")) {
      table = keyLines.header(parts, isArray: next > index + 1 && bytes[index + 1] == UInt8(ascii: "["), line: line)
    }
    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
    expectsValue = false
  }

  /// The parts of a (dotted) key starting at `start` and ending, after
  /// spaces, at `terminator` (`=` for a key, `]` for a header): bare parts
  /// as written, quoted ones unquoted (basic strings' escapes `\"`, `\\`
  /// and `\uXXXX` read; any other escape keeps the key from being noted).
  /// Nil for anything else, which the parser reports. Returns the parts and
  /// the terminator's offset.
  private func key(from start: Int, until terminator: UInt8) -> (parts: [String], end: Int)? {
    var parts: [String] = []
    var at = start
    func skipBlanks() {
      while at < bytes.count && (bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t")) { at += 1 }
    }
    while true {
      skipBlanks()
      guard at < bytes.count else { return nil }
      let first = bytes[at]
      if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
        var text: [UInt8] = []
        at += 1
        while at < bytes.count && bytes[at] != first {
          guard bytes[at] != UInt8(ascii: "\n") else { return nil }
          if first == UInt8(ascii: "\""), bytes[at] == UInt8(ascii: "\\") {
            guard at + 1 < bytes.count else { return nil }
            switch bytes[at + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
              text.append(bytes[at + 1])
              at += 2
            case UInt8(ascii: "u") where at + 6 <= bytes.count:
              guard let code = UInt32(String(decoding: bytes[(at + 2)..<(at + 6)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
              else { return nil }
              text.append(contentsOf: Array(String(Character(scalar)).utf8))
              at += 6
            default:
              return nil
            }
            continue
          }
          text.append(bytes[at])
          at += 1
        }
        guard at < bytes.count else { return nil }
        at += 1
        parts.append(String(decoding: text, as: UTF8.self))
      } else {
        let begin = at
        while at < bytes.count && Self.isBareKeyCharacter(bytes[at]) { at += 1 }
        guard at > begin else { return nil }
        parts.append(String(decoding: bytes[begin..<at], as: UTF8.self))
      }
      skipBlanks()
      guard at < bytes.count else { return nil }
      if bytes[at] == UInt8(ascii: ".") {
        at += 1
        continue
      }
      return bytes[at] == terminator ? (parts, at) : nil
    }
  }

  private static func isBareKeyCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
      true
    default:
      false
    }
  }

  /// Skips a string of any of TOML's four kinds, and a line break right after it.
  private mutating func skipString(quote: UInt8) {
    let multiLine = byte(1) == quote && byte(2) == quote
    let escapes = quote == UInt8(ascii: "\"")
    index += multiLine ? 3 : 1
    while index < bytes.count {
      let scalar = bytes[index]
      if escapes && scalar == UInt8(ascii: "\\") {
        if byte(1) == UInt8(ascii: "\n") { line += 1 }
        index += 2
        continue
      }
      if scalar == UInt8(ascii: "\n") {
        // An unterminated one-line string: the parser reports it.
        if !multiLine { break }
        line += 1
      }
      if scalar == quote && (!multiLine || (byte(1) == quote && byte(2) == quote)) {
        index += multiLine ? 3 : 1
        // A closing `"""` may be followed by up to two more quotes that belong to the string.
        while multiLine && byte(0) == quote { index += 1 }
        break
      }
      index += 1
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: "\n") {
      line += 1
      atLineStart = true
      index += 1
    }
  }

  /// A bare value, cut where toml++ cuts it: at whitespace, `]`, `}`, `,` or
  /// `#` (and at any non-ASCII byte, which no bare value holds), except that
  /// a date followed by a space and a digit reads on as a date-time.
  private mutating func value() throws(ConfigError) {
    let start = index
    skipToken()
    if index - start == 10, Self.hasDateShape(bytes[start..<index]), byte(0) == UInt8(ascii: " "),
      let digit = byte(1), TOMLValueGrammar.isDigit(digit)
    {
      index += 1
      skipToken()
    }
    let token = bytes[start..<index]
    guard TOMLValueGrammar.isBareValue(token) else {
      throw error("'\(Self.printable(token))' is not a number, date, time, true or false (text needs quotes)")
    }
  }

  private mutating func skipToken() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "]"),
        UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "#"), 0x80...0xFF:
        return
      default:
        index += 1
      }
    }
  }

  /// What toml++ tries as a date-time with a space: ten digits and dashes,
  /// starting with a digit, with dashes at 4 and 7.
  private static func hasDateShape(_ token: ArraySlice<UInt8>) -> Bool {
    let s = Array(token)
    guard TOMLValueGrammar.isDigit(s[0]), s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-") else { return false }
    return s.allSatisfy { TOMLValueGrammar.isDigit($0) || $0 == UInt8(ascii: "-") }
  }

  /// The token for a message: printable ASCII as is, anything else as `?`, at most 40 characters.
  private static func printable(_ token: ArraySlice<UInt8>) -> String {
    let shown = token.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? Character(UnicodeScalar($0)) : "?" }
    return String(shown) + (token.count > 40 ? "…" : "")
  }

  /// A character that may begin a table name: a bare-key character, a quote,
  /// or `]` (an empty name, which the parser reports itself).
  private static func startsTableName(_ byte: UInt8) -> Bool {
    isBareKeyCharacter(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "]")
  }
}
