/// A problem that stops ingest for the whole run: the export is unusable.
public enum IngestError: Error, Equatable, CustomStringConvertible, ExitCoded {
  case csv(CSVError)
  case emptyFile(file: String)
  case missingColumn(file: String, field: String, header: String, delimiterHint: String?)
  /// A column the config names (`table` is `input.columns` or `input.extra`)
  /// is not in the file: every row would read the field as empty.
  case missingNamedColumn(
    file: String, field: String, header: String, table: String, required: Bool, delimiterHint: String?)
  case duplicateColumn(file: String, header: String)
  /// A column `[input.extra]` names that none of the export's files has
  /// (each file is of one side, so each may lack some).
  case extraColumnInNoFile(files: [String], field: String, header: String)
  case tooManyRejects(rejected: Int, read: Int, limit: Double)
  /// The file ends mid-record: its last record has fewer fields than the
  /// header and no line break after it.
  case cutShort(file: String, line: Int, fields: Int, width: Int)

  public var description: String {
    switch self {
    case .csv(let error):
      return error.description
    case .emptyFile(let file):
      return "\(file): the file is empty; expected a header row"
    case .missingColumn(let file, let field, let header, let hint):
      var text = "\(file):1: missing column '\(header)' for required field '\(field)'"
      if let hint { text += "; \(hint)" }
      return text
    case .missingNamedColumn(let file, let field, let header, let table, let required, let hint):
      let extra = table == "input.extra"
      let kind = required ? "required field" : extra ? "extra field" : "field"
      let remedy =
        required ? "" : extra ? "; remove it there if the export has no such column" : "; map it to \"\" if the export has no such column"
      var text = "\(file):1: missing column '\(header)' for \(kind) '\(field)' (named in [\(table)]\(remedy))"
      if let hint { text += "; \(hint)" }
      return text
    case .extraColumnInNoFile(let files, let field, let header):
      return "\(files.joined(separator: ", ")): no file has column '\(header)' for extra field '\(field)' "
        + "(named in [input.extra]; remove it there if the exports have no such column)"
    case .duplicateColumn(let file, let header):
      return "\(file):1: column '\(header)' appears more than once"
    case .cutShort(let file, let line, let fields, let width):
      return "\(file):\(line): the file ends in the middle of this record (\(CountedNoun.phrase(fields, "field")) of \(width), "
        + "no line break after it): the export looks cut short (still being written?); run again once it is complete"
    case .tooManyRejects(let rejected, let read, let limit):
      let percent = read == 0 ? 0 : rejected * 100 / read
      return "\(rejected) of \(CountedNoun.phrase(read, "record")) rejected (\(percent)%), over the limit of \(Int(limit * 100))% "
        + "(input.max_reject_share); the export looks broken, so nothing was written"
    }
  }

  public var exitStatus: ExitStatus {
    switch self {
    case .csv(let error): error.exitStatus
    default: .dataError
    }
  }
}
