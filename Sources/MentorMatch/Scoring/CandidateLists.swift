/// The candidate stage's result for one cohort.
public struct CandidateLists: Sendable {
  /// Per mentee (by index into the cohort's mentees): up to K candidates,
  /// best first (total descending, then mentor id ascending).
  public let candidates: [[CandidatePair]]
  /// Mentees with no candidate at all, by mentee index ascending, with why.
  public let unmatched: [NoCandidateReasons]
  /// Whether the index was used (false: every pair was scored).
  public let indexed: Bool
  let tables: CohortTables

  init(candidates: [[CandidatePair]], unmatched: [NoCandidateReasons], indexed: Bool, tables: CohortTables) {
    self.candidates = candidates
    self.unmatched = unmatched
    self.indexed = indexed
    self.tables = tables
  }

  /// The rules that paid this pair points and the skills it covers, for
  /// explanations. Computed on demand so K × mentees pairs stay small.
  public func breakdown(of pair: CandidatePair) -> PairBreakdown {
    tables.breakdown(pair.mentee, pair.mentor)
  }

  /// The mentee's id of a pair.
  public func menteeID(of pair: CandidatePair) -> String { tables.mentees[pair.mentee].id }

  /// The mentor's id of a pair.
  public func mentorID(of pair: CandidatePair) -> String { tables.mentors[pair.mentor].id }

  /// The rules the lists were scored under.
  public var rules: [ScoringRule] { tables.rules }

  /// FNV-1a over every candidate's (mentee, mentor, total), in list order:
  /// two runs that find the same lists print the same value
  /// (`mentormatch bench-candidates`).
  public var checksum: UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for list in candidates {
      for pair in list {
        for value in [pair.mentee, pair.mentor, pair.total] {
          hash = (hash ^ UInt64(truncatingIfNeeded: value)) &* 0x100_0000_01b3
        }
      }
    }
    return hash
  }
}
