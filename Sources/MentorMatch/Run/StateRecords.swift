import GRDB

/// One committed run: a row of table `run`.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run"

  /// The run id the orchestrator derives from the as-of and the input hashes.
  public var id: String
  /// The run's as-of timestamp, as recorded in its manifest (ISO 8601).
  public var asOf: String
  /// Always `committed`: a run row exists only once its transaction commits.
  public var status: String
  public var configSHA256: String
  /// One digest over every input file (the orchestrator decides how it combines them).
  public var inputsSHA256: String
  /// 1, 2, 3, … in commit order.
  public var sequence: Int

  /// A run to commit; `sequence` is assigned by ``StateStore/commit(run:people:newPairs:notifications:)``.
  public init(id: String, asOf: String, configSHA256: String, inputsSHA256: String, sequence: Int = 0) {
    self.id = id
    self.asOf = asOf
    self.status = "committed"
    self.configSHA256 = configSHA256
    self.inputsSHA256 = inputsSHA256
    self.sequence = sequence
  }

  enum CodingKeys: String, CodingKey {
    case id, status, sequence
    case asOf = "as_of"
    case configSHA256 = "config_sha256"
    case inputsSHA256 = "inputs_sha256"
  }
}

/// A person the runs have seen: a row of table `person`. No names and no
/// email addresses; only a salted SHA-256 of the lowercased email, so that an
/// erasure request by email can find the person.
public struct PersonRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "person"

  /// The stable id from the export.
  public var id: String
  /// The cohort the person was last seen in.
  public var cohort: String
  /// `mentor`, `mentee` or `both`.
  public var role: String
  /// Salted SHA-256 (hex) of the trimmed, lowercased email; nil when unknown.
  public var emailSHA256: String?
  public var firstSeenRun: String
  public var lastSeenRun: String

  enum CodingKeys: String, CodingKey {
    case id, cohort, role
    case emailSHA256 = "email_sha256"
    case firstSeenRun = "first_seen_run"
    case lastSeenRun = "last_seen_run"
  }
}

/// A pair made by a run: a row of table `pair`.
public struct PairRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "pair"

  /// The row id; nil before insertion.
  public var rowID: Int64?
  public var menteeID: String
  public var mentorID: String
  public var cohort: String
  /// The run that made the pair.
  public var runID: String
  /// The pair's integer score from scoring.
  public var score: Int
  /// `active` or `ended`.
  public var status: String
  public var endedReason: String?
  /// The as-of given to `pairs end` (ISO 8601).
  public var endedAsOf: String?

  public var isActive: Bool { status == "active" }

  enum CodingKeys: String, CodingKey {
    case rowID = "id"
    case cohort, score, status
    case menteeID = "mentee_id"
    case mentorID = "mentor_id"
    case runID = "run_id"
    case endedReason = "ended_reason"
    case endedAsOf = "ended_as_of"
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) {
    rowID = inserted.rowID
  }
}

/// An email a run owes or has published: a row of table `notification`.
public struct NotificationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "notification"

  public var rowID: Int64?
  public var runID: String
  /// The person id of the recipient.
  public var recipientID: String
  /// What the email is about (for example `mentee-match`, `mentor-match`).
  public var kind: String
  /// The .eml file's name inside the run folder's outbox.
  public var fileName: String
  /// `owed` or `published`.
  public var status: String

  enum CodingKeys: String, CodingKey {
    case rowID = "id"
    case kind, status
    case runID = "run_id"
    case recipientID = "recipient_id"
    case fileName = "file_name"
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) {
    rowID = inserted.rowID
  }
}
