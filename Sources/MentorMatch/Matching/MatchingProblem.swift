/// A bipartite matching problem on indices: mentees `0..<menteeCount`,
/// mentors `0..<mentorCount`, a capacity for each, and the candidate pairs
/// (edges) with a mentee-side and a mentor-side integer score.
///
/// The caller maps stable ids to indices after sorting the ids, so that index
/// order is stable-id order; every tie in the solvers is broken by index.
///
/// Edges are kept sorted by (mentee, mentor), whatever order they came in, so
/// that the solvers see the same input for the same set of edges.
public struct MatchingProblem: Sendable, Equatable {
  /// One candidate pair.
  ///
  /// Stored in 32-bit fields (16 bytes instead of 32: a 500,000-person
  /// cohort has ~17 M candidate pairs). Values beyond 32 bits are clamped
  /// (``Int32Backed``), which the problem's checks then refuse as out of range.
  public struct Edge: Sendable, Equatable, Hashable {
    @Int32Backed public var mentee: Int
    @Int32Backed public var mentor: Int
    /// How much the mentee wants this mentor (higher is better).
    @Int32Backed public var menteeScore: Int
    /// How much the mentor wants this mentee (higher is better).
    @Int32Backed public var mentorScore: Int

    public init(mentee: Int, mentor: Int, menteeScore: Int, mentorScore: Int) {
      self.mentee = mentee
      self.mentor = mentor
      self.menteeScore = menteeScore
      self.mentorScore = mentorScore
    }

    /// The pair's weight for the `score` objective.
    public var weight: Int { menteeScore + mentorScore }
  }

  /// Scores must lie within ±this, so that sums over millions of pairs and
  /// the lexicographic weights stay far from 64-bit overflow.
  public static let scoreLimit = 1_000_000_000
  /// `-scoreLimit...scoreLimit`: a range test, because `abs` traps on `Int.min`.
  static let scoreRange = -scoreLimit...scoreLimit

  /// How many pairs each mentee may take.
  public let menteeCapacities: [Int]
  /// How many pairs each mentor may take.
  public let mentorCapacities: [Int]
  /// The candidate pairs, sorted by (mentee, mentor).
  public let edges: [Edge]
  /// `edges[menteeStart[i]..<menteeStart[i + 1]]` are mentee `i`'s edges.
  public let menteeStart: [Int]
  /// How many edges each mentor has (see ``degrees()``).
  let mentorDegrees: [Int]

  public var menteeCount: Int { menteeCapacities.count }
  public var mentorCount: Int { mentorCapacities.count }

  /// Builds and validates a problem.
  ///
  /// - Throws: ``MatchingError`` for a negative capacity, an index out of
  ///   range, a duplicate pair or a score beyond ``scoreLimit``.
  public init(menteeCapacities: [Int], mentorCapacities: [Int], edges: [Edge]) throws(MatchingError) {
    for (index, capacity) in menteeCapacities.enumerated() where capacity < 0 {
      throw .negativeCapacity(side: .mentee, index: index, capacity: capacity)
    }
    for (index, capacity) in mentorCapacities.enumerated() where capacity < 0 {
      throw .negativeCapacity(side: .mentor, index: index, capacity: capacity)
    }
    for (number, edge) in edges.enumerated() {
      guard (0..<menteeCapacities.count).contains(edge.mentee) else {
        throw .indexOutOfRange(edge: number, side: .mentee, index: edge.mentee, count: menteeCapacities.count)
      }
      guard (0..<mentorCapacities.count).contains(edge.mentor) else {
        throw .indexOutOfRange(edge: number, side: .mentor, index: edge.mentor, count: mentorCapacities.count)
      }
      if !Self.scoreRange.contains(edge.menteeScore) {
        throw .scoreOutOfRange(edge: number, score: edge.menteeScore)
      }
      if !Self.scoreRange.contains(edge.mentorScore) {
        throw .scoreOutOfRange(edge: number, score: edge.mentorScore)
      }
    }
    let sorted = Self.sortedByMentee(edges, menteeCount: menteeCapacities.count)
    for index in sorted.edges.indices.dropFirst() {
      let previous = sorted.edges[index - 1]
      let edge = sorted.edges[index]
      if previous.mentee == edge.mentee, previous.mentor == edge.mentor {
        throw .duplicateEdge(mentee: edge.mentee, mentor: edge.mentor)
      }
    }
    self.menteeCapacities = menteeCapacities
    self.mentorCapacities = mentorCapacities
    self.edges = sorted.edges
    self.menteeStart = sorted.start
    self.mentorDegrees = Self.countByMentor(sorted.edges, mentorCount: mentorCapacities.count)
  }

