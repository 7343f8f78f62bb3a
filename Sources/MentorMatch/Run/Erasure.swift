/// Redacts a person's rows from stored CSV files without disturbing anything
/// else: the bytes of every other row, the quoting, the line ends, the
/// encoding and, above all, the physical line numbers stay as they were, so
/// that `file:line` references in reports and rejects still point at the
/// right row.
///
/// A matching record is replaced by one line holding `[redacted]` in each of
/// its fields (written with ``CSVWriter``); when the record spanned several
/// lines (quoted line breaks), the extra lines become blank lines, which
/// ``CSVReader`` skips. The header (record 0) is never redacted.
public enum Erasure {
  /// What replaces every field of a redacted row.
  public static let placeholder = "[redacted]"

  /// How to read one CSV file and which of its rows to redact.
  public struct Rule: Sendable {
    public var options: CSVReadOptions
    /// True for a row to redact, given its fields.
    public var matches: @Sendable (_ fields: [String]) -> Bool
    /// True for a row that could not be read as fields (bad UTF-8, a stray
    /// quote) to redact, given its raw bytes. Without it such rows are kept.
    public var matchesUnreadable: (@Sendable (_ bytes: [UInt8]) -> Bool)?

    /// Creates a value from its parts.
    public init(
      options: CSVReadOptions = CSVReadOptions(), matches: @escaping @Sendable (_ fields: [String]) -> Bool,
      matchesUnreadable: (@Sendable (_ bytes: [UInt8]) -> Bool)? = nil
    ) {
      self.options = options
      self.matches = matches
      self.matchesUnreadable = matchesUnreadable
    }
  }

  /// The result of redacting one file's bytes.
  public struct CSVResult: Sendable, Equatable {
    public var bytes: [UInt8]
    /// How many records were redacted.
    public var redactedRows: Int
  }

  /// Redacts the records of CSV `bytes` that `rule` matches. Records already
  /// redacted are left alone, so applying the same erasure twice changes nothing.
  ///
  /// - Parameter name: the file's name, for messages.
  public static func redactCSV(_ bytes: [UInt8], name: String, rule: Rule) throws -> CSVResult {
    let rows = try CSVReader(bytes: bytes, name: name, options: rule.options).readAll()
    let lines = physicalLines(bytes)
    var targets: [(first: Int, end: Int, fieldCount: Int)] = []
    var headerWidth = 1
    for (index, row) in rows.enumerated() {
      let end = index + 1 < rows.count ? rows[index + 1].line : lines.count + 1
      switch row {
      case .record(let record) where record.number == 0:
        headerWidth = max(1, record.fields.count)
      case .record(let record):
        guard rule.matches(record.fields), !record.fields.allSatisfy({ $0 == placeholder }) else { continue }
        targets.append((record.line, end, record.fields.count))
      case .malformed(let bad):
        guard bad.number > 0, let raw = rule.matchesUnreadable, bad.line <= lines.count else { continue }
        let span = lines[(bad.line - 1)..<min(end - 1, lines.count)]
        guard let first = span.first, let last = span.last, raw(Array(bytes[first.start..<last.end])) else { continue }
        targets.append((bad.line, end, headerWidth))
      }
    }
    guard !targets.isEmpty else { return CSVResult(bytes: bytes, redactedRows: 0) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var next = 0
    for target in targets {
      // Lines are 1-based in CSVReader, 0-based here.
      for line in lines[next..<(target.first - 1)] { output += bytes[line.start..<line.end] }
      var writer = CSVWriter(mode: .plain, delimiter: rule.options.delimiter)
      writer.write(Array(repeating: placeholder, count: target.fieldCount))
      output += writer.bytes.dropLast(2)  // CSVWriter ends a record with CRLF; keep the file's own line end
      for line in lines[(target.first - 1)..<min(target.end - 1, lines.count)] {
        output += bytes[line.contentEnd..<line.end]
      }
      next = min(target.end - 1, lines.count)
    }
    for line in lines[next...] { output += bytes[line.start..<line.end] }
    return CSVResult(bytes: output, redactedRows: targets.count)
  }

  /// A physical line: its bytes are `start..<end`, the line end `contentEnd..<end`.
  struct Line {
    var start: Int
    var contentEnd: Int
    var end: Int
  }

  /// Splits bytes into lines the way ``CSVReader`` counts them: CRLF, a lone
  /// CR and a lone LF each end one line.
  static func physicalLines(_ bytes: [UInt8]) -> [Line] {
    var lines: [Line] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        var end = index + 1
        if byte == 0x0D, end < bytes.count, bytes[end] == 0x0A { end += 1 }
        lines.append(Line(start: start, contentEnd: index, end: end))
        start = end
        index = end
      } else {
        index += 1
      }
    }
    if start < bytes.count { lines.append(Line(start: start, contentEnd: bytes.count, end: bytes.count)) }
    return lines
  }
}
