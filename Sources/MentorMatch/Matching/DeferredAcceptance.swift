import HeapModule

/// Mentee-proposing deferred acceptance (Gale & Shapley, "College Admissions
/// and the Stability of Marriage", 1962,
/// <https://doi.org/10.2307/2312726>), generalised to capacities on both
/// sides: a mentee with capacity q proposes down its list until it holds q
/// acceptances or runs out; a mentor holds its best c proposals in a heap
/// and rejects the worst when a better one arrives.
///
/// The result is the mentee-optimal pairwise-stable matching (Roth, 1984,
/// "Stability and polarization of interests in job matching",
/// <https://doi.org/10.2307/1913084>): no mentee does better in any other
/// stable matching.
///
/// Preferences, with ties broken by index (the caller numbers people in
/// stable-id order, so ties go by stable id):
/// - a mentee prefers a higher `menteeScore`, then the lower mentor index;
/// - a mentor prefers a higher `mentorScore`, then the lower mentee index.
///
/// Each edge is proposed at most once, so the time is O(E log c) after an
/// O(E log d) sort of each mentee's list.
public enum DeferredAcceptance {
  /// A proposal held by a mentor; `<` means "the mentor likes it less".
  private struct Proposal: Comparable {
    var score: Int
    var mentee: Int32
    var edge: Int32

    static func < (lhs: Proposal, rhs: Proposal) -> Bool {
      lhs.score != rhs.score ? lhs.score < rhs.score : lhs.mentee > rhs.mentee
    }
  }

  /// Solves `problem` and returns the mentee-optimal stable matching.
  public static func solve(_ problem: MatchingProblem) -> Matching {
    let edges = problem.edges
    let start = problem.menteeStart
    // Each mentee's edges in its order of preference.
    var order = [Int32](repeating: 0, count: edges.count)
    for index in edges.indices { order[index] = Int32(index) }
    for mentee in 0..<problem.menteeCount where start[mentee + 1] - start[mentee] > 1 {
      order[start[mentee]..<start[mentee + 1]].sort { a, b in
        let x = edges[Int(a)]
        let y = edges[Int(b)]
        return x.menteeScore != y.menteeScore ? x.menteeScore > y.menteeScore : x.mentor < y.mentor
      }
    }

    var next = Array(start.dropLast())  // next position in each mentee's list
    var held = [Int](repeating: 0, count: problem.menteeCount)
    var mentorHeaps = [Heap<Proposal>](repeating: Heap(), count: problem.mentorCount)
    // Mentees with room and proposals left; the outcome does not depend on
    // the order they are served in, but a stack keeps the run reproducible.
    var waiting = Array((0..<problem.menteeCount).reversed())

    while let mentee = waiting.popLast() {
      let capacity = problem.menteeCapacities[mentee]
      let end = start[mentee + 1]
      while held[mentee] < capacity, next[mentee] < end {
        let edgeIndex = Int(order[next[mentee]])
        next[mentee] += 1
        let edge = edges[edgeIndex]
        let proposal = Proposal(score: edge.mentorScore, mentee: Int32(mentee), edge: Int32(edgeIndex))
        let mentorCapacity = problem.mentorCapacities[edge.mentor]
        guard mentorCapacity > 0 else { continue }
        if mentorHeaps[edge.mentor].count < mentorCapacity {
          mentorHeaps[edge.mentor].insert(proposal)
          held[mentee] += 1
        } else if let worst = mentorHeaps[edge.mentor].min, worst < proposal {
          _ = mentorHeaps[edge.mentor].replaceMin(with: proposal)
          held[mentee] += 1
          let rejected = Int(worst.mentee)
          held[rejected] -= 1
          if rejected != mentee { waiting.append(rejected) }
        }
      }
    }

    var chosen: [Int] = []
    chosen.reserveCapacity(held.reduce(0, +))
    for heap in mentorHeaps {
      for proposal in heap.unordered { chosen.append(Int(proposal.edge)) }
    }
    return Matching(edgeIndices: chosen)
  }
}