  private static func countByMentor(_ edges: [Edge], mentorCount: Int) -> [Int] {
    var count = [Int](repeating: 0, count: mentorCount)
    for edge in edges { count[edge.mentor] += 1 }
    return count
  }

  /// Two stable counting sorts, by mentor and then by mentee (a radix
  /// sort): linear in the edges, with no comparisons (edge positions fit
  /// in 32 bits: `Edge` indices are 32-bit too). Skipped when the
  /// edges are already in order. Duplicates keep their input order.
  private static func sortedByMentee(_ edges: [Edge], menteeCount: Int) -> (edges: [Edge], start: [Int]) {
    var start = [Int](repeating: 0, count: menteeCount + 1)
    for edge in edges { start[edge.mentee + 1] += 1 }
    for index in 0..<menteeCount { start[index + 1] += start[index] }
    let inOrder = edges.indices.dropFirst().allSatisfy {
      (edges[$0 - 1].mentee, edges[$0 - 1].mentor) <= (edges[$0].mentee, edges[$0].mentor)
    }
    if inOrder { return (edges, start) }
    // The two passes move 32-bit positions, and the edges move once.
    var mentorCount = 0
    for edge in edges { mentorCount = max(mentorCount, edge.mentor + 1) }
    var byMentor = [Int](repeating: 0, count: mentorCount + 1)
    for edge in edges { byMentor[edge.mentor + 1] += 1 }
    for index in 0..<mentorCount { byMentor[index + 1] += byMentor[index] }
    var staged = [Int32](repeating: 0, count: edges.count)
    for (position, edge) in edges.enumerated() {
      staged[byMentor[edge.mentor]] = Int32(truncatingIfNeeded: position)
      byMentor[edge.mentor] += 1
    }
    var next = start
    var order = [Int32](repeating: 0, count: edges.count)
    for position in staged {
      let mentee = edges[Int(position)].mentee
      order[next[mentee]] = position
      next[mentee] += 1
    }
    let result = order.map { edges[Int($0)] }
    return (result, start)
  }

  /// The index of the edge joining `mentee` and `mentor`, if there is one
  /// (binary search in the mentee's edges).
  public func edgeIndex(mentee: Int, mentor: Int) -> Int? {
    guard (0..<menteeCount).contains(mentee) else { return nil }
    var low = menteeStart[mentee]
    var high = menteeStart[mentee + 1]
    while low < high {
      let middle = (low + high) / 2
      if edges[middle].mentor < mentor { low = middle + 1 } else { high = middle }
    }
    return low < menteeStart[mentee + 1] && edges[low].mentor == mentor ? low : nil
  }

  /// The same problem with the roles swapped: mentors become mentees, with
  /// their capacities, and each edge's scores swap sides.
  public func transposed() -> MatchingProblem {
    let swapped = edges.map {
      Edge(mentee: $0.mentor, mentor: $0.mentee, menteeScore: $0.mentorScore, mentorScore: $0.menteeScore)
    }
    // Valid by construction: the same edges, indices and scores, swapped.
    let sorted = Self.sortedByMentee(swapped, menteeCount: mentorCount)
    return MatchingProblem(
      validated: mentorCapacities, menteeCapacities, sorted.edges, sorted.start)
  }

  private init(validated menteeCapacities: [Int], _ mentorCapacities: [Int], _ edges: [Edge], _ start: [Int]) {
    self.menteeCapacities = menteeCapacities
    self.mentorCapacities = mentorCapacities
    self.edges = edges
    self.menteeStart = start
    self.mentorDegrees = Self.countByMentor(edges, mentorCount: mentorCapacities.count)
  }
}
