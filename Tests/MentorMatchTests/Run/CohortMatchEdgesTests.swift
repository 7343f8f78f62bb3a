import Testing

@testable import MentorMatch

@Suite struct CohortMatchEdgesTests {
  /// Candidate lists as the candidates stage leaves them: one per mentee,
  /// best first, so mentors come in no particular order; some lists empty.
  private static func lists(mentees: Int, mentors: Int, seed: UInt64) -> [[CandidatePair]] {
    var random = SplitMix64(seed: seed)
    return (0..<mentees).map { mentee in
      let size = Int(random.next() % 60)
      var chosen: Set<Int> = []
      while chosen.count < min(size, mentors) { chosen.insert(Int(random.next() % UInt64(mentors))) }
      return chosen.sorted().map { mentor in
        let score = Int(random.next() % 100)
        return CandidatePair(mentee: mentee, mentor: mentor, menteeScore: score, mentorScore: score / 2, total: score)
      }.sorted { ($0.total, $1.mentor) > ($1.total, $0.mentor) }
    }
  }

  /// Each mentee's edges by mentor, in mentee order: the problem takes them
  /// as they are, and it is the problem built from the lists in any order.
  /// Both sizes: under the threshold built on one thread, over it in runs.
  @Test(arguments: [(300, 80, 1 as UInt64), (3_000, 900, 2)])
  func edgesComeInTheProblemsOrderAndMakeTheSameProblem(mentees: Int, mentors: Int, seed: UInt64) throws {
    let lists = Self.lists(mentees: mentees, mentors: mentors, seed: seed)
    let edges = CohortMatch.problemEdges(lists)
    #expect(edges.count == lists.reduce(0) { $0 + $1.count })
    #expect(edges.count >= (mentees >= 3_000 ? 65_536 : 0))
    let outOfOrder = edges.indices.dropFirst().first {
      (edges[$0 - 1].mentee, edges[$0 - 1].mentor) >= (edges[$0].mentee, edges[$0].mentor)
    }
    #expect(outOfOrder == nil)
    let unsorted = lists.flatMap { list in
      list.map { MatchingProblem.Edge(mentee: $0.mentee, mentor: $0.mentor, menteeScore: $0.menteeScore, mentorScore: $0.mentorScore) }
    }
    let capacities = (menteeCapacities: [Int](repeating: 1, count: mentees), mentorCapacities: [Int](repeating: 2, count: mentors))
    let expected = try MatchingProblem(
      menteeCapacities: capacities.menteeCapacities, mentorCapacities: capacities.mentorCapacities, edges: unsorted)
    let built = try MatchingProblem(
      menteeCapacities: capacities.menteeCapacities, mentorCapacities: capacities.mentorCapacities, edges: edges)
    #expect(built == expected)
    #expect(built.edges == edges)
  }
}
