import Foundation

/// The summary `mentormatch validate` prints, as text or as one JSON object.
public struct ValidationSummary: Codable, Sendable, Equatable {
  public struct FileCount: Codable, Sendable, Equatable {
    public var file: String
    public var records: Int
  }

  public struct CohortCount: Codable, Sendable, Equatable {
    public var cohort: String
    public var mentors: Int
    public var mentees: Int
    public var both: Int
  }

  public struct ReasonCount: Codable, Sendable, Equatable {
    public var reason: String
    public var count: Int
  }

  public var files: [FileCount]
  public var recordsRead: Int
  public var accepted: Int
  public var rejected: Int
  public var superseded: Int
  public var acceptedByCohort: [CohortCount]
  public var rejectedByReason: [ReasonCount]

  public init(_ result: IngestResult) {
    files = zip(result.files, result.recordsPerFile).map { FileCount(file: $0, records: $1) }
    recordsRead = result.recordsRead
    accepted = result.signups.count
    rejected = result.rejected.count
    superseded = result.superseded.count
    acceptedByCohort = result.acceptedByCohort.map {
      CohortCount(cohort: $0.cohort, mentors: $0.roles[.mentor] ?? 0, mentees: $0.roles[.mentee] ?? 0, both: $0.roles[.both] ?? 0)
    }
    rejectedByReason = result.rejectedByReason.map { ReasonCount(reason: $0.reason.rawValue, count: $0.count) }
  }

  /// Lines for a person, ending with the accounting identity.
  public var text: String {
    var lines: [String] = []
    for file in files { lines.append("\(file.file): \(CountedNoun.phrase(file.records, "record"))") }
    lines.append("records read: \(recordsRead) = accepted \(accepted) + rejected \(rejected) + superseded \(superseded)")
    if !acceptedByCohort.isEmpty {
      lines.append("accepted by cohort:")
      for cohort in acceptedByCohort {
        lines.append("  \(cohort.cohort): \(CountedNoun.phrase(cohort.mentors, "mentor")), \(CountedNoun.phrase(cohort.mentees, "mentee")), \(cohort.both) both")
      }
    }
    if !rejectedByReason.isEmpty {
      lines.append("rejected by reason:")
      for reason in rejectedByReason { lines.append("  \(reason.reason): \(reason.count)") }
    }
    return lines.joined(separator: "\n")
  }
}

extension ValidationSummary {
  /// One JSON object, keys sorted, so the output is byte-stable.
  public func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
