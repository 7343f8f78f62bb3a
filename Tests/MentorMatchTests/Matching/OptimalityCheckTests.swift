import MentorMatch
import MentorMatchTestSupport
import Testing

/// The checker reads a certificate with the supply on the mentor side in
/// place; it must agree with checking the transposed problem, where the
/// same network has its supply on the mentee side.
@Suite struct OptimalityCheckTests {
  @Test(arguments: 0..<16)
  func mentorSupplyCheckEqualsTheTransposedCheck(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 31_337)
    let generated = PhasedOptimalMatchingTests.cohortProblem(&rng, mentees: Int.random(in: 20...300, using: &rng))
    let objective = MatchingBruteForce.allObjectives[seed % MatchingBruteForce.allObjectives.count]
    // Whichever side the solver picks, check the certificate both ways.
    for problem in [generated, generated.transposed()] {
      let result = try OptimalMatching.solve(problem, objective: objective, method: .phases)
      var certificates = [result.certificate]
      var spoiled = result.certificate
      for index in spoiled.menteePotentials.indices where Bool.random(using: &rng) {
        spoiled.menteePotentials[index] += Int.random(in: -3...3, using: &rng)
      }
      spoiled.sinkPotential += Int.random(in: -1...1, using: &rng)
      certificates.append(spoiled)
      var matchings = [result.matching]
      let indices = result.matching.edgeIndices
      matchings.append(Matching(edgeIndices: Array(indices.dropFirst())))
      matchings.append(Matching(edgeIndices: indices + indices.prefix(2) + [problem.edges.count + 5]))
      if !problem.edges.isEmpty {
        matchings.append(Matching(edgeIndices: indices + [Int.random(in: 0..<problem.edges.count, using: &rng)]))
      }
      for certificate in certificates {
        for matching in matchings {
          let direct = OptimalityCheck.check(problem, matching: matching, objective: objective, certificate: certificate)
          let viaCopy = Self.checkTransposed(problem, matching: matching, objective: objective, certificate: certificate)
          #expect(direct == viaCopy, "seed \(seed), supply \(certificate.supplySide)")
        }
      }
      #expect(OptimalityCheck.check(problem, matching: result.matching, objective: objective, certificate: result.certificate).isOptimal)
    }
  }

  /// The same check on the transposed problem, with the sides of the
  /// certificate swapped: the way the checker worked before it read the
  /// mentor side in place.
  static func checkTransposed(
    _ problem: MatchingProblem, matching: Matching, objective: MatchingObjective, certificate: FlowCertificate
  ) -> OptimalityCheck.Report {
    let transposed = problem.transposed()
    var indices: [Int] = []
    var missing = 0
    for index in matching.edgeIndices {
      guard problem.edges.indices.contains(index),
        let swapped = transposed.edgeIndex(mentee: problem.edges[index].mentor, mentor: problem.edges[index].mentee)
      else {
        missing += 1
        continue
      }
      indices.append(swapped)
    }
    let flipped = FlowCertificate(
      supplySide: certificate.supplySide == .mentees ? .mentors : .mentees,
      menteePotentials: certificate.mentorPotentials, mentorPotentials: certificate.menteePotentials,
      sinkPotential: certificate.sinkPotential)
    var report = OptimalityCheck.check(
      transposed, matching: Matching(edgeIndices: indices), objective: objective, certificate: flipped)
    report.infeasiblePairs += missing
    return report
  }
}
