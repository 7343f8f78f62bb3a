import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// A run's solver problem written as the files `mentormatch solve` reads
/// (`mentormatch run --dry-run --solver-problems`) must read back as the same
/// problem, numbered the same way, so that `solve` times the run's own solve
/// and makes its pairs.
@Suite struct EdgeListFilesTests {
  /// The index an id written by ``EdgeList/files(of:)`` stands for.
  static func index(_ id: String) -> Int { Int(id.dropFirst()) ?? -1 }

  static func readBack(_ problem: MatchingProblem) throws -> EdgeList {
    let files = EdgeList.files(of: problem)
    return try EdgeList.read(
      edges: CSVReader(bytes: files.edges, name: "edges.csv"),
      capacities: CSVReader(bytes: files.capacities, name: "caps.csv"))
  }

  @Test(arguments: 0..<12)
  func aProblemReadsBackAsItselfAndSolvesToTheSamePairs(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 5_150)
    let problem = PhasedOptimalMatchingTests.cohortProblem(&rng, mentees: [9, 60, 240, 1_100][seed % 4])
    let list = try Self.readBack(problem)
    // Ids in index order, each side numbered as the problem numbers it.
    let mentees = list.menteeIds.map(Self.index)
    let mentors = list.mentorIds.map(Self.index)
    #expect(mentees == mentees.sorted() && mentors == mentors.sorted())
    let read = list.problem.edges.map {
      MatchingProblem.Edge(
        mentee: mentees[$0.mentee], mentor: mentors[$0.mentor], menteeScore: $0.menteeScore, mentorScore: $0.mentorScore)
    }
    #expect(read == problem.edges)
    #expect(list.problem.menteeCapacities == mentees.map { problem.menteeCapacities[$0] })
    #expect(list.problem.mentorCapacities == mentors.map { problem.mentorCapacities[$0] })
    for method in OptimalMatching.Method.allCases {
      let original = try OptimalMatching.solve(problem, method: method).matching.pairs(in: problem)
      let again = try OptimalMatching.solve(list.problem, method: method).matching.pairs(in: list.problem)
      #expect(again.map { [mentees[$0.mentee], mentors[$0.mentor]] } == original.map { [$0.mentee, $0.mentor] })
    }
  }

  /// Negative scores, capacities of 0 and above 1, someone with no edge, and
  /// indices that need more digits on one side than the other.
  @Test func theFilesSpellOutEveryValue() throws {
    let problem = try MatchingProblem(
      menteeCapacities: [1, 0, 2] + Array(repeating: 1, count: 8), mentorCapacities: [3, 1],
      edges: [
        .init(mentee: 0, mentor: 1, menteeScore: -7, mentorScore: 4),
        .init(mentee: 2, mentor: 0, menteeScore: 0, mentorScore: -1_000_000_000),
        .init(mentee: 10, mentor: 1, menteeScore: 12, mentorScore: 5),
      ])
    let files = EdgeList.files(of: problem)
    #expect(String(decoding: files.edges, as: UTF8.self) == """
      mentee,mentor,mentee_score,mentor_score
      e00,r01,-7,4
      e02,r00,0,-1000000000
      e10,r01,12,5

      """)
    #expect(String(decoding: files.capacities, as: UTF8.self) == "id,capacity\ne01,0\ne02,2\nr00,3\n")
    let list = try Self.readBack(problem)
    #expect(list.menteeIds == ["e00", "e02", "e10"] && list.mentorIds == ["r00", "r01"])
    #expect(list.problem.menteeCapacities == [1, 2, 1] && list.problem.mentorCapacities == [3, 1])
  }
}
