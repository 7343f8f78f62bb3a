import Foundation

/// The `[matching]` section of the config:
///
/// ```toml
/// [matching]
/// algorithm = "optimal"                      # or "stable"
/// objective = ["people", "pairs", "score"]   # optimal only; any of these, in priority order
/// ```
public struct MatchingSettings: Sendable, Equatable {
  public var algorithm: MatchingAlgorithm
  public var objective: MatchingObjective

  public init(algorithm: MatchingAlgorithm = .optimal, objective: MatchingObjective = .standard) {
    self.algorithm = algorithm
    self.objective = objective
  }

  /// Reads the section; unknown keys are errors.
  public init(from section: ConfigSection) throws(ConfigError) {
    let names = MatchingAlgorithm.allCases.map(\.rawValue)
    let name = try section.choice("algorithm", of: names, default: MatchingAlgorithm.optimal.rawValue)
    algorithm = MatchingAlgorithm(rawValue: name) ?? .optimal
    if let terms = try section.strings("objective") {
      do {
        objective = try MatchingObjective(parsing: terms.joined(separator: ","))
      } catch {
        throw section.error("objective", "\(error)".replacingOccurrences(of: "objective: ", with: ""))
      }
    } else {
      objective = .standard
    }
    try section.finish()
  }
}
