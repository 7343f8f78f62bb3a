import MentorMatch
import MentorMatchTestSupport
import Testing

/// Which of several equally good matchings the optimal solver returns is
/// part of its output (the nightly run writes it), so speed work must not
/// change it. The golden file holds, for seeded cohort-shaped problems of
/// both orientations (supply on either side), every objective order and
/// both methods, the pairs chosen (as a digest) and their values, recorded
/// from the solver before its issue-9 speed work.
@Suite struct OptimalTieBreakTests {
  @Test func pairsMatchTheRecordedTieBreak() throws {
    var lines: [String] = []
    for seed in 0..<36 {
      var rng = SeededGenerator(seed: UInt64(seed) &+ 424_242)
      let size = [20, 60, 150, 400, 900, 1_600][seed % 6]
      let generated = PhasedOptimalMatchingTests.cohortProblem(&rng, mentees: size)
      // Odd seeds swap the sides, so that both supply sides are covered.
      let problem = seed % 2 == 0 ? generated : generated.transposed()
      let objective = MatchingBruteForce.allObjectives[seed % MatchingBruteForce.allObjectives.count]
      for method in OptimalMatching.Method.allCases {
        let result = try OptimalMatching.solve(problem, objective: objective, method: method)
        let report = OptimalityCheck.check(
          problem, matching: result.matching, objective: objective, certificate: result.certificate)
        #expect(report.isOptimal, "seed \(seed), \(method): \(report)")
        lines.append(
          "seed \(seed) size \(problem.menteeCount)x\(problem.mentorCount) objective \(objective) "
            + "method \(method.rawValue) supply \(result.certificate.supplySide.rawValue) "
            + "\(result.values) digest \(Self.digest(result.matching))")
      }
    }
    let text = lines.joined(separator: "\n") + "\n"
    try ReportSnapshot.expectMatches(Array(text.utf8), named: "optimalPairsMatchRecordedTieBreak.txt")
  }

  /// FNV-1a over the chosen edge indices (ascending).
  static func digest(_ matching: Matching) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in matching.edgeIndices {
      for shift in stride(from: 0, to: 64, by: 8) {
        hash = (hash ^ (UInt64(index) >> UInt64(shift) & 0xff)) &* 0x100_0000_01b3
      }
    }
    return String(hash, radix: 16)
  }
}
