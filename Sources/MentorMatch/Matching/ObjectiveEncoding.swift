/// Turns a lexicographic ``MatchingObjective`` into one integer weight per
/// pair and per person's first slot, so that a single maximum-weight problem
/// optimises the terms in priority order.
///
/// Each term is scaled by one more than the largest change every later term
/// can make, so no amount of a later term outweighs one unit of an earlier
/// one. The `people` term is a bonus on each person's first slot: slots are
/// worth `peopleBonus, 0, 0, …`, a convex cost, so a flow fills a person's
/// first slot before anyone's second.
///
/// Both ``OptimalMatching`` and ``OptimalityCheck`` derive their costs from
/// this one definition of the objective.
public struct ObjectiveEncoding: Sendable, Equatable {
  /// The weight of one pair for the `pairs` term (0 when absent).
  public let pairWeight: Int
  /// The multiplier on `menteeScore + mentorScore` (0 when absent).
  public let scoreWeight: Int
  /// The bonus for a person's first pair (0 when `people` is absent).
  public let peopleBonus: Int

  /// Computes the weights for `objective` on `problem`.
  ///
  /// - Throws: ``MatchingError/objectiveOverflow(_:)`` when a multiplier or
  ///   any path cost through the network could pass `Int64.max / 8`.
  public init(_ objective: MatchingObjective, for problem: MatchingProblem) throws(MatchingError) {
    var maxAbsWeight = 0
    var sumAbsWeight = 0
    for edge in problem.edges {
      maxAbsWeight = max(maxAbsWeight, abs(edge.weight))
      sumAbsWeight += abs(edge.weight)
    }
    let degrees = problem.degrees()
    var menteeSlots = 0
    var people = 0
    for (index, degree) in degrees.mentee.enumerated() {
      menteeSlots += min(degree, problem.menteeCapacities[index])
      if degree > 0 && problem.menteeCapacities[index] > 0 { people += 1 }
    }
    var mentorSlots = 0
    for (index, degree) in degrees.mentor.enumerated() {
      mentorSlots += min(degree, problem.mentorCapacities[index])
      if degree > 0 && problem.mentorCapacities[index] > 0 { people += 1 }
    }
    let maxPairs = min(problem.edges.count, menteeSlots, mentorSlots)

    // The largest change each term can make, as a count of its units.
    func span(_ term: MatchingObjective.Term) throws(MatchingError) -> Int {
      switch term {
      case .people: return people
      case .pairs: return maxPairs
      case .score:
        let (product, overflow) = maxPairs.multipliedReportingOverflow(by: maxAbsWeight)
        let (twice, overflow2) = product.multipliedReportingOverflow(by: 2)
        return overflow || overflow2 ? sumAbsWeight : min(twice, sumAbsWeight)
      }
    }

    var multipliers: [MatchingObjective.Term: Int] = [:]
    var laterSpan = 0  // the largest change all lower-priority terms together can make
    for term in objective.terms.reversed() {
      let multiplier = laterSpan + 1
      multipliers[term] = multiplier
      // The first term's span would only size a multiplier for a term before
      // it, and the solvers never add up a matching's total weight (only
      // reduced costs, bounded below), so it need not fit.
      if term == objective.terms.first { break }
      let (termSpan, overflow) = try span(term).multipliedReportingOverflow(by: multiplier)
      let (total, overflow2) = laterSpan.addingReportingOverflow(termSpan)
      guard !overflow, !overflow2, total < Int.max / 4 else {
        throw .objectiveOverflow("term '\(term.rawValue)' needs a multiplier above \(multiplier)")
      }
      laterSpan = total
    }
    pairWeight = multipliers[.pairs] ?? 0
    scoreWeight = multipliers[.score] ?? 0
    peopleBonus = multipliers[.people] ?? 0

    // A simple path in the network crosses each node once and at most two
    // bonus arcs, so potentials stay within this bound.
    let (edgeCost, o1) = scoreWeight.multipliedReportingOverflow(by: maxAbsWeight)
    let (arc, o2) = edgeCost.addingReportingOverflow(pairWeight)
    let nodes = problem.menteeCount + problem.mentorCount + 2
    let (pathCost, o3) = arc.multipliedReportingOverflow(by: nodes)
    let (bound, o4) = pathCost.addingReportingOverflow(4 * peopleBonus)
    guard !o1, !o2, !o3, !o4, bound < Int.max / 8 else {
      throw .objectiveOverflow("a path through \(nodes) nodes could cost more than 2^60")
    }
  }

  /// The weight of an edge: what choosing it adds to the objective.
  @inline(__always)
  public func weight(of edge: MatchingProblem.Edge) -> Int {
    pairWeight + scoreWeight * edge.weight
  }

  /// The bonus for the `slot`-th pair of a person (1-based).
  @inline(__always)
  public func slotBonus(_ slot: Int) -> Int { slot == 1 ? peopleBonus : 0 }
}

extension MatchingProblem {
  /// How many candidate pairs each mentee and each mentor has (counted
  /// once, when the problem is built).
  public func degrees() -> (mentee: [Int], mentor: [Int]) {
    ((0..<menteeCount).map { menteeStart[$0 + 1] - menteeStart[$0] }, mentorDegrees)
  }
}
