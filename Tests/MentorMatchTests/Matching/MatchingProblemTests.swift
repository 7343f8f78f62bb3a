import MentorMatch
import MentorMatchTestSupport
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

  /// The radix sort (and its in-order shortcut) against a plain sort by
  /// (mentee, mentor): edges in any order, grouped by mentee or not, give
  /// the same edges, mentee ranges and degrees; a duplicate anywhere is
  /// still refused.
  @Test(arguments: 0..<20)
  func sortsLikeAPlainSort(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 31_337)
    let mentees = Int.random(in: 1...40, using: &rng)
    let mentors = Int.random(in: 1...40, using: &rng)
    var edges: [MatchingProblem.Edge] = []
    for mentee in 0..<mentees {
      for mentor in 0..<mentors where Int.random(in: 0..<3, using: &rng) == 0 {
        edges.append(edge(mentee, mentor, Int.random(in: -5...5, using: &rng)))
      }
    }
    let expected = edges.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
    var grouped = edges  // grouped by mentee, best first within: as the nightly run hands them over
    grouped.sort { ($0.mentee, -$0.weight, $0.mentor) < ($1.mentee, -$1.weight, $1.mentor) }
    var shuffled = edges
    shuffled.shuffle(using: &rng)
    let caps = { (count: Int) in [Int](repeating: 2, count: count) }
    for input in [expected, grouped, shuffled] {
      let problem = try MatchingProblem(menteeCapacities: caps(mentees), mentorCapacities: caps(mentors), edges: input)
      #expect(problem.edges == expected, "seed \(seed)")
      #expect(problem.menteeStart == (0...mentees).map { m in expected.filter { $0.mentee < m }.count })
      #expect(problem.degrees().mentor == (0..<mentors).map { m in expected.filter { $0.mentor == m }.count })
    }
    if let repeated = shuffled.last {
      #expect(throws: MatchingError.duplicateEdge(mentee: repeated.mentee, mentor: repeated.mentor)) {
        try MatchingProblem(
          menteeCapacities: caps(mentees), mentorCapacities: caps(mentors), edges: [repeated] + shuffled)
      }
    }
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

  /// `--objective ""` (and `objective = []`) named an "unknown term ''".
  @Test func anEmptyObjectiveSaysSo() {
    for text in ["", " "] {
      do {
        _ = try MatchingObjective(parsing: text)
        Issue.record("expected an error")
      } catch {
        #expect(error.description == "objective: is empty; give one or more of people, pairs, score")
      }
    }
  }

  @Test(arguments: [
    ("[matching]\nalgorithm = \"greedy\"\n", "mentormatch.toml:2: matching.algorithm: unknown value 'greedy' (known: stable, optimal)"),
    ("[matching]\nobjective = [\"people\", \"luck\"]\n", "mentormatch.toml:2: matching.objective: unknown term 'luck' (known: people, pairs, score)"),
    ("[matching]\nobjective = []\n", "mentormatch.toml:2: matching.objective: is empty; give one or more of people, pairs, score, most important first"),
    ("[matching]\nobjective = [\"people,pairs\"]\n", "mentormatch.toml:2: matching.objective: 'people,pairs' holds a comma; give each term as its own string: [\"people\", \"pairs\"]"),
    ("[matching]\nalgoritm = \"stable\"\n", "mentormatch.toml:2: matching.algoritm: unknown key"),
    ("[matching]\nmethod = \"hungarian\"\n", "mentormatch.toml:2: matching.method: unknown value 'hungarian' (known: ssp, phases)"),
  ])
  func rejectsBadSettings(text: String, message: String) throws {
    let section = try section(text)
    #expect(throws: ConfigError.self) { try MatchingSettings(from: section) }
    do { _ = try MatchingSettings(from: section) } catch { #expect(error.description == message) }
  }

}
