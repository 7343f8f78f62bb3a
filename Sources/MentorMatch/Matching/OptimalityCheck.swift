/// Verifies a ``FlowCertificate`` for a matching, independently of the
/// solver: it rebuilds the residual network from the problem, the objective
/// and the pairs alone, and checks that every residual arc has a
/// non-negative reduced cost (so no negative cycle exists and no matching
/// scores better on the objective).
public enum OptimalityCheck {
  /// What the check found.
  public struct Report: Sendable, Equatable, CustomStringConvertible {
    /// Residual arcs with a negative reduced cost (0 when optimal).
    public var negativeArcs: Int
    /// Pairs that are not edges, repeat, or overfill someone's capacity.
    public var infeasiblePairs: Int
    /// Potentials of the wrong count.
    public var malformedCertificate: Bool

    /// Whether the certificate proves the matching optimal.
    public var isOptimal: Bool { negativeArcs == 0 && infeasiblePairs == 0 && !malformedCertificate }

    public var description: String {
      if isOptimal { return "certificate verified" }
      if malformedCertificate { return "certificate malformed" }
      return "certificate rejected (\(negativeArcs) negative arcs, \(infeasiblePairs) infeasible pairs)"
    }
  }

  /// Checks `certificate` for `matching` on `problem` under `objective`.
  public static func check(
    _ problem: MatchingProblem,
    matching: Matching,
    objective: MatchingObjective,
    certificate: FlowCertificate
  ) -> Report {
    if certificate.supplySide == .mentors {
      // Check the network the solver used: the transposed problem, where the
      // mentors' potentials are the supply side's.
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
      var flipped = certificate
      flipped.supplySide = .mentees
      flipped.menteePotentials = certificate.mentorPotentials
      flipped.mentorPotentials = certificate.menteePotentials
      var report = check(transposed, matching: Matching(edgeIndices: indices), objective: objective, certificate: flipped)
      report.infeasiblePairs += missing
      return report
    }
    var report = Report(negativeArcs: 0, infeasiblePairs: 0, malformedCertificate: false)
    guard certificate.menteePotentials.count == problem.menteeCount,
      certificate.mentorPotentials.count == problem.mentorCount,
      let encoding = try? ObjectiveEncoding(objective, for: problem)
    else {
      report.malformedCertificate = true
      return report
    }
    let menteeP = certificate.menteePotentials
    let mentorP = certificate.mentorPotentials
    let sinkP = certificate.sinkPotential

    var isMatched = [Bool](repeating: false, count: problem.edges.count)
    var menteeLoad = [Int](repeating: 0, count: problem.menteeCount)
    var mentorLoad = [Int](repeating: 0, count: problem.mentorCount)
    for index in matching.edgeIndices {
      guard problem.edges.indices.contains(index), !isMatched[index] else {
        report.infeasiblePairs += 1
        continue
      }
      isMatched[index] = true
      menteeLoad[problem.edges[index].mentee] += 1
      mentorLoad[problem.edges[index].mentor] += 1
    }

    func arc(_ cost: Int, _ from: Int, _ to: Int) {
      let (partial, o1) = cost.addingReportingOverflow(from)
      let (reduced, o2) = partial.subtractingReportingOverflow(to)
      if o1 || o2 || reduced < 0 { report.negativeArcs += 1 }
    }

    for (index, edge) in problem.edges.enumerated() {
      let weight = encoding.weight(of: edge)
      if isMatched[index] {
        arc(weight, mentorP[edge.mentor], menteeP[edge.mentee])  // reverse arc j → i
      } else {
        arc(-weight, menteeP[edge.mentee], mentorP[edge.mentor])
      }
    }
    let degrees = problem.degrees()
    for mentee in 0..<problem.menteeCount {
      let supply = min(problem.menteeCapacities[mentee], degrees.mentee[mentee])
      guard menteeLoad[mentee] <= supply else {
        report.infeasiblePairs += menteeLoad[mentee] - supply
        continue
      }
      // Unused units leave by the skip arcs, cheapest first; the last costs the people bonus.
      let skipped = supply - menteeLoad[mentee]
      for unit in stride(from: 1, through: supply, by: 1) {
        let cost = unit == supply ? encoding.peopleBonus : 0
        if unit <= skipped { arc(-cost, sinkP, menteeP[mentee]) } else { arc(cost, menteeP[mentee], sinkP) }
      }
    }
    for mentor in 0..<problem.mentorCount {
      let slots = min(problem.mentorCapacities[mentor], degrees.mentor[mentor])
      guard mentorLoad[mentor] <= slots else {
        report.infeasiblePairs += mentorLoad[mentor] - slots
        continue
      }
      for slot in stride(from: 1, through: slots, by: 1) {
        let cost = -encoding.slotBonus(slot)
        if slot <= mentorLoad[mentor] { arc(-cost, sinkP, mentorP[mentor]) } else { arc(cost, mentorP[mentor], sinkP) }
      }
    }
    return report
  }
}
