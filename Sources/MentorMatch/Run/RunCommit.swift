/// A person as the run saw them, handed to ``StateStore/commit(run:people:newPairs:notifications:)``.
public struct PersonSeen: Sendable, Equatable {
  public var id: String
  public var cohort: String
  /// `mentor`, `mentee` or `both`.
  public var role: String
  /// The email, only to store its salted digest; never stored itself.
  public var email: String?

  /// Creates a value from its parts.
  public init(id: String, cohort: String, role: String, email: String?) {
    self.id = id
    self.cohort = cohort
    self.role = role
    self.email = email
  }

  /// Everyone an ingest accepted, in its order: the people a run commits.
  public static func everyone(in ingest: IngestResult) -> [PersonSeen] {
    ingest.signups.map { PersonSeen(id: $0.id, cohort: $0.cohort, role: $0.role.rawValue, email: $0.emailKey) }
  }
}

/// A pair a run made, handed to ``StateStore/commit(run:people:newPairs:notifications:)``.
public struct NewPair: Sendable, Equatable {
  public var menteeID: String
  public var mentorID: String
  public var cohort: String
  public var score: Int

  /// Creates a value from its parts.
  public init(menteeID: String, mentorID: String, cohort: String, score: Int) {
    self.menteeID = menteeID
    self.mentorID = mentorID
    self.cohort = cohort
    self.score = score
  }
}

/// An email a run owes, handed to ``StateStore/commit(run:people:newPairs:notifications:)``.
public struct OwedNotification: Sendable, Equatable {
  public var recipientID: String
  public var kind: String
  /// The .eml file name in the run folder's outbox.
  public var fileName: String

  /// Creates a value from its parts.
  public init(recipientID: String, kind: String, fileName: String) {
    self.recipientID = recipientID
    self.kind = kind
    self.fileName = fileName
  }
}

/// What ``StateStore/commit(run:people:newPairs:notifications:)`` did.
public enum CommitOutcome: Sendable, Equatable {
  /// The run, its people, pairs and notifications are now in the state.
  case committed
  /// The run id was already committed with the same hashes; nothing changed.
  case alreadyCommitted
}
