/// Everything a cohort lead reads about one cohort in one run: the view model
/// the nightly run fills and the report stage renders.
///
/// Plain values only. The report computes its charts (score distribution,
/// match rates) from ``pairs`` and ``waiting`` itself, so the numbers on the
/// page can never disagree with the lists; the order of the input arrays does
/// not matter, because every renderer sorts explicitly.
public struct CohortReport: Sendable, Equatable {
  /// The programme's name, as configured (for example "Civil Service Mentoring").
  public var programme: String
  /// The cohort's name.
  public var cohort: String
  /// The run's id (the run folder's name).
  public var runID: String
  /// The run's as-of timestamp, already formatted by the caller.
  public var asOf: String
  /// The algorithm that solved the cohort, in words (for example "stable matching (mentee-proposing)").
  public var algorithm: String
  /// The objective, in words (for example "most people, then most pairs, then highest total score").
  public var objective: String
  /// The independent checker's verdict, in words ("0 blocking pairs", "optimality certificate verified").
  public var checkerResult: String
  /// Whether the checker accepted the result; a failed check is shown as a warning.
  public var checkerPassed: Bool
  /// The summary counts.
  public var counts: Counts
  /// Every pair made in this run.
  public var pairs: [ReportPair]
  /// Every person still waiting after this run, with the reason.
  public var waiting: [WaitingPerson]
  /// Rows rejected while reading the inputs that belong to this cohort (or to the run, when no cohort could be told).
  public var rejected: [RejectedRow]
  /// The most frequent skill terms the taxonomy could not place (from the curation report).
  public var unplacedTerms: [UnplacedTerm]
  /// Per skill, how many mentees want it and how many mentors offer it.
  public var skills: [SkillSupply]

  /// The counts in the report's summary. The caller owns these figures: they
  /// include people the lists do not (the already matched, the superseded).
  public struct Counts: Sendable, Equatable {
    /// Sign-up rows read for this cohort.
    public var signupsRead: Int
    /// Rows accepted after validation.
    public var accepted: Int
    /// Rows rejected by validation.
    public var rejected: Int
    /// Rows replaced by a later sign-up of the same person.
    public var superseded: Int
    /// Mentees who got at least one new pair in this run.
    public var menteesNewlyMatched: Int
    /// Mentors who got at least one new pair in this run.
    public var mentorsNewlyMatched: Int
    /// Mentees already matched up to their capacity before this run.
    public var menteesAlreadyMatched: Int
    /// Mentors already matched up to their capacity before this run.
    public var mentorsAlreadyMatched: Int
    /// Mentees still waiting after this run.
    public var menteesWaiting: Int
    /// Mentors with spare capacity and no new pair after this run.
    public var mentorsWaiting: Int

    public init(
      signupsRead: Int, accepted: Int, rejected: Int, superseded: Int,
      menteesNewlyMatched: Int, mentorsNewlyMatched: Int,
      menteesAlreadyMatched: Int, mentorsAlreadyMatched: Int,
      menteesWaiting: Int, mentorsWaiting: Int
    ) {
      self.signupsRead = signupsRead
      self.accepted = accepted
      self.rejected = rejected
      self.superseded = superseded
      self.menteesNewlyMatched = menteesNewlyMatched
      self.mentorsNewlyMatched = mentorsNewlyMatched
      self.menteesAlreadyMatched = menteesAlreadyMatched
      self.mentorsAlreadyMatched = mentorsAlreadyMatched
      self.menteesWaiting = menteesWaiting
      self.mentorsWaiting = mentorsWaiting
    }
  }

  public init(
    programme: String, cohort: String, runID: String, asOf: String,
    algorithm: String, objective: String, checkerResult: String, checkerPassed: Bool = true,
    counts: Counts, pairs: [ReportPair], waiting: [WaitingPerson],
    rejected: [RejectedRow] = [], unplacedTerms: [UnplacedTerm] = [], skills: [SkillSupply] = []
  ) {
    self.programme = programme
    self.cohort = cohort
    self.runID = runID
    self.asOf = asOf
    self.algorithm = algorithm
    self.objective = objective
    self.checkerResult = checkerResult
    self.checkerPassed = checkerPassed
    self.counts = counts
    self.pairs = pairs
    self.waiting = waiting
    self.rejected = rejected
    self.unplacedTerms = unplacedTerms
    self.skills = skills
  }
}
