import Testing
@testable import MentorMatch

/// The dense path keeps each worker's skill coverage from one search to the
/// next and changes it by the skills two mentees do not share
/// (``CandidateIndex/updateCoverage(to:band:_:_:_:)``). Whatever order the
/// mentees come in, every list must equal exhaustive scoring, and the
/// coverage held after each search must be exactly the coverage worked out
/// pair by pair (``CohortTables/coverage(_:_:partial:)``).

/// Rule sets for the carried coverage: partial credit with marks and lists,
/// none, a skills rule that applies to some mentees only, a partial credit
/// whose coverage unit is 1 (``wideCarriedRuleSet``), and no skills rule.
private let carriedRuleSets: [String] = [
  SyntheticCohort.rulesTOML,
  exactnessRuleSets[2],
  exactnessRuleSets[3],
  wideCoverageRules,
  """
  [[rules]]
  kind = "skills"
  points = 25
  partial_credit = 0.7
  when_mentee_field = "match_with_similar_identity"
  [[rules]]
  kind = "grade-gap"
  required = true
  min = 0
  max = 2
  [[rules]]
  kind = "same"
  field = "profession"
  points = 5
  """,
  """
  [[rules]]
  kind = "grade-gap"
  required = true
  min = 1
  max = 3
  points_by_gap = { "1" = 4, "2" = 6, "3" = 2 }
  [[rules]]
  kind = "same"
  field = "profession"
  points = 5
  """,
]

@Test(arguments: carriedRuleSets.indices)
func carriedCoverageIsTheCoverageFromZeroInAnyOrder(ruleSet: Int) throws {
  var random = SplitMix64(seed: UInt64(9_100 + ruleSet))
  var checked = 0, wideRounds = 0
  for round in 0..<6 {
    let cohort = round % 2 == 0
      ? tangledCohort(mentees: 40, mentors: 120 + Int(random.next() % 200), seed: random.next())
      : SyntheticCohort.make(mentees: 60, mentors: 300, concepts: 200, skills: 5, seed: random.next())
    let tables = try CohortTables(cohort: cohort, rules: try parseRules(carriedRuleSets[ruleSet]))
    let index = CandidateIndex(tables: tables, path: .dense, renewal: 1 + Int(random.next() % 8))
    // Only the partial credit of 0.333 makes masses past 31 bits in its
    // unit, in the cohorts with rare enough skills.
    if index.wideCoverage { wideRounds += 1 }
    var scratch = SearchScratch(mentors: cohort.mentors.count)
    let k = 1 + Int(random.next() % 20)
    // Mentees again and again, in random order, across bands and back.
    for _ in 0..<(3 * cohort.mentees.count) {
      let i = Int(random.next() % UInt64(cohort.mentees.count))
      try searchEqualsExhaustive(index, tables, mentee: i, k: k, &scratch, "round \(round) mentee \(i)")
      let held = scratch.dense
      // Past the band it is laid over, the coverage is zero.
      if index.wideCoverage {
        try #require(held.wideCovered[held.coveredBand.count...].allSatisfy { $0 == 0 }, "round \(round) mentee \(i)")
      } else {
        try #require(held.covered[held.coveredBand.count...].allSatisfy { $0 == 0 }, "round \(round) mentee \(i)")
        try #require(held.wideCovered.isEmpty, "round \(round): 64-bit words made for a narrow index")
      }
      // When this search set it, it is this mentee's, mentor by mentor.
      guard let skills = index.skillsRule, held.coveredBand == index.band(ofMentee: i) else { continue }
      let wanted = tables.applies(skills.index, i) ? tables.wanted[i] : []
      guard held.coveredSkills == wanted else { continue }
      for x in held.coveredBand.indices {
        let j = Int(index.order[x])
        let own = wanted.isEmpty ? 0 : tables.coverage(i, j, partial: skills.partial)
        let at = x - held.coveredBand.lowerBound
        let units = index.wideCoverage ? held.wideCovered[at] : Int(held.covered[at])
        try #require(units * index.coverageUnit == own, "round \(round) mentee \(i) mentor \(j)")
      }
      checked += 1
    }
  }
  #expect((wideRounds > 0) == (carriedRuleSets[ruleSet] == wideCoverageRules))
  if ruleSet < carriedRuleSets.count - 1 {
    // Not a test that passes by checking nothing.
    #expect(checked > 300)
  } else {
    #expect(checked == 0)
  }
}

@Test(arguments: carriedRuleSets.indices)
func searchOrderIsAPermutationWithEachBandTogether(ruleSet: Int) throws {
  let cohort = tangledCohort(mentees: 200, mentors: 400, seed: UInt64(77 + ruleSet))
  let tables = try CohortTables(cohort: cohort, rules: try parseRules(carriedRuleSets[ruleSet]))
  let index = CandidateIndex(tables: tables)
  let order = index.searchOrder().map(Int.init)
  #expect(order.sorted() == Array(cohort.mentees.indices))
  // Without a skills rule there is nothing to share: mentee order.
  guard index.skillsRule != nil else {
    #expect(order == Array(cohort.mentees.indices))
    return
  }
  let bands = order.map { index.band(ofMentee: $0) }
  var seen: Set<Range<Int>> = []
  for (n, band) in bands.enumerated() where n == 0 || bands[n - 1] != band {
    #expect(seen.insert(band).inserted, "band \(band) comes back after another")
  }
}

/// The run's generator, searching in the index's order on several threads,
/// puts each list back in its mentee's place: the same lists and the same
/// mentees without candidates, in mentee order, as exhaustive scoring.
@Test(arguments: carriedRuleSets.indices)
func listsComeBackInMenteeOrder(ruleSet: Int) throws {
  let cohort = tangledCohort(mentees: 300, mentors: 500, seed: UInt64(4_242 + ruleSet))
  let dense = try runPath(cohort, carriedRuleSets[ruleSet], k: 7, path: .dense, parallel: true)
  let exhaustive = try run(cohort, carriedRuleSets[ruleSet], k: 7, .exhaustive)
  #expect(dense.candidates == exhaustive.candidates)
  #expect(dense.unmatched == exhaustive.unmatched)
  #expect(dense.candidates.enumerated().allSatisfy { i, list in list.allSatisfy { $0.mentee == i } })
}
