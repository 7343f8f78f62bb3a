extension RuleSet {
  /// Parses and validates `[[rules]]` before any input is read.
  ///
  /// - Parameters:
  ///   - sections: `root.sections("rules") ?? []`.
  ///   - knownFields: the field names the inputs provide (`department`, extra columns…);
  ///     a rule naming any other field is an error.
  /// - Throws: `ConfigError` naming the rule by position and key, e.g.
  ///   `mentormatch.toml: rules[3].field: unknown field 'deparment' (known: department, grade, …)`.
  public static func parse(_ sections: [ConfigSection], knownFields: Set<String>) throws(ConfigError) -> RuleSet {
    var rules: [ScoringRule] = []
    // At most 1,000,000 points a rule, so this sum cannot overflow.
    var most = 0
    for (index, section) in sections.enumerated() {
      let rule = try parseRule(section, index: index, knownFields: knownFields)
      if rule.kind == .skills, rules.contains(where: { $0.kind == .skills }) {
        throw section.error("kind", "a second 'skills' rule; use one skills rule per config")
      }
      most += rule.maxPoints
      guard most <= totalLimit else {
        throw section.error(
          nil, "with this rule one pair could score \(most) points, more than \(totalLimit); lower the rules' points")
      }
      rules.append(rule)
    }
    return RuleSet(rules: rules)
  }

  private static func parseRule(_ section: ConfigSection, index: Int, knownFields: Set<String>) throws(ConfigError) -> ScoringRule {
    guard let kindName = try section.string("kind") else {
      throw section.error("kind", "missing (known: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    guard let kind = RuleKind(rawValue: kindName) else {
      throw section.error("kind", "unknown rule kind '\(kindName)' (known: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    func field(_ key: String) throws(ConfigError) -> String {
      guard let name = try section.string(key) else { throw section.error(key, "missing: name the field to compare") }
      guard knownFields.contains(name) else {
        throw section.error(key, "unknown field '\(name)' (known: \(knownFields.sorted().joined(separator: ", ")))")
      }
      return name
    }

    let sideName = try section.string("side") ?? "both"
    guard let side = RuleSide(rawValue: sideName) else {
      throw section.error("side", "unknown side '\(sideName)' (known: mentee, mentor, both)")
    }
    var condition: RuleCondition?
    if section.contains("when_mentee_field") {
      let name = try field("when_mentee_field")
      let values = try section.strings("when_equals") ?? ["yes"]
      guard !values.isEmpty else { throw section.error("when_equals", "empty list: the rule could never apply") }
      condition = RuleCondition(menteeField: name, values: values)
    } else if section.contains("when_equals") {
      throw section.error("when_equals", "needs 'when_mentee_field'")
    }

    let alwaysRequired = kind == .notLineManager || kind == .noRepeat
    let required = try section.bool("required") ?? alwaysRequired
    if alwaysRequired {
      guard required else { throw section.error("required", "'\(kind.rawValue)' is always a constraint; it cannot be false") }
      if section.contains("points") { throw section.error("points", "'\(kind.rawValue)' is a constraint and pays no points") }
    }
    let points = try section.int("points") ?? 0
    guard (0...1_000_000).contains(points) else { throw section.error("points", "\(points) is out of range (0 to 1000000)") }

    let test: RuleTest
    switch kind {
    case .gradeGap:
      test = try parseGradeGap(section, points: points, required: required)
    case .same: test = .same(field: try field("field"))
    case .different: test = .different(field: try field("field"))
    case .contains:
      test = .contains(menteeField: try field("mentee_field"), mentorField: try field("mentor_field"))
    case .skills:
      let share = try section.double("partial_credit", default: 0.5, in: 0...1)
      test = .skills(partialPerMille: Int((share * 1000).rounded()))
    case .notLineManager:
      test = .notLineManager(sameReportingLine: try section.bool("same_reporting_line", default: false))
    case .noRepeat:
      test = .noRepeat
    }
    let rule = ScoringRule(index: index, test: test, required: required, points: points, side: side, condition: condition)
    if !required && rule.maxPoints == 0 {
      throw section.error("points", "missing: a rule that is neither required nor pays points does nothing")
    }
    try section.finish()
    return rule
  }

  private static func parseGradeGap(_ section: ConfigSection, points: Int, required: Bool) throws(ConfigError) -> RuleTest {
    let gapRange = -1_000...1_000
    var byGap: [Int: Int] = [:]
    if let table = try section.section("points_by_gap") {
      for key in table.keys {
        guard let gap = Int(key), gapRange.contains(gap) else {
          throw table.error(key, "expected a whole-number grade gap from -1000 to 1000, such as \"1\"")
        }
        guard let value = try table.int(key), (1...1_000_000).contains(value) else {
          throw table.error(key, "expected points from 1 to 1000000")
        }
        byGap[gap] = value
      }
      try table.finish()
      if points != 0 { throw section.error("points", "give either 'points' or 'points_by_gap', not both") }
    }
    // Grades are places in the config's grade list, so a gap beyond a
    // thousand means nothing, and bounding it keeps `grade + gap` exact.
    func gap(_ key: String) throws(ConfigError) -> Int? {
      guard let value = try section.int(key) else { return nil }
      guard gapRange.contains(value) else { throw section.error(key, "\(value) is out of range (-1000 to 1000 grades)") }
      return value
    }
    let low = try gap("min") ?? byGap.keys.min() ?? gapRange.lowerBound
    let high = try gap("max") ?? byGap.keys.max() ?? gapRange.upperBound
    guard low <= high else {
      throw section.error("max", "empty allowed range: min \(low) is above max \(high)")
    }
    for gap in byGap.keys.sorted() where !(low...high).contains(gap) {
      throw section.error("points_by_gap.\(gap)", "can never be paid: gap \(gap) is outside the allowed range \(low) to \(high)")
    }
    if !required && points == 0 && byGap.isEmpty {
      throw section.error("points", "missing: a grade-gap rule that is not required needs 'points' or 'points_by_gap'")
    }
    return .gradeGap(min: low, max: high, pointsByGap: byGap)
  }
}
