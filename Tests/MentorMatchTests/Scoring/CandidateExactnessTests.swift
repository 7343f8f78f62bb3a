import Foundation
import Testing
@testable import MentorMatch

/// Rule sets the exactness tests run under: the benchmark's, the LGBT+ network's,
/// one with no required rule (so untouched mentors compete), one with
/// required list rules and a scored `different`, and one whose `same` and
/// `different` rules the dense pass reads from its columns alone (no list
/// added over the band), with every constraint that rules mentors out.
let exactnessRuleSets: [String] = [
  SyntheticCohort.rulesTOML,
  lgbtRulesTOML.replacingOccurrences(of: "organisation", with: "department"),
  """
  [[rules]]
  kind = "skills"
  points = 40
  partial_credit = 0.3
  side = "mentee"
  [[rules]]
  kind = "grade-gap"
  min = 0
  max = 3
  points = 4
  [[rules]]
  kind = "same"
  field = "location"
  points = 3
  side = "mentor"
  [[rules]]
  kind = "different"
  field = "department"
  points = 2
  [[rules]]
  kind = "not-line-manager"
  """,
  """
  [[rules]]
  kind = "skills"
  required = true
  points = 30
  [[rules]]
  kind = "same"
  field = "profession"
  required = true
  points = 1
  [[rules]]
  kind = "contains"
  mentee_field = "identity_to_match"
  mentor_field = "characteristics"
  required = true
  when_mentee_field = "match_with_similar_identity"
  [[rules]]
  kind = "grade-gap"
  required = true
  min = -1
  max = 4
  points_by_gap = { "-1" = 1, "4" = 7 }
  [[rules]]
  kind = "no-repeat"
  """,
  """
  [[rules]]
  kind = "skills"
  points = 50
  partial_credit = 0.4
  [[rules]]
  kind = "same"
  field = "location"
  required = true
  points = 2
  [[rules]]
  kind = "different"
  field = "department"
  required = true
  [[rules]]
  kind = "grade-gap"
  min = 0
  max = 3
  points = 5
  [[rules]]
  kind = "no-repeat"
  [[rules]]
  kind = "not-line-manager"
  same_reporting_line = true
  """,
]

func ids(_ lists: CandidateLists) -> [[String]] {
  lists.candidates.map { $0.map { lists.mentorID(of: $0) } }
}

func run(_ cohort: ScoringCohort, _ toml: String, k: Int, _ strategy: CandidateSettings.Strategy,
         parallel: Bool = true) throws -> CandidateLists {
  try CandidateGenerator.generate(cohort, rules: try parseRules(toml),
                                  settings: CandidateSettings(k: k, strategy: strategy), parallel: parallel)
}

@Test(arguments: exactnessRuleSets.indices)
func indexEqualsExhaustiveOnSeveralThousandPeople(ruleSet: Int) throws {
  let cohort = SyntheticCohort.make(mentees: 2_500, mentors: 1_500, concepts: 400, skills: 6, seed: UInt64(17 + ruleSet))
  let indexed = try run(cohort, exactnessRuleSets[ruleSet], k: 50, .indexed)
  let exhaustive = try run(cohort, exactnessRuleSets[ruleSet], k: 50, .exhaustive)
  #expect(indexed.indexed && !exhaustive.indexed)
  #expect(indexed.candidates == exhaustive.candidates)
  #expect(indexed.unmatched == exhaustive.unmatched)
  // The test means something only if lists are long and some are cut at K.
  #expect(indexed.candidates.contains { $0.count == 50 })
}

@Test func seededSmallCohortsAgreeWithBruteForce() throws {
  var random = SplitMix64(seed: 2026)
  for round in 0..<120 {
    let mentees = Int(random.next() % 40) + 1, mentors = Int(random.next() % 40)
    let cohort = SyntheticCohort.make(mentees: mentees, mentors: mentors, concepts: 140 + Int(random.next() % 60),
                                      skills: 1 + Int(random.next() % 5), seed: random.next())
    let toml = exactnessRuleSets[round % exactnessRuleSets.count]
    let k = 1 + Int(random.next() % 8)
    let indexed = try run(cohort, toml, k: k, .indexed, parallel: false)
    let exhaustive = try run(cohort, toml, k: k, .exhaustive, parallel: false)
    try #require(indexed.candidates == exhaustive.candidates, "round \(round)")
    // Brute force without TopK: sort every eligible pair and cut at K.
    let tables = try CohortTables(cohort: cohort, rules: try parseRules(toml))
    for i in cohort.mentees.indices {
      let all = cohort.mentors.indices.compactMap { j in tables.score(i, j).map { (j, $0.total) } }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : cohort.mentors[$0.0].id < cohort.mentors[$1.0].id }
      try #require(indexed.candidates[i].map(\.mentor) == all.prefix(k).map(\.0), "round \(round) mentee \(i)")
    }
  }
}

@Test func resultsDoNotDependOnThreadsOrInputOrder() throws {
  let cohort = SyntheticCohort.make(mentees: 1_500, mentors: 600, concepts: 300, skills: 5, seed: 9)
  let parallel = try run(cohort, SyntheticCohort.rulesTOML, k: 20, .indexed, parallel: true)
  let serial = try run(cohort, SyntheticCohort.rulesTOML, k: 20, .indexed, parallel: false)
  #expect(parallel.candidates == serial.candidates)
  var shuffled = cohort
  var random = SplitMix64(seed: 4)
  shuffled.mentors.sort { _, _ in random.next() % 2 == 0 }
  let reordered = try run(shuffled, SyntheticCohort.rulesTOML, k: 20, .indexed)
  #expect(ids(reordered) == ids(parallel))
  #expect(reordered.candidates.map { $0.map(\.total) } == parallel.candidates.map { $0.map(\.total) })
}
