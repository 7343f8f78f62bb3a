import Testing
@testable import MentorMatch

/// The index's two ways of accumulating (per touched mentor, per band
/// position) against exhaustive scoring and brute force.
func runPath(_ cohort: ScoringCohort, _ toml: String, k: Int, path: CandidateIndex.SearchPath,
         parallel: Bool = false, renewal: Int = 4096) throws -> CandidateLists {
  try CandidateGenerator.generate(cohort, rules: try parseRules(toml), settings: CandidateSettings(k: k, strategy: .indexed),
                                  parallel: parallel, path: path, renewal: renewal)
}

/// Mentee `i`'s K best by sorting every eligible pair (score, then mentor id): the reference.
func bruteForceTop(_ tables: CohortTables, _ cohort: ScoringCohort, mentee i: Int, k: Int) -> [CandidatePair] {
  let all = cohort.mentors.indices.compactMap { j in tables.score(i, j).map { (j, $0) } }
    .sorted { $0.1.total != $1.1.total ? $0.1.total > $1.1.total : cohort.mentors[$0.0].id < cohort.mentors[$1.0].id }
  return all.prefix(k).map { j, score in
    CandidatePair(mentee: i, mentor: j, menteeScore: score.menteeSide, mentorScore: score.mentorSide, total: score.total)
  }
}

/// The dense pass keeps only mentors bound at least a running cutoff, renewed
/// after 512 band positions in a run, then after twice as many each time up
/// to 4,096: bands this small renew it a few times at most, so these tests
/// renew it every few positions (256: after 32, 64, 128, then every 256), on
/// every rule set (skills and none, wide points, near-universal ties) and
/// every K, against exhaustive scoring.
@Test(arguments: [1, 3, 64, 256] as [Int], Array(exactnessRuleSets.indices) + selectionRuleSets.indices.map { -1 - $0 })
func denseRunningCutoffEqualsExhaustive(renewal: Int, ruleSet: Int) throws {
  let toml = ruleSet >= 0 ? exactnessRuleSets[ruleSet] : selectionRuleSets[-1 - ruleSet]
  let cohort = SyntheticCohort.make(mentees: 300, mentors: 900, concepts: 300, skills: 6, seed: UInt64(700 + renewal + ruleSet))
  for k in [1, 5, 50] {
    let dense = try runPath(cohort, toml, k: k, path: .dense, renewal: renewal)
    let exhaustive = try run(cohort, toml, k: k, .exhaustive)
    #expect(dense.candidates == exhaustive.candidates, "k \(k)")
    #expect(dense.unmatched == exhaustive.unmatched, "k \(k)")
    #expect(dense.candidates.contains { $0.count == k })
  }
}

@Test func denseRunningCutoffAgreesWithBruteForceOnTangledCohorts() throws {
  var random = SplitMix64(seed: 4096)
  for round in 0..<40 {
    let cohort = tangledCohort(mentees: 1 + Int(random.next() % 20), mentors: 50 + Int(random.next() % 200), seed: random.next())
    let toml = exactnessRuleSets[round % exactnessRuleSets.count]
    let k = 1 + Int(random.next() % 12)
    let renewal = 1 + Int(random.next() % 9)
    let tables = try CohortTables(cohort: cohort, rules: try parseRules(toml))
    let dense = try runPath(cohort, toml, k: k, path: .dense, renewal: renewal)
    for i in cohort.mentees.indices {
      let expected = bruteForceTop(tables, cohort, mentee: i, k: k)
      try #require(dense.candidates[i] == expected, "round \(round) mentee \(i) renewal \(renewal)")
    }
  }
}

@Test(arguments: exactnessRuleSets.indices, [CandidateIndex.SearchPath.sparse, .dense])
func eachSearchPathEqualsExhaustive(ruleSet: Int, path: CandidateIndex.SearchPath) throws {
  let cohort = SyntheticCohort.make(mentees: 800, mentors: 700, concepts: 300, skills: 6, seed: UInt64(31 + ruleSet))
  let forced = try runPath(cohort, exactnessRuleSets[ruleSet], k: 30, path: path)
  let exhaustive = try run(cohort, exactnessRuleSets[ruleSet], k: 30, .exhaustive)
  #expect(forced.candidates == exhaustive.candidates)
  #expect(forced.unmatched == exhaustive.unmatched)
  #expect(forced.candidates.contains { $0.count == 30 })
}

