/// Why a matching problem cannot be built or solved.
///
/// Messages are lowercase and begin with what is at fault, as the rest of the
/// project's errors do. They name indices, never people.
public enum MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A capacity below zero.
  case negativeCapacity(side: Side, index: Int, capacity: Int)
  /// An edge names a mentee or mentor that does not exist.
  case indexOutOfRange(edge: Int, side: Side, index: Int, count: Int)
  /// The same (mentee, mentor) pair appears twice.
  case duplicateEdge(mentee: Int, mentor: Int)
  /// A score outside ``MatchingProblem/scoreLimit``.
  case scoreOutOfRange(edge: Int, score: Int)
  /// An objective string names an unknown term, repeats one, or is empty.
  case badObjective(String)
  /// The lexicographic weights would not fit in 64-bit integers.
  case objectiveOverflow(String)
  /// Rows of an edge or capacity file that cannot be used: the first few
  /// messages (each starting `file:line:`) and how many there were in all.
  case badRows(messages: [String], total: Int)
  /// A checker rejected a solver's own output: a bug.
  case checkFailed(String)

  /// Which side of the market an index belongs to.
  public enum Side: String, Sendable {
    case mentee, mentor
  }

  public var description: String {
    switch self {
    case .negativeCapacity(let side, let index, let capacity):
      "\(side.rawValue) \(index): capacity \(capacity) is negative"
    case .indexOutOfRange(let edge, let side, let index, let count):
      "edge \(edge): \(side.rawValue) index \(index) is out of range (there are \(count))"
    case .duplicateEdge(let mentee, let mentor):
      "edge (mentee \(mentee), mentor \(mentor)) appears more than once"
    case .scoreOutOfRange(let edge, let score):
      "edge \(edge): score \(score) is outside ±\(MatchingProblem.scoreLimit)"
    case .badObjective(let message):
      "objective: \(message)"
    case .objectiveOverflow(let message):
      "objective: the weights would overflow 64-bit integers (\(message)); use fewer terms or smaller scores"
    case .badRows(let messages, let total):
      messages.joined(separator: "\n")
        + (total > messages.count ? "\n… and \(total - messages.count) more problems" : "")
    case .checkFailed(let message):
      "internal error: the checker rejected the solver's matching: \(message)"
    }
  }
}

extension MatchingError: ExitCoded {
  public var exitStatus: ExitStatus {
    if case .checkFailed = self { return .software }
    return .dataError
  }
}
