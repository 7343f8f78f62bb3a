/// Why a mentee has no candidate, as values the report turns into words.
public struct NoCandidateReasons: Sendable, Equatable {
  /// Index into the cohort's mentees.
  public var mentee: Int
  /// Mentors in the cohort.
  public var mentorCount: Int
  /// For each required rule that applies to the mentee, in config order, how
  /// many mentors fail it (each rule counted on its own, so counts overlap).
  public var excludedByRule: [RuleExclusion]
  /// Mentors who are the mentee (same id or email) and so never candidates.
  public var excludedAsSelf: Int
  /// Required rules that on their own exclude every mentor, in config order.
  public var excludedEveryone: [Int]
  /// The mentee named no wanted skill that the taxonomy recognised.
  public var wantsNoSkills: Bool
  /// The mentee wants skills but no mentor offers any of them or a related one.
  public var noMentorSharesASkill: Bool

  public init(mentee: Int, mentorCount: Int, excludedByRule: [RuleExclusion], excludedAsSelf: Int,
              excludedEveryone: [Int], wantsNoSkills: Bool, noMentorSharesASkill: Bool) {
    self.mentee = mentee
    self.mentorCount = mentorCount
    self.excludedByRule = excludedByRule
    self.excludedAsSelf = excludedAsSelf
    self.excludedEveryone = excludedEveryone
    self.wantsNoSkills = wantsNoSkills
    self.noMentorSharesASkill = noMentorSharesASkill
  }
}

/// How many mentors one required rule excluded for a mentee.
public struct RuleExclusion: Sendable, Equatable {
  /// Position in `[[rules]]`.
  public var rule: Int
  public var kind: RuleKind
  public var mentors: Int

  public init(rule: Int, kind: RuleKind, mentors: Int) {
    self.rule = rule
    self.kind = kind
    self.mentors = mentors
  }
}

extension CohortTables {
  /// Counts, rule by rule, the mentors each required rule excludes for mentee
  /// `i`. Scans every mentor; it runs only for mentees left with no candidate.
  func reasons(forMentee i: Int) -> NoCandidateReasons {
    var exclusions: [RuleExclusion] = []
    for (r, rule) in rules.enumerated() where rule.required && applies(r, i) {
      let failing = mentors.indices.reduce(0) { $0 + (outcome(r, i, $1) == nil ? 1 : 0) }
      if failing > 0 { exclusions.append(RuleExclusion(rule: r, kind: rule.kind, mentors: failing)) }
    }
    let everyone = mentors.isEmpty ? [] : exclusions.filter { $0.mentors == mentors.count }.map(\.rule)
    let shares = mentors.indices.contains { coverage(i, $0, partial: 1) > 0 }
    return NoCandidateReasons(
      mentee: i, mentorCount: mentors.count, excludedByRule: exclusions, excludedAsSelf: selves[i].count,
      excludedEveryone: everyone, wantsNoSkills: wanted[i].isEmpty,
      noMentorSharesASkill: !wanted[i].isEmpty && !shares)
  }
}
