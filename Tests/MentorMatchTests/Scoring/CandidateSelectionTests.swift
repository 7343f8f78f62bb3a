import Testing
@testable import MentorMatch

/// The bound the selection ranks mentors by must never undercut the exact
/// skills points (or a mentor could be pruned wrongly) and must stay close
/// (or pruning would be weak).
@Test func skillBoundIsAtLeastExactAndAtMostOneOver() {
  var random = SplitMix64(seed: 77)
  for _ in 0..<20_000 {
    let points = Int(random.next() % 1_000_001)
    let skills = 1 + Int(random.next() % 40)
    let mass = (0..<skills).reduce(0) { sum, _ in sum + (65_536 + Int(random.next() % 1_200_000)) * 1000 }
    let covered = Int(random.next() % UInt64(mass + 1))
    let terms = SkillTerms(points: points, mass: mass, required: false)
    let exact = terms.exact(covered)
    // floor(points × covered / mass), checked by multiplying back (no overflow at these sizes).
    #expect(exact * mass <= points * covered && points * covered < (exact + 1) * mass)
    let bound = terms.bound(covered)
    #expect(bound >= exact && bound <= exact + 1, "points \(points) covered \(covered) mass \(mass)")
  }
  #expect(SkillTerms(points: 60, mass: 0, required: false).bound(0) == 0)
  #expect(SkillTerms(points: 0, mass: 1000, required: false).bound(1000) == 0)
}

/// The dense band pass bounds every mentor with ``SkillTerms/scaledBound(_:)``,
/// which has no branch: it must equal ``SkillTerms/bound(_:)`` wherever
/// ``SkillTerms/scaled`` says so, which is every mentee a parsed config can
/// give (points 0 to 1,000,000, any mass). Where there is no factor and the
/// bound is not 0, `scaled` is false and the dense path leaves the mentee to
/// the sparse one.
@Test func theBranchFreeBoundIsTheBoundWheneverItApplies() {
  var random = SplitMix64(seed: 78)
  for _ in 0..<20_000 {
    let points = random.next() % 8 == 0 ? 0 : Int(random.next() % 1_000_001)
    let skills = Int(random.next() % 40)
    let mass = (0..<skills).reduce(0) { sum, _ in sum + (1 + Int(random.next() % 1_200_000)) * 1000 }
    let terms = SkillTerms(points: points, mass: mass, required: false)
    #expect(terms.scaled, "points \(points) mass \(mass)")
    for covered in [0, 1, mass / 3, mass / 2, mass] + [Int(random.next() % UInt64(mass + 1))] {
      #expect(terms.scaledBound(covered) == terms.bound(covered), "points \(points) covered \(covered) mass \(mass)")
    }
  }
  let unscaled = SkillTerms(points: 1 << 40, mass: 5, required: false)
  #expect(!unscaled.scaled)
  #expect(unscaled.bound(5) == 1 << 40)
}

/// The dense band pass passes over a mentor whose coverage is under
/// ``SkillTerms/coverageFloor(reaching:)`` without reading its tally: no such
/// coverage may bound at the need (or a mentor would be lost), and the floor
/// must be tight (one more coverage reaches it), or the pass would read more
/// than it needs.
@Test func theCoverageFloorIsTheLeastCoverageThatCanReachTheNeed() {
  var random = SplitMix64(seed: 79)
  var tight = 0
  for _ in 0..<20_000 {
    let points = 1 + Int(random.next() % 1_000_000)
    let skills = 1 + Int(random.next() % 40)
    let mass = (0..<skills).reduce(0) { sum, _ in sum + (1 + Int(random.next() % 1_200_000)) * 1000 }
    let terms = SkillTerms(points: points, mass: mass, required: false)
    let need = Int(random.next() % UInt64(points + 2)) - Int(random.next() % 2)
    let floor = terms.coverageFloor(reaching: need)
    guard need > 0 else {
      #expect(floor == 0, "need \(need)")
      continue
    }
    if floor > 0 {
      #expect(terms.scaledBound(floor - 1) < need, "points \(points) mass \(mass) need \(need)")
    }
    if floor < mass {
      #expect(terms.scaledBound(floor + 1) >= need, "points \(points) mass \(mass) need \(need)")
      tight += 1
    }
  }
  #expect(tight > 10_000)
  // Nothing reaches a need past every coverage's bound; no factor, no floor;
  // and a floor of 0 when the least coverage reaches the need already.
  // A factor that divides exactly (2⁴²): the coverage that reaches 5 points exactly is the floor itself.
  let exact = SkillTerms(points: 1000, mass: 1_024_000, required: false)
  #expect(exact.coverageFloor(reaching: 5) == 5120 && exact.scaledBound(5120) == 5 && exact.scaledBound(5119) == 4)
  let steep = SkillTerms(points: 1_000_000, mass: 1000, required: false)
  #expect(steep.coverageFloor(reaching: 1) == 0 && steep.scaledBound(1) >= 1)
  #expect(SkillTerms(points: 40, mass: 65_536_000, required: false).coverageFloor(reaching: Int.max) == Int.max)
  #expect(SkillTerms(points: 1 << 40, mass: 5, required: false).coverageFloor(reaching: 3) == 0)
}

