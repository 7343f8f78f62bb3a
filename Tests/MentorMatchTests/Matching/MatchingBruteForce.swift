import MentorMatch
import MentorMatchTestSupport

/// Exhaustive answers for tiny problems, to test the solvers against.
enum MatchingBruteForce {
  /// Every subset of edges that respects all capacities, as sorted edge indices.
  static func feasibleMatchings(_ problem: MatchingProblem) -> [[Int]] {
    let count = problem.edges.count
    precondition(count <= 16, "brute force is for tiny problems")
    var result: [[Int]] = []
    for mask in 0..<(1 << count) {
      var menteeLoad = [Int](repeating: 0, count: problem.menteeCount)
      var mentorLoad = [Int](repeating: 0, count: problem.mentorCount)
      var chosen: [Int] = []
      var feasible = true
      for index in 0..<count where mask & (1 << index) != 0 {
        let edge = problem.edges[index]
        menteeLoad[edge.mentee] += 1
        mentorLoad[edge.mentor] += 1
        if menteeLoad[edge.mentee] > problem.menteeCapacities[edge.mentee]
          || mentorLoad[edge.mentor] > problem.mentorCapacities[edge.mentor]
        {
          feasible = false
          break
        }
        chosen.append(index)
      }
      if feasible { result.append(chosen) }
    }
    return result
  }

  /// The lexicographically best value vector over all feasible matchings.
  static func bestValues(_ problem: MatchingProblem, objective: MatchingObjective, among all: [[Int]]) -> [Int] {
    var best: [Int]?
    for chosen in all {
      let values = Matching(edgeIndices: chosen).values(in: problem)
      let vector = objective.terms.map { values[$0] }
      if best == nil || vector.lexicographicallyPrecedes(best!) == false && vector != best! {
        best = vector
      }
    }
    return best ?? objective.terms.map { _ in 0 }
  }

  /// A tiny random problem with many ties: 1–4 people a side, capacities
  /// 0–3, scores in -3...5, at most 12 edges.
  static func randomProblem(_ rng: inout SeededGenerator, maxEdges: Int = 12) -> MatchingProblem {
    while true {
      let mentees = Int.random(in: 1...4, using: &rng)
      let mentors = Int.random(in: 1...4, using: &rng)
      let capacity = { (rng: inout SeededGenerator) in [0, 1, 1, 1, 2, 2, 3].randomElement(using: &rng)! }
      let menteeCaps = (0..<mentees).map { _ in capacity(&rng) }
      let mentorCaps = (0..<mentors).map { _ in capacity(&rng) }
      var edges: [MatchingProblem.Edge] = []
      for mentee in 0..<mentees {
        for mentor in 0..<mentors where Double.random(in: 0..<1, using: &rng) < 0.6 {
          edges.append(.init(
            mentee: mentee, mentor: mentor,
            menteeScore: Int.random(in: -3...5, using: &rng), mentorScore: Int.random(in: -3...5, using: &rng)))
        }
      }
      guard edges.count <= maxEdges else { continue }
      edges.shuffle(using: &rng)
      return try! MatchingProblem(menteeCapacities: menteeCaps, mentorCapacities: mentorCaps, edges: edges)
    }
  }

  /// Every objective: each non-empty ordered selection of the three terms.
  static let allObjectives: [MatchingObjective] = {
    let terms = MatchingObjective.Term.allCases
    var result: [[MatchingObjective.Term]] = terms.map { [$0] }
    for a in terms { for b in terms where b != a { result.append([a, b]) } }
    for a in terms { for b in terms where b != a { for c in terms where c != a && c != b { result.append([a, b, c]) } } }
    return result.map { try! MatchingObjective(terms: $0) }
  }()
}
