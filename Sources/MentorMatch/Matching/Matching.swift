/// A set of pairs chosen from a ``MatchingProblem``: the output of both solvers.
public struct Matching: Sendable, Equatable {
  /// Indices into ``MatchingProblem/edges``, ascending, so the pairs come out
  /// sorted by (mentee, mentor).
  public let edgeIndices: [Int]

  /// Builds a matching from edge indices in any order (duplicates are kept,
  /// so that a checker can see them).
  public init(edgeIndices: [Int]) {
    self.edgeIndices = edgeIndices.sorted()
  }

  /// The matched (mentee, mentor) index pairs, sorted.
  public func pairs(in problem: MatchingProblem) -> [(mentee: Int, mentor: Int)] {
    edgeIndices.map { (problem.edges[$0].mentee, problem.edges[$0].mentor) }
  }

  /// The matching's value on each objective term, counted from the pairs.
  public func values(in problem: MatchingProblem) -> ObjectiveValues {
    var menteeMatched = [Bool](repeating: false, count: problem.menteeCount)
    var mentorMatched = [Bool](repeating: false, count: problem.mentorCount)
    var score = 0
    for index in edgeIndices {
      let edge = problem.edges[index]
      menteeMatched[edge.mentee] = true
      mentorMatched[edge.mentor] = true
      score += edge.weight
    }
    let people = menteeMatched.lazy.filter { $0 }.count + mentorMatched.lazy.filter { $0 }.count
    return ObjectiveValues(people: people, pairs: edgeIndices.count, score: score)
  }
}

/// The value of a matching on each objective term.
public struct ObjectiveValues: Sendable, Equatable, CustomStringConvertible {
  /// Mentees plus mentors matched at least once.
  public var people: Int
  /// Pairs chosen.
  public var pairs: Int
  /// Sum of `menteeScore + mentorScore` over the pairs.
  public var score: Int

  public init(people: Int, pairs: Int, score: Int) {
    self.people = people
    self.pairs = pairs
    self.score = score
  }

  /// The value of one term.
  public subscript(term: MatchingObjective.Term) -> Int {
    switch term {
    case .people: people
    case .pairs: pairs
    case .score: score
    }
  }

  public var description: String { "people \(people), pairs \(pairs), score \(score)" }
}