/// Rule sets whose scores are wide (coarse histogram buckets) or nearly all
/// tied (the first cut guesses the K-th score wrong and the rest is finished).
let selectionRuleSets: [String] = [
  """
  [[rules]]
  kind = "skills"
  points = 1000000
  partial_credit = 0.25
  [[rules]]
  kind = "same"
  field = "profession"
  points = 900000
  [[rules]]
  kind = "different"
  field = "location"
  points = 70000
  [[rules]]
  kind = "grade-gap"
  min = 0
  max = 5
  points_by_gap = { "0" = 3, "5" = 250000 }
  """,
  """
  [[rules]]
  kind = "skills"
  points = 1
  [[rules]]
  kind = "same"
  field = "location"
  points = 1
  [[rules]]
  kind = "grade-gap"
  required = true
  min = 1
  max = 3
  points = 1
  """,
  """
  [[rules]]
  kind = "skills"
  required = true
  points = 7
  partial_credit = 0.9
  [[rules]]
  kind = "different"
  field = "department"
  points = 3
  [[rules]]
  kind = "contains"
  mentee_field = "identity_to_match"
  mentor_field = "characteristics"
  points = 2
  """,
]

@Test(arguments: selectionRuleSets.indices, [1, 7, 50])
func selectionEqualsExhaustiveOnWideAndTiedScores(ruleSet: Int, k: Int) throws {
  let cohort = SyntheticCohort.make(mentees: 600, mentors: 900, concepts: 300, skills: 5, seed: UInt64(400 + ruleSet))
  let indexed = try run(cohort, selectionRuleSets[ruleSet], k: k, .indexed)
  let exhaustive = try run(cohort, selectionRuleSets[ruleSet], k: k, .exhaustive)
  #expect(indexed.candidates == exhaustive.candidates)
  #expect(indexed.unmatched == exhaustive.unmatched)
  #expect(indexed.candidates.contains { $0.count == k })
}

/// Chunks run in any order on any number of threads; a cohort spanning many
/// chunks gives the same lists as one thread, under every rule set.
@Test(arguments: exactnessRuleSets.indices)
func parallelChunksEqualSerial(ruleSet: Int) throws {
  let cohort = SyntheticCohort.make(mentees: 3 * CandidateGenerator.chunkSize + 77, mentors: 700, concepts: 250,
                                    skills: 6, seed: UInt64(90 + ruleSet))
  let parallel = try run(cohort, exactnessRuleSets[ruleSet], k: 25, .indexed, parallel: true)
  let serial = try run(cohort, exactnessRuleSets[ruleSet], k: 25, .indexed, parallel: false)
  #expect(parallel.candidates == serial.candidates)
  #expect(parallel.unmatched == serial.unmatched)
}

/// Small cohorts are cut into units small enough to keep every core busy;
/// big ones into units of at most ``CandidateGenerator/chunkSize``.
@Test func chunkSizesSpreadSmallCohortsAndCapBigOnes() {
  #expect(CandidateGenerator.chunkSize(menteeCount: 1_000, cores: 2) == 63)
  #expect(CandidateGenerator.chunkSize(menteeCount: 10, cores: 2) == 16)
  #expect(CandidateGenerator.chunkSize(menteeCount: 1_000_000, cores: 2) == CandidateGenerator.chunkSize)
  // The 1,000-mentee cohort of the peer comparison, in 16 units over 2 cores, as on one thread.
  let cohort = SyntheticCohort.make(mentees: 1_000, mentors: 1_000, concepts: 80, skills: 4, seed: 7)
  #expect(throws: Never.self) {
    let parallel = try run(cohort, exactnessRuleSets[0], k: 100, .indexed, parallel: true)
    let serial = try run(cohort, exactnessRuleSets[0], k: 100, .indexed, parallel: false)
    #expect(parallel.candidates == serial.candidates)
  }
}

/// `bench-candidates` compares runs by checksum: the same lists (on any
/// number of threads) give the same value, and a list that differs changes it.
@Test func candidateChecksumFollowsTheLists() throws {
  let cohort = SyntheticCohort.make(mentees: 300, mentors: 200, concepts: 150, skills: 4, seed: 8)
  let rules = try parseRules(SyntheticCohort.rulesTOML)
  let serial = try CandidateGenerator.generate(cohort, rules: rules, settings: CandidateSettings(k: 10), parallel: false)
  let parallel = try CandidateGenerator.generate(cohort, rules: rules, settings: CandidateSettings(k: 10), parallel: true)
  #expect(serial.checksum == parallel.checksum)
  let fewer = try CandidateGenerator.generate(cohort, rules: rules, settings: CandidateSettings(k: 9), parallel: false)
  #expect(fewer.checksum != serial.checksum)
  var other = cohort
  other.mentors[0].offered = []
  #expect(try CandidateGenerator.generate(other, rules: rules, settings: CandidateSettings(k: 10)).checksum != serial.checksum)
}
