import MentorMatch
import MentorMatchTestSupport
import Testing

/// The phased min-cost flow (`OptimalMatching.Method.phases`) against the
/// per-unit solver on larger problems (brute force on tiny ones is in
/// `OptimalMatchingTests`, for both methods).
@Suite struct PhasedOptimalMatchingTests {
  /// Cohort-shaped problems (popular mentors, capacities up to 3, scores
  /// with many ties): the same objective value as the per-unit solver and
  /// a certificate the checker accepts.
  @Test(arguments: 0..<24)
  func sameValuesAsSuccessiveShortestPaths(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 90_001)
    let problem = Self.cohortProblem(&rng, mentees: Int.random(in: 20...400, using: &rng))
    let objective = MatchingBruteForce.allObjectives[seed % MatchingBruteForce.allObjectives.count]
    let phased = try OptimalMatching.solve(problem, objective: objective, method: .phases)
    let perUnit = try OptimalMatching.solve(problem, objective: objective, method: .successiveShortestPaths)
    // Terms outside the objective are free, so only the objective's terms must agree.
    #expect(
      objective.terms.map { phased.values[$0] } == objective.terms.map { perUnit.values[$0] },
      "seed \(seed), objective \(objective)")
    let report = OptimalityCheck.check(
      problem, matching: phased.matching, objective: objective, certificate: phased.certificate)
    #expect(report.isOptimal, "seed \(seed): \(report)")
  }

  @Test(arguments: 0..<10)
  func sameAnswerWhateverTheEdgeOrder(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 70_003)
    let problem = Self.cohortProblem(&rng, mentees: 150)
    var shuffled = problem.edges
    shuffled.shuffle(using: &rng)
    let again = try MatchingProblem(
      menteeCapacities: problem.menteeCapacities, mentorCapacities: problem.mentorCapacities, edges: shuffled)
    let first = try OptimalMatching.solve(problem, method: .phases).matching.pairs(in: problem)
    let second = try OptimalMatching.solve(again, method: .phases).matching.pairs(in: again)
    #expect(first.map { [$0.mentee, $0.mentor] } == second.map { [$0.mentee, $0.mentor] })
  }

  @Test func degenerateProblems() throws {
    let empty = try MatchingProblem(menteeCapacities: [1, 2], mentorCapacities: [3], edges: [])
    #expect(try OptimalMatching.solve(empty, method: .phases).matching.edgeIndices.isEmpty)
    let closed = try MatchingProblem(
      menteeCapacities: [0, 1], mentorCapacities: [1, 0],
      edges: [.init(mentee: 0, mentor: 0, menteeScore: 5, mentorScore: 5),
              .init(mentee: 1, mentor: 1, menteeScore: 5, mentorScore: 5)])
    #expect(try OptimalMatching.solve(closed, method: .phases).matching.edgeIndices.isEmpty)
    let edges = (0..<6).map { MatchingProblem.Edge(mentee: $0, mentor: 0, menteeScore: 10, mentorScore: $0) }
    let crowded = try MatchingProblem(
      menteeCapacities: Array(repeating: 1, count: 6), mentorCapacities: [2], edges: edges)
    let result = try OptimalMatching.solve(crowded, method: .phases)
    #expect(result.matching.pairs(in: crowded).map(\.mentee) == [4, 5])
  }

  /// Mentors drawn with a skewed popularity, 3–12 candidates per mentee,
  /// capacities 1–3 on both sides, scores 0–6 on each side.
  static func cohortProblem(_ rng: inout SeededGenerator, mentees: Int) -> MatchingProblem {
    let mentors = max(2, mentees * 2 / 5)
    var edges: [MatchingProblem.Edge] = []
    for mentee in 0..<mentees {
      var chosen: Set<Int> = []
      for _ in 0..<Int.random(in: 3...12, using: &rng) {
        // The square of a uniform draw favours low indices: popular mentors.
        let u = Double.random(in: 0..<1, using: &rng)
        chosen.insert(min(mentors - 1, Int(u * u * Double(mentors))))
      }
      for mentor in chosen.sorted() {
        edges.append(.init(
          mentee: mentee, mentor: mentor,
          menteeScore: Int.random(in: 0...6, using: &rng), mentorScore: Int.random(in: 0...6, using: &rng)))
      }
    }
    let caps = { (rng: inout SeededGenerator) in [1, 1, 1, 2, 3].randomElement(using: &rng) ?? 1 }
    let menteeCaps = (0..<mentees).map { _ in caps(&rng) }
    let mentorCaps = (0..<mentors).map { _ in caps(&rng) }
    // Valid by construction: indices in range, no duplicate pairs, small scores.
    return try! MatchingProblem(menteeCapacities: menteeCaps, mentorCapacities: mentorCaps, edges: edges)
  }
}
