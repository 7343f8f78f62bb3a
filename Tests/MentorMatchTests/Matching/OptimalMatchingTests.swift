import MentorMatch
import MentorMatchTestSupport
import Testing

@Suite struct OptimalMatchingTests {
  /// Both methods against brute force on tiny problems, every objective order.
  @Test(arguments: OptimalMatching.Method.allCases, 0..<40)
  func equalsBruteForceForEveryObjective(method: OptimalMatching.Method, seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* (method == .phases ? 6271 : 7919) &+ (method == .phases ? 29 : 17))
    for _ in 0..<10 {
      let problem = MatchingBruteForce.randomProblem(&rng)
      let feasible = MatchingBruteForce.feasibleMatchings(problem)
      for objective in MatchingBruteForce.allObjectives {
        let result = try OptimalMatching.solve(problem, objective: objective, method: method)
        let best = MatchingBruteForce.bestValues(problem, objective: objective, among: feasible)
        #expect(objective.terms.map { result.values[$0] } == best, "seed \(seed), objective \(objective)")
        #expect(result.values == result.matching.values(in: problem))
        let report = OptimalityCheck.check(
          problem, matching: result.matching, objective: objective, certificate: result.certificate)
        #expect(report.isOptimal, "seed \(seed), objective \(objective): \(report)")
        #expect(StabilityCheck.check(problem, matching: result.matching).capacityViolations == 0)
      }
    }
  }

  @Test(arguments: 0..<20)
  func checkerRejectsAWorseMatching(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 1000)
    let problem = MatchingBruteForce.randomProblem(&rng)
    let objective = MatchingObjective.standard
    let result = try OptimalMatching.solve(problem, objective: objective)
    guard let dropped = result.matching.edgeIndices.first else { return }
    // Dropping a pair loses at least one unit of `pairs`, so it cannot be optimal.
    let worse = Matching(edgeIndices: Array(result.matching.edgeIndices.dropFirst()))
    let report = OptimalityCheck.check(problem, matching: worse, objective: objective, certificate: result.certificate)
    #expect(!report.isOptimal, "dropping edge \(dropped) should be caught")
  }

  @Test func checkerRejectsOverfilledCapacity() throws {
    let problem = try MatchingProblem(
      menteeCapacities: [1, 1], mentorCapacities: [1],
      edges: [.init(mentee: 0, mentor: 0, menteeScore: 1, mentorScore: 1),
              .init(mentee: 1, mentor: 0, menteeScore: 1, mentorScore: 1)])
    let result = try OptimalMatching.solve(problem)
    let report = OptimalityCheck.check(
      problem, matching: Matching(edgeIndices: [0, 1]), objective: .standard, certificate: result.certificate)
    #expect(report.infeasiblePairs == 1)
    #expect(!report.isOptimal)
  }

  @Test(arguments: 0..<20)
  func sameAnswerWhateverTheEdgeOrder(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 5000)
    let problem = MatchingBruteForce.randomProblem(&rng)
    var shuffled = problem.edges
    shuffled.shuffle(using: &rng)
    let again = try MatchingProblem(
      menteeCapacities: problem.menteeCapacities, mentorCapacities: problem.mentorCapacities, edges: shuffled)
    let first = try OptimalMatching.solve(problem).matching.pairs(in: problem)
    let second = try OptimalMatching.solve(again).matching.pairs(in: again)
    #expect(first.map { [$0.mentee, $0.mentor] } == second.map { [$0.mentee, $0.mentor] })
  }

  @Test func peopleBeforePairs() throws {
    // Mentor 0 (capacity 2) is everyone's favourite; mentee 0 could take two
    // mentors, but mentee 1 has only mentor 1: `people` must give it mentor 1.
    let problem = try MatchingProblem(
      menteeCapacities: [2, 1], mentorCapacities: [2, 1],
      edges: [
        .init(mentee: 0, mentor: 0, menteeScore: 9, mentorScore: 9),
        .init(mentee: 0, mentor: 1, menteeScore: 9, mentorScore: 9),
        .init(mentee: 1, mentor: 1, menteeScore: 0, mentorScore: 0),
      ])
    let people = try OptimalMatching.solve(problem, objective: .init(parsing: "people,score"))
    #expect(people.values == ObjectiveValues(people: 4, pairs: 2, score: 18))
    let score = try OptimalMatching.solve(problem, objective: .init(parsing: "score"))
    #expect(score.values == ObjectiveValues(people: 3, pairs: 2, score: 36))
  }

  @Test func noEdgesAndZeroCapacities() throws {
    let empty = try MatchingProblem(menteeCapacities: [1, 2], mentorCapacities: [3], edges: [])
    let result = try OptimalMatching.solve(empty)
    #expect(result.matching.edgeIndices.isEmpty)
    #expect(OptimalityCheck.check(empty, matching: result.matching, objective: .standard, certificate: result.certificate).isOptimal)
    let closed = try MatchingProblem(
      menteeCapacities: [0, 1], mentorCapacities: [1, 0],
      edges: [.init(mentee: 0, mentor: 0, menteeScore: 5, mentorScore: 5),
              .init(mentee: 1, mentor: 1, menteeScore: 5, mentorScore: 5)])
    #expect(try OptimalMatching.solve(closed).matching.edgeIndices.isEmpty)
  }

  @Test func everyoneWantsTheSameMentor() throws {
    let edges = (0..<6).map { MatchingProblem.Edge(mentee: $0, mentor: 0, menteeScore: 10, mentorScore: $0) }
    let problem = try MatchingProblem(
      menteeCapacities: Array(repeating: 1, count: 6), mentorCapacities: [2], edges: edges)
    let result = try OptimalMatching.solve(problem)
    #expect(result.matching.pairs(in: problem).map(\.mentee) == [4, 5])
  }

  @Test func negativeScoresAreLeftOutUnlessPairsCount() throws {
    let problem = try MatchingProblem(
      menteeCapacities: [1], mentorCapacities: [1],
      edges: [.init(mentee: 0, mentor: 0, menteeScore: -5, mentorScore: 1)])
    #expect(try OptimalMatching.solve(problem, objective: .init(parsing: "score")).values.pairs == 0)
    #expect(try OptimalMatching.solve(problem, objective: .init(parsing: "pairs,score")).values.pairs == 1)
  }

  /// The first term's own span (here people × a multiplier near 2^53) does
  /// not have to fit in 64 bits; only multipliers and path costs do.
  @Test(arguments: OptimalMatching.Method.allCases)
  func largeFirstTermSpanIsAccepted(method: OptimalMatching.Method) throws {
    let count = 2_000
    var edges: [MatchingProblem.Edge] = []
    for index in 0..<count {
      edges.append(.init(mentee: index, mentor: index, menteeScore: 1_000_000_000, mentorScore: 1_000_000_000))
      edges.append(.init(mentee: index, mentor: (index + 1) % count, menteeScore: 999_999_999, mentorScore: 999_999_999))
    }
    let problem = try MatchingProblem(
      menteeCapacities: Array(repeating: 1, count: count), mentorCapacities: Array(repeating: 1, count: count),
      edges: edges)
    let result = try OptimalMatching.solve(problem, objective: .standard, method: method)
    #expect(result.values == ObjectiveValues(people: 2 * count, pairs: count, score: count * 2_000_000_000))
    let report = OptimalityCheck.check(
      problem, matching: result.matching, objective: .standard, certificate: result.certificate)
    #expect(report.isOptimal, "\(report)")
  }

  @Test func weightsThatWouldOverflowAreRefused() throws {
    let count = 100_000
    let edges = (0..<count).map {
      MatchingProblem.Edge(mentee: $0, mentor: $0, menteeScore: 1_000_000_000, mentorScore: 1_000_000_000)
    }
    let problem = try MatchingProblem(
      menteeCapacities: Array(repeating: 1, count: count), mentorCapacities: Array(repeating: 1, count: count),
      edges: edges)
    #expect(throws: MatchingError.self) { try OptimalMatching.solve(problem, objective: .standard) }
  }
}
