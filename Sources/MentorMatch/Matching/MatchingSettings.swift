import Foundation

/// The `[matching]` section of the config:
///
/// ```toml
/// [matching]
/// algorithm = "optimal"                      # or "stable"
/// objective = ["people", "pairs", "score"]   # optimal only; any of these, in priority order
/// method = "phases"                          # optimal only: "phases" (default) or "ssp"
/// ```
///
/// Both methods find an optimum with the same objective values and the same
/// kind of certificate; among equally good matchings they may pick different
/// ones (each always the same for the same input). `phases` routes many
/// augmenting paths per shortest-path search and is the one that scales to
/// cohorts of 100,000 people and more; `ssp` is the one-path-per-search
/// method of earlier versions.
public struct MatchingSettings: Sendable, Equatable {
  public var algorithm: MatchingAlgorithm
  public var objective: MatchingObjective
  public var method: OptimalMatching.Method

  public init(
    algorithm: MatchingAlgorithm = .optimal, objective: MatchingObjective = .standard,
    method: OptimalMatching.Method = .phases
  ) {
    self.algorithm = algorithm
    self.objective = objective
    self.method = method
  }

  /// Reads the section; unknown keys are errors.
  public init(from section: ConfigSection) throws(ConfigError) {
    let names = MatchingAlgorithm.allCases.map(\.rawValue)
    let name = try section.choice("algorithm", of: names, default: MatchingAlgorithm.optimal.rawValue)
    algorithm = MatchingAlgorithm(rawValue: name) ?? .optimal
    if let terms = try section.strings("objective") {
      // Joined, an empty list would read as one empty term: "unknown term ''".
      guard !terms.isEmpty else {
        throw section.error("objective", "is empty; give one or more of \(MatchingObjective.knownTerms), most important first")
      }
      // One term per string: "people,pairs" joined with the rest would pass
      // for two terms, though the config's list says one.
      if let term = terms.first(where: { $0.contains(",") }) {
        throw section.error(
          "objective", "'\(term)' holds a comma; give each term as its own string: [\(term.split(separator: ",").map { "\"\($0.trimmingCharacters(in: .whitespaces))\"" }.joined(separator: ", "))]")
      }
      do {
        objective = try MatchingObjective(parsing: terms.joined(separator: ","))
      } catch {
        throw section.error("objective", "\(error)".replacingOccurrences(of: "objective: ", with: ""))
      }
    } else {
      objective = .standard
    }
    let method = try section.choice(
      "method", of: OptimalMatching.Method.allCases.map(\.rawValue), default: OptimalMatching.Method.phases.rawValue)
    self.method = OptimalMatching.Method(rawValue: method) ?? .phases
    try section.finish()
  }
}
