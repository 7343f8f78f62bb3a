/// Counts the records and fields of a CSV file: the reader's work and nothing
/// else, for benchmarks and quick checks.
public struct CSVTally: Sendable, Equatable {
  public var records = 0
  public var fields = 0
  public var malformed = 0

  /// Reads the file through ``CSVReader/forEachRowView(_:)``: every byte is
  /// parsed, trimmed and checked, but no field becomes a `String`.
  public static func count(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> CSVTally {
    var tally = CSVTally()
    try CSVReader(path: path, options: options).forEachRowView { row in
      switch row {
      case .record(let record):
        tally.records += 1
        tally.fields += record.count
      case .malformed:
        tally.malformed += 1
      }
    }
    return tally
  }
}
