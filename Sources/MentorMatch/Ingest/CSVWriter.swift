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
      writeCell(field, first: index == 0)
    }
    endRecord()
  }

  /// Appends one cell of the record being built, after a delimiter unless it
  /// is the record's first; ``endRecord()`` ends the record. For writers that
  /// build rows without an array of cells per row.
  public mutating func writeCell(_ field: String, first: Bool = false) {
    if !first { bytes.append(delimiter) }
    append(field)
  }

  /// ``writeCell(_:first:)`` for a cell given as its UTF-8 bytes (valid UTF-8).
  public mutating func writeCell(utf8 field: [UInt8], first: Bool = false) {
    if !first { bytes.append(delimiter) }
    append(field)
  }

  /// Appends cells another writer of the same mode and delimiter rendered
  /// (its ``bytes``, delimiters included, no record end), so a row's repeated
  /// cells are quoted and neutralised once, not once per row.
  public mutating func writeRendered(_ cells: [UInt8]) {
    bytes.append(contentsOf: cells)
  }

  /// Ends the record being built with CRLF.
  public mutating func endRecord() {
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
    return startsFormula(first)
  }

  // One pass over the field's bytes to shape it and one bulk copy of them:
  // report CSVs have tens of thousands of cells.
  private mutating func append(_ field: String) { append(field.utf8.span, whole: field.utf8) }

  private mutating func append(_ field: [UInt8]) { append(field.span, whole: field) }

  /// One field given as its bytes (`span`) and as a collection of the same
  /// bytes (`whole`), which is copied in bulk when nothing needs doubling.
  private mutating func append(_ span: Span<UInt8>, whole: some Collection<UInt8>) {
    let (prefixed, quoted) = shape(span)
    if quoted { bytes.append(0x22) }
    if prefixed { bytes.append(UInt8(ascii: "'")) }
    if quoted && Self.containsQuote(span) {
      appendDoublingQuotes(span)
    } else {
      bytes.append(contentsOf: whole)
    }
    if quoted { bytes.append(0x22) }
  }

  /// Whether a cell gets the formula prefix, and whether it needs quotes.
  private func shape(_ span: Span<UInt8>) -> (prefixed: Bool, quoted: Bool) {
    let prefixed = mode == .formulaSafe && !span.isEmpty && Self.startsFormula(span[0])
    let delimiter = self.delimiter
    // A leading space needs quotes unless the formula prefix comes first;
    // a trailing one always does.
    var needsQuotes = !span.isEmpty && ((!prefixed && span[0] == 0x20) || span[span.count - 1] == 0x20)
    var index = 0
    while !needsQuotes, index < span.count {
      let byte = span[index]
      needsQuotes = byte == delimiter || byte == 0x22 || byte == 0x0D || byte == 0x0A
      index += 1
    }
    return (prefixed, needsQuotes)
  }

  private static func containsQuote(_ span: Span<UInt8>) -> Bool {
    for index in span.indices where span[index] == 0x22 { return true }
    return false
  }

  private mutating func appendDoublingQuotes(_ span: Span<UInt8>) {
    for index in span.indices {
      let byte = span[index]
      if byte == 0x22 { bytes.append(0x22) }
      bytes.append(byte)
    }
  }

  private static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: return true
    default: return false
    }
  }
}
