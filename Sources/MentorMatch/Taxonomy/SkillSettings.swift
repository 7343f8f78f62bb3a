import Foundation

/// The `[skills]` section of the config: where the taxonomy is and how
/// willing the fuzzy stage is. Scores are integers from 0 to 1000 (see
/// ``SkillNormaliser``). The defaults were calibrated on
/// `fixtures/taxonomy-eval/terms.csv` (see docs/taxonomy.md).
///
/// ```toml
/// [skills]
/// taxonomy = "taxonomy"          # folder, relative to the config file
/// accept_threshold = 880         # fuzzy matches at or above are placed…
/// accept_margin = 40             # …when this far ahead of the next concept
/// review_threshold = 750         # from here to accept: unplaced, proposed for review
/// min_fuzzy_length = 5           # shorter folded terms are never fuzzy-placed
/// split_on_and = true            # try "x and y" as two skills when the whole fails
/// ```
public struct SkillSettings: Sendable, Equatable {
  /// The taxonomy folder, resolved against the config file's folder; nil when not set.
  public var taxonomy: String?
  public var acceptThreshold: Int
  public var acceptMargin: Int
  public var reviewThreshold: Int
  public var minimumFuzzyLength: Int
  public var splitOnAnd: Bool

  public init(
    taxonomy: String? = nil, acceptThreshold: Int = 880, acceptMargin: Int = 40,
    reviewThreshold: Int = 750, minimumFuzzyLength: Int = 5, splitOnAnd: Bool = true
  ) {
    self.taxonomy = taxonomy
    self.acceptThreshold = acceptThreshold
    self.acceptMargin = acceptMargin
    self.reviewThreshold = reviewThreshold
    self.minimumFuzzyLength = minimumFuzzyLength
    self.splitOnAnd = splitOnAnd
  }

  /// The calibrated defaults.
  public static let defaults = SkillSettings()

  /// Reads only `[skills]` from a config file (the defaults when it has none),
  /// as `taxonomy map --config` does; every other section is left unread.
  public static func load(configPath: String) throws(ConfigError) -> SkillSettings {
    let root = try ConfigSection.load(configPath: configPath)
    guard let section = try root.section("skills") else { return .defaults }
    return try SkillSettings(from: section)
  }

  /// Reads `[skills]`; unknown keys are errors.
  public init(from section: ConfigSection) throws(ConfigError) {
    let defaults = SkillSettings.defaults
    taxonomy = try section.path("taxonomy")
    acceptThreshold = try section.int("accept_threshold", default: defaults.acceptThreshold, in: 1...1000)
    acceptMargin = try section.int("accept_margin", default: defaults.acceptMargin, in: 0...1000)
    reviewThreshold = try section.int("review_threshold", default: defaults.reviewThreshold, in: 0...1000)
    minimumFuzzyLength = try section.int("min_fuzzy_length", default: defaults.minimumFuzzyLength, in: 1...100)
    splitOnAnd = try section.bool("split_on_and", default: defaults.splitOnAnd)
    guard reviewThreshold <= acceptThreshold else {
      throw section.error("review_threshold", "\(reviewThreshold) is above accept_threshold (\(acceptThreshold))")
    }
    try section.finish()
  }
}
