/// Maximum-weight b-matching with a lexicographic objective, solved as a
/// min-cost flow (Ahuja, Magnanti & Orlin, *Network Flows: Theory,
/// Algorithms, and Applications*, 1993) and returned with a certificate of
/// optimality that ``OptimalityCheck`` verifies without trusting the solver.
///
/// See ``MinCostFlow`` for the network and ``ObjectiveEncoding`` for how the
/// terms become one integer weight. Ties between equally good matchings are
/// settled by index order (supply nodes are routed in index order, edges
/// scanned by index), so the same problem always gives the same matching.
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

  /// How the min-cost flow is routed. Both are exact and give the same
  /// objective values; among equally good matchings they may pick different
  /// ones, each deterministically.
  public enum Method: String, Sendable, CaseIterable {
    /// One Dijkstra per supply unit, mentees in index order (``MinCostFlow/solve()``).
    case successiveShortestPaths = "ssp"
    /// One Dijkstra from all mentees with units left, then many disjoint
    /// tight paths per phase (``MinCostFlow/solveInPhases()``).
    case phases
  }

  /// Solves `problem` for `objective`. `progress`, on the caller's thread,
  /// is told how many more units of supply are routed, of how many.
  ///
  /// - Throws: ``MatchingError/objectiveOverflow(_:)`` when the scaled
  ///   weights would not fit in 64-bit integers.
  public static func solve(
    _ problem: MatchingProblem,
    objective: MatchingObjective = .standard,
    method: Method = .successiveShortestPaths,
    progress: ((_ routed: Int, _ total: Int) -> Void)? = nil
  ) throws(MatchingError) -> Result {
    let encoding = try ObjectiveEncoding(objective, for: problem)
    // The objective is symmetric, so the supply can sit on either side. The
    // side with fewer places makes each search shorter: its units look for
    // free places on the other side, which are plentiful.
    let side = supplySide(for: problem)
    var flow = MinCostFlow(problem: problem, encoding: encoding, supplySide: side)
    switch method {
    case .successiveShortestPaths: flow.solve(progress: progress)
    case .phases: flow.solveInPhases(progress: progress)
    }
    let matching = Matching(edgeIndices: flow.matchedEdges(of: problem))
    let potentials = flow.potential
    let supply = Array(potentials[0..<flow.menteeCount])
    let demand = Array(potentials[flow.menteeCount..<flow.sink])
    let certificate = FlowCertificate(
      supplySide: side,
      menteePotentials: side == .mentees ? supply : demand,
      mentorPotentials: side == .mentees ? demand : supply,
      sinkPotential: potentials[flow.sink]
    )
    return Result(matching: matching, values: matching.values(in: problem), certificate: certificate)
  }

  /// The side with fewer places (mentees on a tie), counting
  /// `min(capacity, candidates)` per person.
  static func supplySide(for problem: MatchingProblem) -> FlowCertificate.SupplySide {
    let degrees = problem.degrees()
    let mentees = zip(problem.menteeCapacities, degrees.mentee).reduce(0) { $0 + min($1.0, $1.1) }
    let mentors = zip(problem.mentorCapacities, degrees.mentor).reduce(0) { $0 + min($1.0, $1.1) }
    return mentors < mentees ? .mentors : .mentees
  }
}

/// Node potentials `p` for the network ``MinCostFlow`` describes. A flow is
/// of minimum cost exactly when some `p` gives every residual arc `u → v` a
/// reduced cost `c(u, v) + p(u) - p(v) ≥ 0`, which is the same as the
/// residual graph having no negative-cost cycle (Ahuja, Magnanti & Orlin,
/// Theorem 9.3).
///
/// The network is the one ``MinCostFlow`` builds with the supply on
/// `supplySide`: on the mentor side, mentees and mentors swap roles.
public struct FlowCertificate: Sendable, Equatable {
  /// Which side's places are the flow's supply.
  public enum SupplySide: String, Sendable {
    case mentees, mentors
  }

  public var supplySide: SupplySide
  public var menteePotentials: [Int]
  public var mentorPotentials: [Int]
  public var sinkPotential: Int

  public init(
    supplySide: SupplySide = .mentees, menteePotentials: [Int], mentorPotentials: [Int], sinkPotential: Int
  ) {
    self.supplySide = supplySide
    self.menteePotentials = menteePotentials
    self.mentorPotentials = mentorPotentials
    self.sinkPotential = sinkPotential
  }
}