/// One search with a worker's scratch as it stands, against exhaustive scoring.
func searchEqualsExhaustive(_ index: CandidateIndex, _ tables: CohortTables, mentee i: Int, k: Int,
                            _ scratch: inout SearchScratch, _ label: String) throws {
  let found = index.search(i, k: k, scratch: &scratch)
  let expected = CandidateGenerator.exhaustive(tables, i, k: k)
  try #require(found.map(\.mentor) == expected.map(\.mentor), "\(label)")
  try #require(found.map(\.score) == expected.map(\.score), "\(label)")
}

/// The dense pass reads up to two `same` or `different` rules at the
/// positions it bounds and clears only what constraints wrote when no list
/// was added over the band: after every search, in any order of mentees and
/// bands, the tally is zero again and the list is the exhaustive one.
@Test(arguments: exactnessRuleSets.indices)
func theDensePassLeavesTheTallyZero(ruleSet: Int) throws {
  var random = SplitMix64(seed: UInt64(5_300 + ruleSet))
  for round in 0..<4 {
    let cohort = round % 2 == 0
      ? tangledCohort(mentees: 50, mentors: 150 + Int(random.next() % 200), seed: random.next())
      : SyntheticCohort.make(mentees: 50, mentors: 400, concepts: 200, skills: 5, seed: random.next())
    let tables = try CohortTables(cohort: cohort, rules: try parseRules(exactnessRuleSets[ruleSet]))
    let index = CandidateIndex(tables: tables, path: .dense, renewal: 1 + Int(random.next() % 64))
    var scratch = SearchScratch(mentors: cohort.mentors.count)
    let k = 1 + Int(random.next() % 20)
    for _ in 0..<(2 * cohort.mentees.count) {
      let i = Int(random.next() % UInt64(cohort.mentees.count))
      try searchEqualsExhaustive(index, tables, mentee: i, k: k, &scratch, "round \(round) mentee \(i)")
      try #require(scratch.dense.slots.allSatisfy { DenseScratch.tally($0) == 0 }, "round \(round) mentee \(i)")
    }
  }
}

