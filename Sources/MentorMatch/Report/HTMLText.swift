/// An HTML document under construction: UTF-8 bytes appended to one buffer,
/// so a large report is built in linear time.
///
/// Markup the report writes itself goes in through ``raw(_:)``; every value
/// that came from an input goes through ``text(_:)``, which calls
/// ``escape(_:into:)``, the one escaping function of the report stage.
struct HTMLText {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 64 * 1024) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends markup written by the report itself (never input text).
  mutating func raw(_ markup: String) {
    bytes.append(contentsOf: markup.utf8)
  }

  /// Appends input text, escaped for element content and quoted attribute values.
  mutating func text(_ value: String) {
    Self.escape(value, into: &bytes)
  }

  /// Appends a copy of bytes already written, and returns where the copy is.
  mutating func repeatBytes(_ range: Range<Int>) -> Range<Int> {
    let start = bytes.count
    bytes.append(contentsOf: Array(bytes[range]))
    return start..<bytes.count
  }

  /// Appends an integer with thousands separators (`12,345`).
  mutating func count(_ value: Int) {
    raw(ReportFormat.count(value))
  }

  /// Escapes `value` for HTML element content and double- or single-quoted
  /// attribute values (the five characters of the
  /// [OWASP rule](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)),
  /// and replaces control characters, which HTML forbids, with U+FFFD.
  static func escape(_ value: String, into bytes: inout [UInt8]) {
    // Most values need no escaping: one scan, then one copy.
    let span = value.utf8.span
    var plain = true
    var index = 0
    while plain, index < span.count {
      let byte = span[index]
      plain = byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
        && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
      index += 1
    }
    if plain {
      bytes.append(contentsOf: value.utf8)
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
      case 0x09, 0x0A, 0x0D: bytes.append(byte)
      case 0x00..<0x20, 0x7F: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
      default: bytes.append(byte)
      }
    }
  }
}

/// Escapes input text for HTML, as every report page does.
public enum HTMLEscaping {
  /// `value` with `& < > " '` replaced by character references and control
  /// characters by U+FFFD; safe in element content and quoted attributes.
  public static func escape(_ value: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.utf8.count)
    HTMLText.escape(value, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Number formatting for reports: fixed, locale-free, so bytes never depend
/// on the machine's settings.
enum ReportFormat {
  /// `1234567` → `1,234,567`.
  static func count(_ value: Int) -> String {
    if (0..<1000).contains(value) { return String(value) }
    let digits = String(value.magnitude)
    var out = value < 0 ? "−" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }

  /// `part` of `whole` as a whole percentage, rounded half up (`2 of 3` → `67%`); `–` when `whole` is 0.
  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "–" }
    return "\((part * 200 + whole) / (2 * whole))%"
  }

  /// A score range label: `60–69`, or `60` for a one-wide range.
  static func range(_ lower: Int, _ upper: Int) -> String {
    lower == upper ? count(lower) : "\(count(lower))–\(count(upper))"
  }
}
