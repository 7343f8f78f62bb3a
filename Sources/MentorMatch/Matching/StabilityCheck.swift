/// Counts what makes a matching unstable, independently of
/// ``DeferredAcceptance``: pairs that are not candidate edges or repeat,
/// people over capacity, and blocking pairs.
///
/// A blocking pair is an unmatched edge (i, j) where mentee i has a free
/// place or prefers j to its worst partner, and mentor j has a free place
/// or prefers i to its worst partner (pairwise stability, Roth 1984).
/// Preferences are the ones ``DeferredAcceptance`` documents: higher side
/// score first, then lower index.
public enum StabilityCheck {
  /// What the check found.
  public struct Report: Sendable, Equatable, CustomStringConvertible {
    public var blockingPairs: Int
    public var capacityViolations: Int
    /// Pairs that are not edges of the problem, or appear twice.
    public var invalidPairs: Int

    /// Whether the matching is feasible and pairwise stable.
    public var isStable: Bool { blockingPairs == 0 && capacityViolations == 0 && invalidPairs == 0 }

    public var description: String {
      "\(blockingPairs) blocking pairs, \(capacityViolations) capacity violations, \(invalidPairs) invalid pairs"
    }
  }

  /// Checks `matching` on `problem`.
  public static func check(_ problem: MatchingProblem, matching: Matching) -> Report {
    var report = Report(blockingPairs: 0, capacityViolations: 0, invalidPairs: 0)
    let edges = problem.edges
    var isMatched = [Bool](repeating: false, count: edges.count)
    var menteeLoad = [Int](repeating: 0, count: problem.menteeCount)
    var mentorLoad = [Int](repeating: 0, count: problem.mentorCount)
    // The worst partner so far of each person, as an edge index (-1: none).
    var menteeWorst = [Int](repeating: -1, count: problem.menteeCount)
    var mentorWorst = [Int](repeating: -1, count: problem.mentorCount)

    func menteePrefers(_ a: Int, over b: Int) -> Bool {
      let x = edges[a], y = edges[b]
      return x.menteeScore != y.menteeScore ? x.menteeScore > y.menteeScore : x.mentor < y.mentor
    }
    func mentorPrefers(_ a: Int, over b: Int) -> Bool {
      let x = edges[a], y = edges[b]
      return x.mentorScore != y.mentorScore ? x.mentorScore > y.mentorScore : x.mentee < y.mentee
    }

    for index in matching.edgeIndices {
      guard edges.indices.contains(index), !isMatched[index] else {
        report.invalidPairs += 1
        continue
      }
      isMatched[index] = true
      let edge = edges[index]
      menteeLoad[edge.mentee] += 1
      mentorLoad[edge.mentor] += 1
      if menteeWorst[edge.mentee] < 0 || menteePrefers(menteeWorst[edge.mentee], over: index) {
        menteeWorst[edge.mentee] = index
      }
      if mentorWorst[edge.mentor] < 0 || mentorPrefers(mentorWorst[edge.mentor], over: index) {
        mentorWorst[edge.mentor] = index
      }
    }
    for (mentee, load) in menteeLoad.enumerated() where load > problem.menteeCapacities[mentee] {
      report.capacityViolations += 1
    }
    for (mentor, load) in mentorLoad.enumerated() where load > problem.mentorCapacities[mentor] {
      report.capacityViolations += 1
    }
    for (index, edge) in edges.enumerated() where !isMatched[index] {
      let menteeWants = menteeLoad[edge.mentee] < problem.menteeCapacities[edge.mentee]
        || (menteeWorst[edge.mentee] >= 0 && menteePrefers(index, over: menteeWorst[edge.mentee]))
      let mentorWants = mentorLoad[edge.mentor] < problem.mentorCapacities[edge.mentor]
        || (mentorWorst[edge.mentor] >= 0 && mentorPrefers(index, over: mentorWorst[edge.mentor]))
      if menteeWants && mentorWants { report.blockingPairs += 1 }
    }
    return report
  }
}
