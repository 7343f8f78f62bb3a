import Testing
@testable import MentorMatch

/// Parses `[[rules]]` from TOML text the way the lead's config loader will.
func parseRules(_ toml: String, fields: Set<String> = SyntheticCohort.fields) throws(ConfigError) -> RuleSet {
  let root = try ConfigSection.parse(toml, file: "mentormatch.toml", baseDirectory: "/")
  return try RuleSet.parse(root.sections("rules") ?? [], knownFields: fields)
}

/// The LGBT+ network's published rules, as written in `docs/scoring.md`.
let lgbtRulesTOML = """
  [[rules]]
  kind = "different"
  field = "organisation"
  required = true

  [[rules]]
  kind = "grade-gap"
  required = true
  min = 1
  max = 2
  points_by_gap = { "1" = 9, "2" = 12 }

  [[rules]]
  kind = "same"
  field = "profession"
  points = 10

  [[rules]]
  kind = "contains"
  mentee_field = "identity_to_match"
  mentor_field = "characteristics"
  points = 6
  when_mentee_field = "match_with_similar_identity"
  when_equals = "yes"

  [[rules]]
  kind = "no-repeat"
  """

let lgbtFields: Set<String> = ["organisation", "profession", "characteristics", "identity_to_match", "match_with_similar_identity"]

@Test func parsesTheLGBTNetworkRules() throws {
  let rules = try parseRules(lgbtRulesTOML, fields: lgbtFields).rules
  #expect(rules.map(\.kind) == [.different, .gradeGap, .same, .contains, .noRepeat])
  #expect(rules[0].required && rules[0].test == .different(field: "organisation"))
  #expect(rules[1].test == .gradeGap(min: 1, max: 2, pointsByGap: [1: 9, 2: 12]))
  #expect(rules[1].maxPoints == 12)
  #expect(!rules[2].required && rules[2].points == 10 && rules[2].side == .both)
  #expect(rules[3].condition == RuleCondition(menteeField: "match_with_similar_identity", values: ["yes"]))
  #expect(rules[4].required)
}

