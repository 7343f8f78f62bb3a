/// One `[[rules]]` entry of the config: a hard constraint (`required`), a
/// scored rule (`points`), or both. See `docs/scoring.md` for the TOML form.
public struct ScoringRule: Sendable, Equatable {
  /// Position in the config's `[[rules]]` list (0-based, as in messages: `rules[3]`).
  public var index: Int
  /// What the rule tests.
  public var test: RuleTest
  /// A pair that fails a required rule is not a candidate.
  public var required: Bool
  /// Points paid when the pair passes (for `skills`, the most it can pay;
  /// for `grade-gap` with `points_by_gap`, unused).
  public var points: Int
  /// Whose ranking the points count for.
  public var side: RuleSide
  /// When set, the rule applies only to mentees for whom the condition holds;
  /// for other mentees it neither excludes nor pays.
  public var condition: RuleCondition?

  public init(index: Int, test: RuleTest, required: Bool = false, points: Int = 0,
              side: RuleSide = .both, condition: RuleCondition? = nil) {
    self.index = index
    self.test = test
    self.required = required
    self.points = points
    self.side = side
    self.condition = condition
  }

  /// The rule's kind as written in the config.
  public var kind: RuleKind { test.kind }

  /// The most points this rule can pay any pair.
  public var maxPoints: Int {
    if case .gradeGap(_, _, let byGap) = test, !byGap.isEmpty { return byGap.values.max() ?? 0 }
    return points
  }
}

/// The kinds of rule the config may name.
public enum RuleKind: String, Sendable, CaseIterable, Equatable {
  case gradeGap = "grade-gap"
  case same
  case different
  case contains
  case skills
  case notLineManager = "not-line-manager"
  case noRepeat = "no-repeat"
}

/// Whose ranking a rule's points count for. Every pair has a mentee-side score
/// (the mentee's ranking of mentors) and a mentor-side score; `both` adds the
/// points to each side. The pair's total counts each rule's points once.
public enum RuleSide: String, Sendable, CaseIterable, Equatable {
  case mentee, mentor, both

  var countsForMentee: Bool { self != .mentor }
  var countsForMentor: Bool { self != .mentee }
}

/// What a rule tests, with its kind-specific settings.
public enum RuleTest: Sendable, Equatable {
  /// Mentor's grade index minus mentee's must lie in `min...max`; points per gap
  /// value from `pointsByGap`, or the rule's flat `points` for any allowed gap.
  case gradeGap(min: Int, max: Int, pointsByGap: [Int: Int])
  /// Both values present and equal (trimmed, case-insensitive).
  case same(field: String)
  /// Not both present and equal: a blank value never counts as the same.
  case different(field: String)
  /// One of the mentee's items of `menteeField` is among the mentor's items of
  /// `mentorField` (list cells split on `,` `;` `|`).
  case contains(menteeField: String, mentorField: String)
  /// IDF-weighted coverage of the mentee's wanted skills by the mentor's
  /// offered skills; a related concept earns `partialPerMille`/1000 of full credit.
  case skills(partialPerMille: Int)
  /// The mentor is not the mentee's line manager; with `sameReportingLine`,
  /// neither is above the other anywhere in the chain of line managers.
  case notLineManager(sameReportingLine: Bool)
  /// The pair was not made in an earlier run.
  case noRepeat

  public var kind: RuleKind {
    switch self {
    case .gradeGap: .gradeGap
    case .same: .same
    case .different: .different
    case .contains: .contains
    case .skills: .skills
    case .notLineManager: .notLineManager
    case .noRepeat: .noRepeat
    }
  }
}

/// A mentee-side condition: the rule applies only when the mentee's `field`
/// (trimmed, case-insensitive) is one of `values`.
public struct RuleCondition: Sendable, Equatable {
  public var menteeField: String
  /// Accepted values, case-folded.
  public var values: [String]

  public init(menteeField: String, values: [String]) {
    self.menteeField = menteeField
    self.values = values.map(FieldText.fold)
  }

  /// Whether the rule applies to this mentee.
  public func holds(for mentee: ScoringPerson) -> Bool {
    guard let value = mentee.value(of: menteeField) else { return false }
    return values.contains(value)
  }
}
