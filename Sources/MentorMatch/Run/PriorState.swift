/// What the state holds before a run, as plain sorted values: the input the
/// orchestrator needs for incremental matching.
public struct PriorState: Sendable, Equatable {
  /// Every pair ever made, active and ended, sorted by cohort, mentee, mentor, run.
  /// The ended ones feed the `no-repeat` rule.
  public var pairs: [PairRecord]
  /// Every person seen, sorted by id.
  public var people: [PersonRecord]
  /// The last committed run, if any.
  public var lastRun: RunRecord?

  public init(pairs: [PairRecord], people: [PersonRecord], lastRun: RunRecord?) {
    self.pairs = pairs
    self.people = people
    self.lastRun = lastRun
  }

  /// Active pairs only, in the same order.
  public var activePairs: [PairRecord] { pairs.filter(\.isActive) }

  /// Active pairs of one cohort.
  public func activePairs(cohort: String) -> [PairRecord] {
    pairs.filter { $0.isActive && $0.cohort == cohort }
  }

  /// Whether a mentee and mentor were ever paired (active or ended).
  public func werePaired(mentee: String, mentor: String) -> Bool {
    pairs.contains { $0.menteeID == mentee && $0.mentorID == mentor }
  }

  /// The state as `prior-pairs.csv` bytes (RFC 4180, plain): the snapshot the
  /// run folder stores and the manifest hashes. Sorted, so byte-stable.
  public func snapshotCSV() -> [UInt8] {
    var writer = CSVWriter(mode: .plain)
    writer.write(["mentee", "mentor", "cohort", "run", "score", "status", "ended_reason", "ended_as_of"])
    for pair in pairs {
      writer.write([
        pair.menteeID, pair.mentorID, pair.cohort, pair.runID, String(pair.score), pair.status,
        pair.endedReason ?? "", pair.endedAsOf ?? "",
      ])
    }
    return writer.bytes
  }
}

/// A person as the run saw them, handed to ``StateStore/commit(run:people:newPairs:notifications:)``.
public struct PersonSeen: Sendable, Equatable {
  public var id: String
  public var cohort: String
  /// `mentor`, `mentee` or `both`.
  public var role: String
  /// The email, only to store its salted digest; never stored itself.
  public var email: String?

  public init(id: String, cohort: String, role: String, email: String?) {
    self.id = id
    self.cohort = cohort
    self.role = role
    self.email = email
  }
}

/// A pair a run made, handed to ``StateStore/commit(run:people:newPairs:notifications:)``.
public struct NewPair: Sendable, Equatable {
  public var menteeID: String
  public var mentorID: String
  public var cohort: String
  public var score: Int

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
