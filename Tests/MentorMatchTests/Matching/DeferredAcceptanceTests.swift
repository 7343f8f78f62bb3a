import MentorMatch
import MentorMatchTestSupport
import Testing

@Suite struct DeferredAcceptanceTests {
  /// Mentee `i`'s partners in `chosen`, best first by the documented order.
  private func partners(_ problem: MatchingProblem, _ chosen: [Int], mentee: Int) -> [(score: Int, mentor: Int)] {
    chosen.map { problem.edges[$0] }.filter { $0.mentee == mentee }
      .map { ($0.menteeScore, $0.mentor) }
      .sorted { $0.score != $1.score ? $0.score > $1.score : $0.mentor < $1.mentor }
  }

  private func atLeastAsGood(_ a: (score: Int, mentor: Int), _ b: (score: Int, mentor: Int)) -> Bool {
    a.score != b.score ? a.score > b.score : a.mentor <= b.mentor
  }

  @Test(arguments: 0..<60)
  func isTheMenteeOptimalStableMatching(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &* 104_729 &+ 3)
    for _ in 0..<10 {
      let problem = MatchingBruteForce.randomProblem(&rng)
      let result = DeferredAcceptance.solve(problem)
      let report = StabilityCheck.check(problem, matching: result)
      #expect(report.isStable, "seed \(seed): \(report)")

      let stable = MatchingBruteForce.feasibleMatchings(problem).filter {
        StabilityCheck.check(problem, matching: Matching(edgeIndices: $0)).isStable
      }
      #expect(stable.contains(result.edgeIndices), "seed \(seed): result is not among the stable matchings")
      // Mentee-optimal: every mentee's k-th best partner is at least as good
      // as its k-th best in any stable matching.
      for other in stable {
        for mentee in 0..<problem.menteeCount {
          let mine = partners(problem, result.edgeIndices, mentee: mentee)
          let theirs = partners(problem, other, mentee: mentee)
          #expect(mine.count >= theirs.count, "seed \(seed)")
          for (a, b) in zip(mine, theirs) {
            #expect(atLeastAsGood(a, b), "seed \(seed): mentee \(mentee) does better elsewhere")
          }
        }
      }
    }
  }

  @Test(arguments: 0..<20)
  func sameAnswerWhateverTheEdgeOrder(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 77)
    let problem = MatchingBruteForce.randomProblem(&rng)
    var shuffled = problem.edges
    shuffled.shuffle(using: &rng)
    let again = try MatchingProblem(
      menteeCapacities: problem.menteeCapacities, mentorCapacities: problem.mentorCapacities, edges: shuffled)
    let first = DeferredAcceptance.solve(problem).pairs(in: problem)
    let second = DeferredAcceptance.solve(again).pairs(in: again)
    #expect(first.map { [$0.mentee, $0.mentor] } == second.map { [$0.mentee, $0.mentor] })
  }

  @Test func tiesGoToTheLowerIndex() throws {
    // Both mentees score the mentor equally; the mentor keeps mentee 0.
    let problem = try MatchingProblem(
      menteeCapacities: [1, 1], mentorCapacities: [1, 1],
      edges: [
        .init(mentee: 1, mentor: 0, menteeScore: 5, mentorScore: 3),
        .init(mentee: 0, mentor: 0, menteeScore: 5, mentorScore: 3),
        .init(mentee: 0, mentor: 1, menteeScore: 5, mentorScore: 3),
      ])
    // Mentee 0 ties between mentors 0 and 1 and proposes to mentor 0 first.
    let pairs = DeferredAcceptance.solve(problem).pairs(in: problem).map { [$0.mentee, $0.mentor] }
    #expect(pairs == [[0, 0]])
  }

  @Test func everyoneWantsTheSameMentor() throws {
    let edges = (0..<5).map { MatchingProblem.Edge(mentee: $0, mentor: 0, menteeScore: 1, mentorScore: 10 - $0) }
    let problem = try MatchingProblem(
      menteeCapacities: Array(repeating: 1, count: 5), mentorCapacities: [3], edges: edges)
    let pairs = DeferredAcceptance.solve(problem).pairs(in: problem)
    #expect(pairs.map(\.mentee) == [0, 1, 2])
  }

  @Test func degenerateCases() throws {
    let empty = try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [])
    #expect(DeferredAcceptance.solve(empty).edgeIndices.isEmpty)
    let closed = try MatchingProblem(
      menteeCapacities: [1, 0], mentorCapacities: [0, 1],
      edges: [.init(mentee: 0, mentor: 0, menteeScore: 1, mentorScore: 1),
              .init(mentee: 1, mentor: 1, menteeScore: 1, mentorScore: 1)])
    #expect(DeferredAcceptance.solve(closed).edgeIndices.isEmpty)
    #expect(StabilityCheck.check(closed, matching: Matching(edgeIndices: [])).isStable)
    let single = try MatchingProblem(
      menteeCapacities: [3], mentorCapacities: [2],
      edges: [.init(mentee: 0, mentor: 0, menteeScore: 1, mentorScore: 1)])
    #expect(DeferredAcceptance.solve(single).edgeIndices == [0])
  }

  @Test func checkerFindsBlockingPairsAndOverfill() throws {
    let problem = try MatchingProblem(
      menteeCapacities: [1, 1], mentorCapacities: [1, 1],
      edges: [
        .init(mentee: 0, mentor: 0, menteeScore: 9, mentorScore: 9),
        .init(mentee: 0, mentor: 1, menteeScore: 1, mentorScore: 1),
        .init(mentee: 1, mentor: 0, menteeScore: 1, mentorScore: 1),
      ])
    // Mentee 0 with mentor 1 and mentee 1 with mentor 0: (0, 0) blocks.
    let unstable = StabilityCheck.check(problem, matching: Matching(edgeIndices: [1, 2]))
    #expect(unstable.blockingPairs == 1)
    let overfull = StabilityCheck.check(problem, matching: Matching(edgeIndices: [0, 1]))
    #expect(overfull.capacityViolations == 1)
    let repeated = StabilityCheck.check(problem, matching: Matching(edgeIndices: [0, 0, 7]))
    #expect(repeated.invalidPairs == 2)
  }
}
