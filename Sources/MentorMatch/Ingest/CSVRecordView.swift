/// One record read from a CSV file, as a view of its fields' bytes.
///
/// ``CSVReader/forEachRowView(_:)`` hands these out so that a large export
/// is read without one `String` per field: a caller makes Strings only for
/// the fields it keeps and compares the rest as bytes. Every field has been
/// trimmed, checked for NUL bytes and validated as UTF-8 (or transcoded from
/// Windows-1252) before the view is made, so ``string(at:)`` cannot fail.
///
/// A view is a value: keeping one past the call keeps its batch alive (the
/// reader then starts a fresh one), which is safe but costs memory.
public struct CSVRecordView: Sendable {
  private let storage: [UInt8]
  private let bounds: [Int]
  private let firstBound: Int
  /// How many fields the record has.
  public let count: Int
  /// The physical line (1-based) on which the record starts.
  public let line: Int
  /// The record's number: 0 for the header, 1 for the first data record.
  public let number: Int

  init(storage: [UInt8], bounds: [Int], firstBound: Int, count: Int, line: Int, number: Int) {
    self.storage = storage
    self.bounds = bounds
    self.firstBound = firstBound
    self.count = count
    self.line = line
    self.number = number
  }

  /// A view of a record held as Strings (tests, and callers that built one).
  public init(_ record: CSVRecord) {
    var storage: [UInt8] = []
    var bounds = [0]
    for field in record.fields {
      storage.append(contentsOf: field.utf8)
      bounds.append(storage.count)
    }
    self.init(
      storage: storage, bounds: bounds, firstBound: 0, count: record.fields.count,
      line: record.line, number: record.number)
  }

  /// The UTF-8 bytes of the field at a 0-based column; empty when the record
  /// has no such column.
  public func utf8(at column: Int) -> ArraySlice<UInt8> {
    guard column >= 0, column < count else { return [] }
    return storage[bounds[firstBound + column]..<bounds[firstBound + column + 1]]
  }

  /// How many bytes the record's fields hold, after trimming: without
  /// delimiters, quotes and the line end.
  public var byteCount: Int {
    bounds[firstBound + count] - bounds[firstBound]
  }

  /// The field at a 0-based column as a String; empty when the record has
  /// no such column.
  public func string(at column: Int) -> String {
    String(decoding: utf8(at: column), as: UTF8.self)
  }

  /// Every field as a String.
  public var fields: [String] {
    (0..<count).map { string(at: $0) }
  }

  /// The record with its fields as Strings.
  public var record: CSVRecord {
    CSVRecord(fields: fields, line: line, number: number)
  }
}

/// One row event from ``CSVReader/forEachRowView(_:)``: a record view, or a
/// record that could not be read.
public enum CSVRowView: Sendable {
  case record(CSVRecordView)
  case malformed(CSVMalformedRecord)

  /// The row as a view, for code that holds a ``CSVRow``.
  public init(_ row: CSVRow) {
    switch row {
    case .record(let record): self = .record(CSVRecordView(record))
    case .malformed(let bad): self = .malformed(bad)
    }
  }

  /// The physical line the row starts on.
  public var line: Int {
    switch self {
    case .record(let record): record.line
    case .malformed(let bad): bad.line
    }
  }
}

extension CSVRow {
  /// The row with its fields as Strings.
  public init(_ view: CSVRowView) {
    switch view {
    case .record(let record): self = .record(record.record)
    case .malformed(let bad): self = .malformed(bad)
    }
  }
}
