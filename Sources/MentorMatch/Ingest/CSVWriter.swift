/// Writes CSV as RFC 4180 describes it (<https://www.rfc-editor.org/rfc/rfc4180>):
/// UTF-8, CRLF after every record, and a field quoted when it holds the
/// delimiter, a quote, a CR or an LF, with inner quotes doubled.
///
/// Every CSV the project emits goes through this type. Pure: it builds bytes,
/// and the caller decides where they go.
public struct CSVWriter: Sendable {
  /// Whether cells that a spreadsheet would run as a formula are neutralised.
  public enum Mode: Sendable {
    /// Values as they are: for data read back by programs (edge lists, state).
    case plain
    /// For reports that people open in a spreadsheet: a cell starting with
    /// `=`, `+`, `-`, `@`, tab, CR or LF gets a leading `'`, per OWASP's
    /// CSV Injection guidance (<https://owasp.org/www-community/attacks/CSV_Injection>).
    case formulaSafe
  }

  public let mode: Mode
  public let delimiter: UInt8
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  public init(mode: Mode, delimiter: UInt8 = UInt8(ascii: ",")) {
    self.mode = mode
    self.delimiter = delimiter
  }

  /// Makes room for `byteCount` bytes in all, so a big file is not copied as it grows.
  public mutating func reserveCapacity(_ byteCount: Int) {
    bytes.reserveCapacity(byteCount)
  }

  /// Appends one record.
  public mutating func write(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(delimiter) }
      append(field)
    }
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  /// Appends one record whose cells are any values that describe themselves.
  public mutating func write(_ fields: [any CustomStringConvertible]) {
    write(fields.map(\.description))
  }

  /// The text written so far.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether a cell would be read as a formula by a spreadsheet.
  public static func isFormulaLike(_ value: String) -> Bool {
    guard let first = value.utf8.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: return true
    default: return false
    }
  }

  // One pass over the field's bytes and no copy of them: report CSVs have
  // tens of thousands of cells.
  private mutating func append(_ field: String) {
    let utf8 = field.utf8
    let prefixed = mode == .formulaSafe && Self.isFormulaLike(field)
    let delimiter = self.delimiter
    // A leading space needs quotes unless the formula prefix comes first;
    // a trailing one always does.
    let span = utf8.span
    var needsQuotes = !span.isEmpty && ((!prefixed && span[0] == 0x20) || span[span.count - 1] == 0x20)
    var index = 0
    while !needsQuotes, index < span.count {
      let byte = span[index]
      needsQuotes = byte == delimiter || byte == 0x22 || byte == 0x0D || byte == 0x0A
      index += 1
    }
    if needsQuotes { bytes.append(0x22) }
    if prefixed { bytes.append(UInt8(ascii: "'")) }
    if needsQuotes {
      for byte in utf8 {
        if byte == 0x22 { bytes.append(0x22) }
        bytes.append(byte)
      }
      bytes.append(0x22)
    } else {
      bytes.append(contentsOf: utf8)
    }
  }
}
