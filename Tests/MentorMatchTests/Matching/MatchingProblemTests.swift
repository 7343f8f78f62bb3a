import MentorMatch
import Testing

@Suite struct MatchingProblemTests {
  private func edge(_ mentee: Int, _ mentor: Int, _ score: Int = 1) -> MatchingProblem.Edge {
    .init(mentee: mentee, mentor: mentor, menteeScore: score, mentorScore: score)
  }

  @Test func rejectsBadInput() {
    #expect(throws: MatchingError.negativeCapacity(side: .mentor, index: 0, capacity: -1)) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [-1], edges: [])
    }
    #expect(throws: MatchingError.indexOutOfRange(edge: 0, side: .mentor, index: 2, count: 1)) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [edge(0, 2)])
    }
    #expect(throws: MatchingError.duplicateEdge(mentee: 0, mentor: 0)) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [edge(0, 0), edge(0, 0, 2)])
    }
    #expect(throws: MatchingError.scoreOutOfRange(edge: 0, score: 2_000_000_000)) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [edge(0, 0, 2_000_000_000)])
    }
  }

  /// Edges keep 32-bit fields: values beyond that are refused, not wrapped or trapped on.
  @Test func valuesBeyond32BitsAreRefused() {
    #expect(throws: MatchingError.scoreOutOfRange(edge: 0, score: Int(Int32.max))) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [edge(0, 0, Int.max)])
    }
    #expect(throws: MatchingError.scoreOutOfRange(edge: 0, score: Int(Int32.min))) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [edge(0, 0, -5_000_000_000)])
    }
    #expect(throws: MatchingError.indexOutOfRange(edge: 0, side: .mentee, index: Int(Int32.max), count: 1)) {
      try MatchingProblem(menteeCapacities: [1], mentorCapacities: [1], edges: [edge(1 << 40, 0)])
    }
    var edited = edge(0, 0)
    edited.mentorScore = -1_000_000_000
    edited.mentee = 3
    #expect(edited.mentorScore == -1_000_000_000 && edited.mentee == 3 && edited.weight == -999_999_999)
  }

  @Test func sortsEdgesAndFindsThem() throws {
    let problem = try MatchingProblem(
      menteeCapacities: [1, 1], mentorCapacities: [1, 1, 1], edges: [edge(1, 0), edge(0, 2), edge(0, 1)])
    #expect(problem.edges.map { [$0.mentee, $0.mentor] } == [[0, 1], [0, 2], [1, 0]])
    #expect(problem.edgeIndex(mentee: 0, mentor: 2) == 1)
    #expect(problem.edgeIndex(mentee: 1, mentor: 2) == nil)
  }

  @Test(arguments: [
    ("people,pairs,score", [MatchingObjective.Term.people, .pairs, .score]),
    ("score", [.score]),
    (" pairs , score", [.pairs, .score]),
  ])
  func parsesObjectives(text: String, terms: [MatchingObjective.Term]) throws {
    #expect(try MatchingObjective(parsing: text).terms == terms)
  }

  @Test(arguments: ["", "people,people", "fairness"])
  func rejectsBadObjectives(text: String) {
    #expect(throws: MatchingError.self) { try MatchingObjective(parsing: text) }
  }
}

@Suite struct MatchingSettingsTests {
  private func section(_ text: String) throws -> ConfigSection {
    let root = try ConfigSection.parse(text, file: "mentormatch.toml", baseDirectory: "/")
    return try #require(try root.section("matching"))
  }

  @Test func readsAlgorithmAndObjective() throws {
    let settings = try MatchingSettings(from: section("[matching]\nalgorithm = \"stable\"\nobjective = [\"pairs\", \"score\"]\n"))
    #expect(settings == MatchingSettings(algorithm: .stable, objective: try .init(parsing: "pairs,score")))
    #expect(try MatchingSettings(from: section("[matching]\n")) == MatchingSettings())
    #expect(MatchingSettings().method == .phases)
    #expect(try MatchingSettings(from: section("[matching]\nmethod = \"ssp\"\n")).method == .successiveShortestPaths)
  }

  @Test(arguments: [
    ("[matching]\nalgorithm = \"greedy\"\n", "mentormatch.toml: matching.algorithm: unknown value 'greedy' (known: stable, optimal)"),
    ("[matching]\nobjective = [\"people\", \"luck\"]\n", "mentormatch.toml: matching.objective: unknown term 'luck' (known: people, pairs, score)"),
    ("[matching]\nalgoritm = \"stable\"\n", "mentormatch.toml: matching.algoritm: unknown key"),
    ("[matching]\nmethod = \"hungarian\"\n", "mentormatch.toml: matching.method: unknown value 'hungarian' (known: ssp, phases)"),
  ])
  func rejectsBadSettings(text: String, message: String) throws {
    let section = try section(text)
    #expect(throws: ConfigError.self) { try MatchingSettings(from: section) }
    do { _ = try MatchingSettings(from: section) } catch { #expect(error.description == message) }
  }
}
