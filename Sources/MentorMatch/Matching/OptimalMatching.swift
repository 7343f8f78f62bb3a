/// Maximum-weight b-matching with a lexicographic objective, solved as a
/// min-cost flow (Ahuja, Magnanti & Orlin, *Network Flows: Theory,
/// Algorithms, and Applications*, 1993) and returned with a certificate of
/// optimality that ``OptimalityCheck`` verifies without trusting the solver.
///
/// See ``MinCostFlow`` for the network and ``ObjectiveEncoding`` for how the
/// terms become one integer weight. Ties between equally good matchings are
/// settled by index order (mentees are routed in index order, edges scanned
/// by mentor index), so the same problem always gives the same matching.
public enum OptimalMatching {
  /// The solver's answer.
  public struct Result: Sendable, Equatable {
    /// The chosen pairs.
    public let matching: Matching
    /// The matching's value on each term.
    public let values: ObjectiveValues
    /// Node potentials proving that no better matching exists.
    public let certificate: FlowCertificate
  }

  /// Solves `problem` for `objective`.
  ///
  /// - Throws: ``MatchingError/objectiveOverflow(_:)`` when the scaled
  ///   weights would not fit in 64-bit integers.
  public static func solve(
    _ problem: MatchingProblem,
    objective: MatchingObjective = .standard
  ) throws(MatchingError) -> Result {
    let encoding = try ObjectiveEncoding(objective, for: problem)
    var flow = MinCostFlow(problem: problem, encoding: encoding)
    flow.solve()
    var chosen: [Int] = []
    for edge in flow.matched.indices where flow.matched[edge] { chosen.append(edge) }
    let matching = Matching(edgeIndices: chosen)
    let m = problem.menteeCount
    let certificate = FlowCertificate(
      menteePotentials: Array(flow.potential[0..<m]),
      mentorPotentials: Array(flow.potential[m..<flow.sink]),
      sinkPotential: flow.potential[flow.sink]
    )
    return Result(matching: matching, values: matching.values(in: problem), certificate: certificate)
  }
}

/// Node potentials `p` for the network ``MinCostFlow`` describes. A flow is
/// of minimum cost exactly when some `p` gives every residual arc `u → v` a
/// reduced cost `c(u, v) + p(u) - p(v) ≥ 0`, which is the same as the
/// residual graph having no negative-cost cycle (Ahuja, Magnanti & Orlin,
/// Theorem 9.3).
public struct FlowCertificate: Sendable, Equatable {
  public var menteePotentials: [Int]
  public var mentorPotentials: [Int]
  public var sinkPotential: Int

  public init(menteePotentials: [Int], mentorPotentials: [Int], sinkPotential: Int) {
    self.menteePotentials = menteePotentials
    self.mentorPotentials = mentorPotentials
    self.sinkPotential = sinkPotential
  }
}
