/// One eligible mentor for a mentee, with integer scores.
///
/// Stored in 32-bit fields (20 bytes instead of 40: a 500,000-person cohort
/// keeps about 17 M candidates from the candidates stage to the run
/// folder). Indices are below a cohort's size, and scores are at most
/// ``RuleSet/totalLimit``, which `RuleSet.parse` enforces; a value beyond
/// 32 bits is clamped (``Int32Backed``), as in ``MatchingProblem/Edge``.
public struct CandidatePair: Sendable, Hashable {
  /// Index into the cohort's mentees.
  @Int32Backed public var mentee: Int
  /// Index into the cohort's mentors.
  @Int32Backed public var mentor: Int
  /// Points from rules counting for the mentee's ranking (`side = mentee | both`).
  @Int32Backed public var menteeScore: Int
  /// Points from rules counting for the mentor's ranking (`side = mentor | both`).
  @Int32Backed public var mentorScore: Int
  /// Every rule's points counted once; candidates are ranked by this.
  @Int32Backed public var total: Int

  public init(mentee: Int, mentor: Int, menteeScore: Int, mentorScore: Int, total: Int) {
    self.mentee = mentee
    self.mentor = mentor
    self.menteeScore = menteeScore
    self.mentorScore = mentorScore
    self.total = total
  }
}

/// Why a pair scored as it did: each rule that paid points, in config order.
public struct PairBreakdown: Sendable, Equatable {
  public var rules: [RuleScore]
  /// The mentee's wanted skills the mentor covers, exact matches first, then
  /// by IDF weight (rarer first), then label.
  public var coveredSkills: [CoveredSkill]

  public init(rules: [RuleScore], coveredSkills: [CoveredSkill]) {
    self.rules = rules
    self.coveredSkills = coveredSkills
  }
}

/// One rule's contribution to a pair.
public struct RuleScore: Sendable, Equatable {
  /// Position in `[[rules]]`.
  public var rule: Int
  public var kind: RuleKind
  public var side: RuleSide
  public var points: Int
  /// What the explanation quotes.
  public var detail: Detail

  public init(rule: Int, kind: RuleKind, side: RuleSide, points: Int, detail: Detail) {
    self.rule = rule
    self.kind = kind
    self.side = side
    self.points = points
    self.detail = detail
  }

  /// What the rule found, in display form.
  public enum Detail: Sendable, Equatable {
    /// Mentor's grade index minus mentee's.
    case gradeGap(Int)
    /// `same`: the shared value as the mentee wrote it.
    case shared(field: String, value: String)
    /// `different`: the field that differs.
    case differs(field: String)
    /// `contains`: the mentee's item found among the mentor's items.
    case contained(menteeField: String, mentorField: String, value: String)
    /// `skills`: see `PairBreakdown.coveredSkills`.
    case skills
  }
}

/// A wanted skill and the offered skill that covers it.
public struct CoveredSkill: Sendable, Equatable {
  /// Preferred label of the mentee's wanted concept.
  public var wanted: String
  /// Preferred label of the mentor's offered concept that covers it (equal to `wanted` when exact).
  public var offered: String
  /// Full credit (same concept) or partial (related concept).
  public var exact: Bool
  /// The wanted concept's IDF weight, Q16.
  public var weight: Int

  public init(wanted: String, offered: String, exact: Bool, weight: Int) {
    self.wanted = wanted
    self.offered = offered
    self.exact = exact
    self.weight = weight
  }
}
