/// What ingest made of the exports: the accepted sign-ups and an account of
/// every other record. `accepted + rejected + superseded == recordsRead` always.
public struct IngestResult: Sendable {
  /// The export files, in config order.
  public var files: [String]
  /// Data records read per file (the header is not counted).
  public var recordsPerFile: [Int]
  /// Accepted sign-ups, sorted by id.
  public var signups: [Signup]
  /// Rejected records, in file and line order.
  public var rejected: [RejectedRecord]
  /// Records replaced by a later sign-up of the same person.
  public var superseded: [RejectedRecord]

  public var recordsRead: Int { recordsPerFile.reduce(0, +) }

  /// Accepted sign-ups per cohort and role, sorted by cohort.
  public var acceptedByCohort: [(cohort: String, roles: [Role: Int])] {
    var counts: [String: [Role: Int]] = [:]
    for signup in signups { counts[signup.cohort, default: [:]][signup.role, default: 0] += 1 }
    return counts.keys.sorted().map { ($0, counts[$0]!) }
  }

  /// Rejected records per reason (the first problem of each), sorted by reason.
  public var rejectedByReason: [(reason: RejectReason, count: Int)] {
    var counts: [RejectReason: Int] = [:]
    for record in rejected { counts[record.reason, default: 0] += 1 }
    return counts.keys.sorted().map { ($0, counts[$0]!) }
  }

  /// `rejects.csv`: one row per problem of every rejected or superseded
  /// record, formula-safe. Columns: file, line, record, field, reason, message.
  public func rejectsCSV() -> [UInt8] {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(["file", "line", "record", "field", "reason", "message"])
    let all = (rejected + superseded).sorted { $0.location < $1.location }
    for record in all {
      for problem in record.problems {
        writer.write([
          record.location.file, String(record.location.line), String(record.location.record),
          problem.field, problem.reason.rawValue, problem.message,
        ])
      }
    }
    return writer.bytes
  }
}