/// The column rules are the first two `same` or `different` rules, and two
/// mentors share a code exactly when they share the value; a mentee's code
/// is the value's, or one no mentor holds.
@Test func columnCodesMatchExactlyWhereValuesDo() throws {
  let cohort = tangledCohort(mentees: 120, mentors: 400, seed: 31)
  let tables = try CohortTables(cohort: cohort, rules: try parseRules(SyntheticCohort.rulesTOML))
  let index = CandidateIndex(tables: tables)
  let sameOrDifferent = tables.rules.indices.filter {
    switch tables.rules[$0].test {
    case .same, .different: true
    default: false
    }
  }
  try #require(sameOrDifferent.count == 3)
  #expect(index.columnRules == Array(sameOrDifferent.prefix(2)))
  for (column, r) in index.columnRules.enumerated() {
    let codes = index.columnCodes[column]
    for x in codes.indices {
      let value = tables.mentorValue[r][Int(index.order[x])]
      #expect((codes[x] == DenseScratch.blankCode) == (value < 0))
      if value >= 0 { #expect(index.codeOfValue[column][Int(value)] == codes[x]) }
      for y in stride(from: x % 7, to: codes.count, by: 7) where value >= 0 {
        #expect((codes[x] == codes[y]) == (value == tables.mentorValue[r][Int(index.order[y])]))
      }
    }
    for i in cohort.mentees.indices {
      let value = tables.menteeValue[r][i]
      guard value >= 0 else { continue }
      let held = (0..<codes.count).contains { tables.mentorValue[r][Int(index.order[$0])] == value }
      #expect((index.codeOfValue[column][Int(value)] == DenseScratch.noMentorCode) == !held)
    }
  }
}

/// A partial credit of 0.333: its coverage unit is 1 (1,000 and 333 share
/// no factor), so a few rare skills make a mass past 31 bits and the dense
/// pass keeps its coverage in 64-bit words.
let wideCoverageRules = """
  [[rules]]
  kind = "skills"
  points = 40
  partial_credit = 0.333
  [[rules]]
  kind = "grade-gap"
  min = 0
  max = 3
  points = 4
  [[rules]]
  kind = "different"
  field = "department"
  points = 3
  """

@Test func wideCoverageEqualsExhaustive() throws {
  let cohort = SyntheticCohort.make(mentees: 300, mentors: 600, concepts: 300, skills: 8, seed: 333)
  let tables = try CohortTables(cohort: cohort, rules: try parseRules(wideCoverageRules))
  let index = CandidateIndex(tables: tables, path: .dense)
  #expect(index.coverageUnit == 1)
  #expect(index.wideCoverage)
  for k in [1, 40] {
    let dense = try runPath(cohort, wideCoverageRules, k: k, path: .dense, renewal: 16)
    let exhaustive = try run(cohort, wideCoverageRules, k: k, .exhaustive)
    #expect(dense.candidates == exhaustive.candidates, "k \(k)")
    #expect(dense.candidates.contains { $0.count == k })
  }
}

@Test func coverageUnitIsTheCreditsGreatestCommonDivisor() {
  #expect(CandidateIndex.unit(partial: 0) == 1000)
  #expect(CandidateIndex.unit(partial: 500) == 500)
  #expect(CandidateIndex.unit(partial: 300) == 100)
  #expect(CandidateIndex.unit(partial: 333) == 1)
  #expect(CandidateIndex.unit(partial: 1000) == 1000)
  #expect(CandidateIndex.unit(partial: 125) == 125)
}

/// The last exactness rule set is read from the columns alone, with
/// constraints that rule mentors out, so the test above reaches the path
/// that clears only those.
@Test func theColumnsOnlyRuleSetAddsNoList() throws {
  let rules = try parseRules(exactnessRuleSets[exactnessRuleSets.count - 1]).rules
  let columns = rules.filter {
    switch $0.test {
    case .same, .different: true
    default: false
    }
  }
  #expect(columns.count == 2)
  #expect(!rules.contains { if case .contains = $0.test { true } else { false } })
  #expect(rules.contains { if case .noRepeat = $0.test { true } else { false } })
  #expect(rules.contains { if case .notLineManager = $0.test { true } else { false } })
}

/// A cohort that reaches the dense path's slower branches: wanted concepts
/// with several parents or with children (several related lists, deduplicated
/// by marks), top-level concepts offered and wanted, mentees naming several
/// identities (a `contains` rule over several lists), mentors listing one twice.
func tangledCohort(mentees: Int, mentors: Int, seed: UInt64) -> ScoringCohort {
  var cohort = SyntheticCohort.make(mentees: mentees, mentors: mentors, concepts: 160, skills: 4, seed: seed)
  var random = SplitMix64(seed: seed ^ 0x5eed)
  for index in stride(from: 120, to: 160, by: 3) {
    cohort.hierarchy.broader["c\(index)"]?.append("c\(20 + (index * 7) % 100)")
  }
  for i in cohort.mentees.indices {
    if random.next() % 3 == 0 { cohort.mentees[i].wanted.append("c\(random.next() % 20)") }
    if random.next() % 2 == 0 {
      cohort.mentees[i].fields["identity_to_match"] = "Gay; Non-binary | Asexual or aromantic"
      cohort.mentees[i].fields["match_with_similar_identity"] = "yes"
    }
  }
  for j in cohort.mentors.indices {
    if random.next() % 4 == 0 { cohort.mentors[j].offered.append("c\(random.next() % 20)") }
    if random.next() % 3 == 0 { cohort.mentors[j].fields["characteristics"] = "Non-binary, Non-binary" }
  }
  return cohort
}

@Test func bothPathsAgreeWithBruteForceOnTangledCohorts() throws {
  var random = SplitMix64(seed: 77)
  for round in 0..<60 {
    let cohort = tangledCohort(mentees: 1 + Int(random.next() % 30), mentors: Int(random.next() % 50), seed: random.next())
    let toml = exactnessRuleSets[round % exactnessRuleSets.count]
    let k = 1 + Int(random.next() % 10)
    let tables = try CohortTables(cohort: cohort, rules: try parseRules(toml))
    let dense = try runPath(cohort, toml, k: k, path: .dense)
    let sparse = try runPath(cohort, toml, k: k, path: .sparse)
    try #require(dense.candidates == sparse.candidates, "round \(round)")
    try #require(dense.unmatched == sparse.unmatched, "round \(round)")
    for i in cohort.mentees.indices {
      let expected = bruteForceTop(tables, cohort, mentee: i, k: k)
      try #require(dense.candidates[i] == expected, "round \(round) mentee \(i)")
    }
  }
}

@Test func tangledCohortReachesTheSlowBranches() throws {
  let cohort = tangledCohort(mentees: 200, mentors: 300, seed: 5)
  let tables = try CohortTables(cohort: cohort, rules: try parseRules(SyntheticCohort.rulesTOML))
  let wanted = tables.wanted.flatMap { $0 }
  #expect(wanted.contains { tables.parents[Int($0)].count > 1 })
  #expect(wanted.contains { !tables.children[Int($0)].isEmpty })
  #expect(wanted.contains { tables.parents[Int($0)].isEmpty })
  #expect(cohort.mentees.contains { $0.list(of: "identity_to_match").count > 1 })
}

@Test(arguments: [CandidateIndex.SearchPath.auto, .sparse, .dense])
func eachPathGivesTheSameListsOnAnyNumberOfThreads(path: CandidateIndex.SearchPath) throws {
  let cohort = tangledCohort(mentees: 1_500, mentors: 700, seed: 12)
  let parallel = try runPath(cohort, SyntheticCohort.rulesTOML, k: 25, path: path, parallel: true)
  let serial = try runPath(cohort, SyntheticCohort.rulesTOML, k: 25, path: path, parallel: false)
  let reference = try runPath(cohort, SyntheticCohort.rulesTOML, k: 25, path: .sparse)
  #expect(parallel.candidates == serial.candidates)
  #expect(serial.candidates == reference.candidates)
  #expect(parallel.candidates.contains { $0.count == 25 })
}

/// The selection cases (points up to 1,000,000 so the histogram is coarse;
/// scores of 0–3 so nearly everyone ties) on each path.
@Test(arguments: selectionRuleSets.indices, [CandidateIndex.SearchPath.sparse, .dense])
func eachPathSelectsExactlyOnWideAndTiedScores(ruleSet: Int, path: CandidateIndex.SearchPath) throws {
  let cohort = SyntheticCohort.make(mentees: 400, mentors: 700, concepts: 300, skills: 5, seed: UInt64(410 + ruleSet))
  for k in [1, 50] {
    let forced = try runPath(cohort, selectionRuleSets[ruleSet], k: k, path: path)
    let exhaustive = try run(cohort, selectionRuleSets[ruleSet], k: k, .exhaustive)
    #expect(forced.candidates == exhaustive.candidates)
    #expect(forced.unmatched == exhaustive.unmatched)
    #expect(forced.candidates.contains { $0.count == k })
  }
}

/// Without skill points every bound is the exact score, so the dense path
/// reads the K-th score off the histogram and sorts the few gathered
/// (``CandidateIndex/searchDense(_:k:band:scratch:)``): checked against brute
/// force where that applies (the LGBT+ rules, K = 7 and 50), where ties at the
/// K-th score are too many and the heap takes over (one score for everyone),
/// and where points are so wide that the histogram's buckets hold several scores.
@Test(arguments: [1, 7, 50] as [Int], [
  exactnessRuleSets[1],
  """
  [[rules]]
  kind = "grade-gap"
  required = true
  min = 0
  max = 3
  [[rules]]
  kind = "same"
  field = "profession"
  points = 1
  [[rules]]
  kind = "contains"
  mentee_field = "identity_to_match"
  mentor_field = "characteristics"
  points = 1
  """,
  """
  [[rules]]
  kind = "grade-gap"
  required = true
  min = 0
  max = 3
  points = 1
  """,
  """
  [[rules]]
  kind = "grade-gap"
  required = true
  min = 0
  max = 3
  points_by_gap = { "0" = 1000000, "1" = 3, "2" = 999999, "3" = 7 }
  [[rules]]
  kind = "same"
  field = "profession"
  points = 1000000
  [[rules]]
  kind = "different"
  field = "department"
  points = 1
  """,
] as [String])
func densePathWithoutSkillPointsEqualsBruteForce(k: Int, toml: String) throws {
  var random = SplitMix64(seed: UInt64(k) &* 977)
  for round in 0..<6 {
    let cohort = tangledCohort(mentees: 60, mentors: 300 + Int(random.next() % 300), seed: random.next())
    let tables = try CohortTables(cohort: cohort, rules: try parseRules(toml))
    for renewal in [4096, 5] {
      let dense = try runPath(cohort, toml, k: k, path: .dense, renewal: renewal)
      for i in cohort.mentees.indices {
        let expected = bruteForceTop(tables, cohort, mentee: i, k: k)
        try #require(dense.candidates[i] == expected, "round \(round) mentee \(i) renewal \(renewal)")
      }
    }
  }
}

/// The dense path's 32-bit tally holds fewer than 64 list rules paying less
/// than 2²² points in all; only `same`, `different` and `contains` count.
@Test func theTallyFitsUpToItsLimitsAndNoFurther() {
  func lists(_ count: Int, points: Int) -> [ScoringRule] {
    (0..<count).map { ScoringRule(index: $0, test: .same(field: "profession"), points: points) }
  }
  #expect(CandidateIndex.tallyFits(lists(63, points: 1)))
  #expect(!CandidateIndex.tallyFits(lists(64, points: 1)))
  #expect(CandidateIndex.tallyFits(lists(4, points: 1_000_000) + lists(1, points: 194_303)))
  #expect(!CandidateIndex.tallyFits(lists(4, points: 1_000_000) + lists(1, points: 194_304)))
  // Points the tally never holds do not count.
  let others = [
    ScoringRule(index: 0, test: .skills(partialPerMille: 0), points: 1_000_000),
    ScoringRule(index: 1, test: .gradeGap(min: 0, max: 3, pointsByGap: [1: 1_000_000]), required: true),
    ScoringRule(index: 2, test: .notLineManager(sameReportingLine: false), required: true),
    ScoringRule(index: 3, test: .noRepeat, required: true),
  ]
  #expect(CandidateIndex.tallyFits(others + others + lists(4, points: 1_000_000)))
}

/// List rules paying 2²² − 1 points in all, required ones among them (hits
/// on top of the largest sums, and a required `different` rule's exclusions
/// under them, which later rules add hits and points to), stay on the dense
/// path and give brute force's lists; one point more takes the sparse path,
/// with the same lists.
@Test(arguments: [194_303, 194_304])
func listPointsAtTheTallysLimitGiveExactLists(last: Int) throws {
  let toml = """
    [[rules]]
    kind = "different"
    field = "profession"
    required = true
    when_mentee_field = "match_with_similar_identity"
    when_equals = "yes"

    [[rules]]
    kind = "same"
    field = "profession"
    points = 1000000
    required = true

    [[rules]]
    kind = "same"
    field = "location"
    points = 1000000

    [[rules]]
    kind = "different"
    field = "department"
    points = 1000000

    [[rules]]
    kind = "contains"
    mentee_field = "identity_to_match"
    mentor_field = "characteristics"
    points = 1000000

    [[rules]]
    kind = "different"
    field = "location"
    points = \(last)

    [[rules]]
    kind = "grade-gap"
    min = 0
    max = 3
    points_by_gap = { "1" = 9, "2" = 12 }

    [[rules]]
    kind = "skills"
    points = 60
    partial_credit = 0.5
    """
  let rules = try parseRules(toml)
  #expect(CandidateIndex.tallyFits(rules.rules) == (last == 194_303))
  var random = SplitMix64(seed: 2_026)
  for round in 0..<12 {
    let cohort = tangledCohort(mentees: 5 + Int(random.next() % 30), mentors: 40 + Int(random.next() % 150), seed: random.next())
    let k = 1 + Int(random.next() % 12)
    let tables = try CohortTables(cohort: cohort, rules: rules)
    let dense = try runPath(cohort, toml, k: k, path: .dense, renewal: 1 + Int(random.next() % 9))
    for i in cohort.mentees.indices {
      try #require(dense.candidates[i] == bruteForceTop(tables, cohort, mentee: i, k: k), "round \(round) mentee \(i)")
    }
    #expect(dense.candidates.contains { !$0.isEmpty })
  }
}
