import Foundation

/// The lexicographic objective of ``OptimalMatching``: its terms in priority
/// order, each maximised without giving up anything on the terms before it.
///
/// The full order is `people, pairs, score`; any of its terms, in any order,
/// may be chosen (for example only `score`, or `pairs,score`).
public struct MatchingObjective: Sendable, Equatable, CustomStringConvertible {
  /// One term of the objective.
  public enum Term: String, Sendable, CaseIterable {
    /// Mentees plus mentors matched at least once: nobody gets a second
    /// partner while someone who could have been matched has none.
    case people
    /// The number of pairs.
    case pairs
    /// The sum of `menteeScore + mentorScore` over the pairs.
    case score
  }

  /// The terms, highest priority first; never empty, no repeats.
  public let terms: [Term]

  /// The default order: `people, pairs, score`.
  public static let standard = MatchingObjective(checked: [.people, .pairs, .score])

  private init(checked terms: [Term]) { self.terms = terms }

  /// An objective from terms, highest priority first.
  ///
  /// - Throws: ``MatchingError/badObjective(_:)`` when empty or repeated.
  public init(terms: [Term]) throws(MatchingError) {
    guard !terms.isEmpty else { throw .badObjective("is empty; give one or more of \(Self.knownTerms)") }
    for (index, term) in terms.enumerated() where terms[..<index].contains(term) {
      throw .badObjective("'\(term.rawValue)' appears twice")
    }
    self.terms = terms
  }

  /// Parses a comma-separated list such as `people,pairs,score`.
  public init(parsing text: String) throws(MatchingError) {
    var terms: [Term] = []
    // An empty text is no terms, not one empty term.
    let parts = text.allSatisfy(\.isWhitespace) ? [] : text.split(separator: ",", omittingEmptySubsequences: false)
    for part in parts {
      let name = part.trimmingCharacters(in: .whitespaces)
      guard let term = Term(rawValue: name) else {
        throw .badObjective("unknown term '\(name)' (known: \(Self.knownTerms))")
      }
      terms.append(term)
    }
    try self.init(terms: terms)
  }

  public var description: String { terms.map(\.rawValue).joined(separator: ",") }

  /// The terms there are, for messages: `people, pairs, score`.
  static var knownTerms: String { Term.allCases.map(\.rawValue).joined(separator: ", ") }
}
