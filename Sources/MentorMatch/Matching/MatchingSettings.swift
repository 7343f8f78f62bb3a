/// `[matching]`: which solver each cohort uses, and its objective.
public struct MatchingSettings: Sendable, Equatable {
  public var algorithm: MatchingAlgorithm = .optimal
  public var objective: MatchingObjective = .standard

  public init() {}

  /// Reads `[matching]`: `algorithm` (`stable` or `optimal`) and `objective`
  /// (a list drawn from `people`, `pairs`, `score`, most important first).
  public init(from section: ConfigSection) throws(ConfigError) {
    let name = try section.choice("algorithm", of: MatchingAlgorithm.allCases.map(\.rawValue), default: "optimal")
    algorithm = MatchingAlgorithm(rawValue: name) ?? .optimal
    if let terms = try section.strings("objective") {
      do {
        objective = try MatchingObjective(parsing: terms.joined(separator: ","))
      } catch {
        throw section.error("objective", "\(error)")
      }
    }
    try section.finish()
  }
}
