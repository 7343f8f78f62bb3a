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

  /// One warning per export file with a header and no rows, which an export
  /// job that failed upstream leaves as often as a quiet day does.
  public var emptyFileWarnings: [String] {
    zip(files, recordsPerFile).filter { $0.1 == 0 }.map { file, _ in
      "warning: \(file) holds a header and no rows: nobody was read from it (is the export complete?)"
    }
  }

  /// Accepted sign-ups per cohort and role, sorted by cohort.
  public var acceptedByCohort: [(cohort: String, roles: [Role: Int])] {
    // Runs of one cohort are common: checking the last cohort first spares a
    // dictionary lookup per sign-up, and indexing spares a copy of each.
    var cohorts: [String] = []
    var counts: [[Int]] = []
    var position: [String: Int] = [:]
    var last = -1
    for index in signups.indices {
      let cohort = signups[index].cohort
      if last < 0 || cohorts[last] != cohort {
        if let known = position[cohort] {
          last = known
        } else {
          last = cohorts.count
          position[cohort] = last
          cohorts.append(cohort)
          counts.append([0, 0, 0])
        }
      }
      switch signups[index].role {
      case .mentor: counts[last][0] += 1
      case .mentee: counts[last][1] += 1
      case .both: counts[last][2] += 1
      }
    }
    return zip(cohorts, counts).sorted { $0.0 < $1.0 }.map { cohort, perRole in
      var roles: [Role: Int] = [:]
      for (role, count) in zip(Role.allCases, perRole) where count > 0 { roles[role] = count }
      return (cohort, roles)
    }
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

extension IngestResult {
  /// The rejected records as `validate` and `run` print them, one line per
  /// problem (`signups.csv:132: grade: unknown-grade: unknown grade 'G8' (…)`):
  /// the first `limit` records, then one line counting the rest, which
  /// `rest` says where to find (`… 3 more rejected records in rejects.csv`).
  /// Messages name fields and codes, never the person's data.
  public func rejectLines(limit: Int, rest: String) -> [String] {
    var lines: [String] = []
    for record in rejected.prefix(max(limit, 0)) {
      for problem in record.problems {
        let field = problem.field.isEmpty ? "" : " \(problem.field):"
        lines.append("\(record.location):\(field) \(problem.reason.rawValue): \(problem.message)")
      }
    }
    let more = rejected.count - max(limit, 0)
    if more > 0 {
      lines.append("… \(CountedNoun.phrase(more, "more rejected record"))\(rest.isEmpty ? "" : " \(rest)")")
    }
    return lines
  }
}