@Test func parsesTheBenchmarkRulesAndSettings() throws {
  let root = try ConfigSection.parse(SyntheticCohort.rulesTOML, file: "mentormatch.toml", baseDirectory: "/")
  let rules = try RuleSet.parse(root.sections("rules") ?? [], knownFields: SyntheticCohort.fields)
  #expect(rules.rules.count == 8)
  #expect(rules.rules[2].test == .skills(partialPerMille: 500))
  #expect(rules.rules[4].side == .mentee)
  #expect(rules.rules[6].test == .notLineManager(sameReportingLine: true))
  let settings = try CandidateSettings(from: try #require(try root.section("candidates")))
  #expect(settings == CandidateSettings(k: 50))
}

@Test(arguments: [
  (#"kind = "sameish""#, "mentormatch.toml:2: rules[0].kind: unknown rule kind 'sameish' (known: grade-gap, same, different, contains, skills, not-line-manager, no-repeat)"),
  ("kind = \"same\"\nfield = \"deparment\"\npoints = 1", "mentormatch.toml:3: rules[0].field: unknown field 'deparment' (known: department, location, profession)"),
  ("kind = \"grade-gap\"\nrequired = true\nmin = 3\nmax = 1", "mentormatch.toml:5: rules[0].max: empty allowed range: min 3 is above max 1"),
  ("kind = \"grade-gap\"\nrequired = true\nmin = 1\nmax = 2\npoints_by_gap = { \"3\" = 5 }", "mentormatch.toml:6: rules[0].points_by_gap.3: can never be paid: gap 3 is outside the allowed range 1 to 2"),
  // A whole-range gap overflowed `grade + max` in the candidate search (a trap, exit 132).
  ("kind = \"grade-gap\"\nrequired = true\nmin = -9223372036854775808\nmax = 1", "mentormatch.toml:4: rules[0].min: -9223372036854775808 is out of range (-1000 to 1000 grades)"),
  ("kind = \"grade-gap\"\nrequired = true\nmin = 1\nmax = 9223372036854775807", "mentormatch.toml:5: rules[0].max: 9223372036854775807 is out of range (-1000 to 1000 grades)"),
  ("kind = \"grade-gap\"\npoints_by_gap = { \"1001\" = 5 }", "mentormatch.toml:3: rules[0].points_by_gap.1001: expected a whole-number grade gap from -1000 to 1000, such as \"1\""),
  ("kind = \"same\"\nfield = \"location\"\npoints = 5\nside = \"mentees\"", "mentormatch.toml:5: rules[0].side: unknown side 'mentees' (known: mentee, mentor, both)"),
  ("kind = \"same\"\nfield = \"location\"", "mentormatch.toml:1: rules[0].points: missing: a rule that is neither required nor pays points does nothing"),
  ("kind = \"no-repeat\"\npoints = 3", "mentormatch.toml:3: rules[0].points: 'no-repeat' is a constraint and pays no points"),
  ("kind = \"not-line-manager\"\nrequired = false", "mentormatch.toml:3: rules[0].required: 'not-line-manager' is always a constraint; it cannot be false"),
  ("kind = \"same\"\nfield = \"location\"\npoints = 5\nweight = 2", "mentormatch.toml:5: rules[0].weight: unknown key"),
  ("kind = \"skills\"\npoints = 5\npartial_credit = 1.5", "mentormatch.toml:4: rules[0].partial_credit: 1.5 is out of range (0.0 to 1.0)"),
  ("kind = \"same\"\nfield = \"location\"\npoints = 5\nwhen_mentee_field = \"wish\"", "mentormatch.toml:5: rules[0].when_mentee_field: unknown field 'wish' (known: department, location, profession)"),
])
func rejectsBadRules(rule: String, message: String) {
  #expect(throws: ConfigError.self) { try parseRules("[[rules]]\n" + rule, fields: ["department", "profession", "location"]) }
  do {
    _ = try parseRules("[[rules]]\n" + rule, fields: ["department", "profession", "location"])
  } catch {
    #expect(error.description == message)
  }
}

@Test func namesTheRuleByPosition() {
  let toml = """
    [[rules]]
    kind = "no-repeat"

    [[rules]]
    kind = "skills"
    points = 10

    [[rules]]
    kind = "skills"
    points = 20
    """
  do {
    _ = try parseRules(toml)
    Issue.record("a second skills rule was accepted")
  } catch {
    #expect(error.description == "mentormatch.toml:9: rules[2].kind: a second 'skills' rule; use one skills rule per config")
  }
}

/// `n` rules paying 1,000,000 points each: a grade gap (which pays its most
/// at gap 1), then `same` rules on the profession.
private func millionPointRules(_ n: Int) -> String {
  var toml = "[[rules]]\nkind = \"grade-gap\"\nmin = 0\nmax = 3\npoints_by_gap = { \"1\" = 1000000, \"2\" = 5 }\n"
  for _ in 1..<n { toml += "\n[[rules]]\nkind = \"same\"\nfield = \"profession\"\npoints = 1000000\n" }
  return toml
}

@Test func refusesRulesThatTogetherCouldPayMoreThanTheLimit() throws {
  // Exactly the limit is fine: every candidate score still fits 32 bits and the solver's range.
  let atLimit = try parseRules(millionPointRules(1_000))
  #expect(atLimit.rules.reduce(0) { $0 + $1.maxPoints } == RuleSet.totalLimit)
  #expect(RuleSet.totalLimit == MatchingProblem.scoreLimit)
  #expect(RuleSet.totalLimit < Int(Int32.max))
  do {
    _ = try parseRules(millionPointRules(1_001))
    Issue.record("rules paying 1,001,000,000 points together were accepted")
  } catch {
    // Named at the rule that passes the limit: the 1,001st, whose `[[rules]]` is on line 5 × 1,000 + 2.
    #expect(error.description == "mentormatch.toml:5002: rules[1000]: with this rule one pair could score 1001000000 points, more than 1000000000; lower the rules' points")
  }
}

@Test func candidatePairsKeepTheirValuesInTwentyBytes() {
  #expect(MemoryLayout<CandidatePair>.stride == 20)
  let limit = RuleSet.totalLimit
  var pair = CandidatePair(mentee: 499_999, mentor: 7, menteeScore: limit, mentorScore: 0, total: limit)
  #expect(pair.mentee == 499_999 && pair.mentor == 7 && pair.menteeScore == limit && pair.mentorScore == 0)
  #expect(pair.total == limit)
  pair.mentorScore = 12
  pair.total += 12
  #expect(pair == CandidatePair(mentee: 499_999, mentor: 7, menteeScore: limit, mentorScore: 12, total: limit + 12))
}
