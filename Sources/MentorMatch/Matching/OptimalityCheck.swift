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
  ///
  /// With the supply on the mentor side (``FlowCertificate/SupplySide``),
  /// arcs run from mentors to mentees and the skip arcs leave the mentors:
  /// the network of the transposed problem, checked in place.
  public static func check(
    _ problem: MatchingProblem,
    matching: Matching,
    objective: MatchingObjective,
    certificate: FlowCertificate
  ) -> Report {
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
    let onMentees = certificate.supplySide == .mentees

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
      // The forward arc runs from the supply side; a matched edge leaves only its reverse arc.
      let supplyP = onMentees ? menteeP[edge.mentee] : mentorP[edge.mentor]
      let demandP = onMentees ? mentorP[edge.mentor] : menteeP[edge.mentee]
      if isMatched[index] {
        arc(weight, demandP, supplyP)
      } else {
        arc(-weight, supplyP, demandP)
      }
    }
    let degrees = problem.degrees()
    let sides = [
      (capacities: problem.menteeCapacities, degrees: degrees.mentee, loads: menteeLoad, potentials: menteeP),
      (capacities: problem.mentorCapacities, degrees: degrees.mentor, loads: mentorLoad, potentials: mentorP),
    ]
    for (number, side) in sides.enumerated() {
      let isSupply = (number == 0) == onMentees
      for person in side.capacities.indices {
        let places = min(side.capacities[person], side.degrees[person])
        let load = side.loads[person]
        guard load <= places else {
          report.infeasiblePairs += load - places
          continue
        }
        let p = side.potentials[person]
        if isSupply {
          // Unused units leave by the skip arcs, cheapest first; the last costs the people bonus.
          let skipped = places - load
          for unit in stride(from: 1, through: places, by: 1) {
            let cost = unit == places ? encoding.peopleBonus : 0
            if unit <= skipped { arc(-cost, sinkP, p) } else { arc(cost, p, sinkP) }
          }
        } else {
          for slot in stride(from: 1, through: places, by: 1) {
            let cost = -encoding.slotBonus(slot)
            if slot <= load { arc(-cost, sinkP, p) } else { arc(cost, p, sinkP) }
          }
        }
      }
    }
    return report
  }
}
