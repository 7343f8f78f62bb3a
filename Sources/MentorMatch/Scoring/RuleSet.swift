/// The ordered `[[rules]]` of a config, validated before any input is read.
public struct RuleSet: Sendable, Equatable {
  /// The rules in config order.
  public var rules: [ScoringRule]

  public init(rules: [ScoringRule]) {
    self.rules = rules
  }

  /// The most points all the rules together may pay one pair: the solver's
  /// limit on a score, which candidate scores, stored in 32 bits, also fit.
  public static let totalLimit = MatchingProblem.scoreLimit

  /// The one `skills` rule, if any.
  var skillsRule: ScoringRule? { rules.first { $0.kind == .skills } }
}

/// The `[candidates]` section: how many candidates to keep per mentee and how
/// to find them.
public struct CandidateSettings: Sendable, Equatable {
  /// How candidates are found. Both give identical lists.
  public enum Strategy: String, Sendable, CaseIterable {
    /// Exhaustive below `exhaustiveBelow` pairs, indexed above.
    case auto
    /// Score every pair.
    case exhaustive
    /// Skill and field index with grade-band blocking and a bound.
    case indexed
  }

  /// Candidates kept per mentee (`k`, default 50).
  public var k: Int
  public var strategy: Strategy
  /// Under `auto`, cohorts with fewer mentee × mentor pairs than this are scored exhaustively.
  public var exhaustiveBelow: Int

  public init(k: Int = 50, strategy: Strategy = .auto, exhaustiveBelow: Int = 250_000) {
    self.k = k
    self.strategy = strategy
    self.exhaustiveBelow = exhaustiveBelow
  }

  /// Reads `[candidates]`: `k`, `strategy`, `exhaustive_below` (the config has no `[scoring]` section).
  public init(from section: ConfigSection) throws(ConfigError) {
    k = try section.int("k", default: 50, in: 1...10_000)
    let name = try section.choice("strategy", of: Strategy.allCases.map(\.rawValue), default: "auto")
    strategy = Strategy(rawValue: name) ?? .auto
    exhaustiveBelow = try section.int("exhaustive_below", default: 250_000, in: 0...Int(Int32.max))
    try section.finish()
  }
}
