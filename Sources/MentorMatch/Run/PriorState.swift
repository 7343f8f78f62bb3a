/// What the state holds before a run, as plain sorted values: the input the
/// orchestrator needs for incremental matching.
public struct PriorState: Sendable, Equatable {
  /// Every pair ever made, active and ended, sorted by cohort, mentee, mentor, run.
  /// The ended ones feed the `no-repeat` rule.
  public var pairs: [PairRecord]
  /// Every person seen, sorted by id; empty when loaded without them
  /// (``StateStore/loadPriorState(includingPeople:)``), as the nightly run does.
  public var people: [PersonRecord]
  /// The last committed run, if any.
  public var lastRun: RunRecord?

  /// Creates a value from its parts.
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
