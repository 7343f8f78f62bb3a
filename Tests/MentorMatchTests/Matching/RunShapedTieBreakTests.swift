import MentorMatch
import MentorMatchTestSupport
import Testing

/// The phased solver's speed work (issue 9, third pass: no search in phases
/// at distance 0, labels `d + p`, branch-free relaxation, radix-sorted
/// problems) must not change which equal optimum it returns. The golden
/// file was recorded from the solver before that work, on problems shaped
/// like the LGBT+ network's runs: dense candidate lists (every mentee with
/// many mentors), capacity 3 on both sides, few distinct scores (so many
/// ties), edges handed over best-first as the nightly run does, and both
/// supply sides.
@Suite struct RunShapedTieBreakTests {
  @Test func pairsMatchTheRecordedTieBreak() throws {
    var lines: [String] = []
    for seed in 0..<12 {
      var rng = SeededGenerator(seed: UInt64(seed) &+ 515_151)
      let mentees = [40, 120, 300][seed % 3]
      let mentors = seed % 4 == 3 ? mentees * 3 / 4 : mentees
      let problem = try Self.runShapedProblem(&rng, mentees: mentees, mentors: mentors)
      for method in OptimalMatching.Method.allCases {
        let result = try OptimalMatching.solve(problem, objective: .standard, method: method)
        let report = OptimalityCheck.check(
          problem, matching: result.matching, objective: .standard, certificate: result.certificate)
        #expect(report.isOptimal, "seed \(seed), \(method): \(report)")
        lines.append(
          "seed \(seed) size \(problem.menteeCount)x\(problem.mentorCount) edges \(problem.edges.count) "
            + "method \(method.rawValue) supply \(result.certificate.supplySide.rawValue) "
            + "\(result.values) digest \(OptimalTieBreakTests.digest(result.matching))")
      }
    }
    let text = lines.joined(separator: "\n") + "\n"
    try ReportSnapshot.expectMatches(Array(text.utf8), named: "runShapedPairsMatchRecordedTieBreak.txt")
  }

  /// Grades 0–10 on both sides; a mentee's candidates are the mentors one
  /// or two grades above (9 or 12 points) in another department (of 6),
  /// plus 10 points for the same profession (of 5) and 6 for a shared
  /// identity, up to `k` best per mentee (total descending, then index),
  /// listed best first.
  static func runShapedProblem(
    _ rng: inout SeededGenerator, mentees: Int, mentors: Int, k: Int = 60
  ) throws -> MatchingProblem {
    struct Person { var grade, department, profession: Int; var identity: Bool }
    func person(_ rng: inout SeededGenerator) -> Person {
      Person(
        grade: Int.random(in: 0...10, using: &rng), department: Int.random(in: 0..<6, using: &rng),
        profession: Int.random(in: 0..<5, using: &rng), identity: Bool.random(using: &rng))
    }
    let menteeList = (0..<mentees).map { _ in person(&rng) }
    let mentorList = (0..<mentors).map { _ in person(&rng) }
    var edges: [MatchingProblem.Edge] = []
    for (i, mentee) in menteeList.enumerated() {
      var scored: [(total: Int, mentor: Int, menteeScore: Int)] = []
      for (j, mentor) in mentorList.enumerated() {
        let gap = mentor.grade - mentee.grade
        guard gap == 1 || gap == 2, mentor.department != mentee.department else { continue }
        var points = gap == 2 ? 12 : 9
        if mentor.profession == mentee.profession { points += 10 }
        if mentor.identity && mentee.identity { points += 6 }
        scored.append((points, j, points))
      }
      scored.sort { ($0.total, -$0.mentor) > ($1.total, -$1.mentor) }
      for entry in scored.prefix(k) {
        edges.append(.init(mentee: i, mentor: entry.mentor, menteeScore: entry.menteeScore, mentorScore: 0))
      }
    }
    return try MatchingProblem(
      menteeCapacities: Array(repeating: 3, count: mentees), mentorCapacities: Array(repeating: 3, count: mentors),
      edges: edges)
  }
}

/// The solver's progress: every unit of supply reported once, in rounds, and
/// the same pairs as without it.
@Suite struct SolverProgressTests {
  @Test(arguments: OptimalMatching.Method.allCases)
  func everyUnitIsReportedOnce(method: OptimalMatching.Method) throws {
    var rng = SeededGenerator(seed: 77)
    let problem = try RunShapedTieBreakTests.runShapedProblem(&rng, mentees: 300, mentors: 250)
    var routed = 0
    var totals: Set<Int> = []
    var calls = 0
    let watched = try OptimalMatching.solve(problem, objective: .standard, method: method) { count, total in
      routed += count
      totals.insert(total)
      calls += 1
    }
    let plain = try OptimalMatching.solve(problem, objective: .standard, method: method)
    #expect(watched.matching == plain.matching)
    #expect(totals.count == 1)
    #expect(routed == totals.first)
    #expect(calls > 1)
    #expect(routed >= watched.matching.edgeIndices.count, "each pair takes a unit; unmatched units are routed too")
  }
}
