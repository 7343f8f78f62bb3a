import Foundation

/// The whole config file, validated in full before any input is read.
///
/// Each stage parses its own section; this type only reads the file and
/// composes them. Relative paths resolve against the config file's folder.
public struct MentorMatchConfig: Sendable {
  /// The config file's path as given.
  public var file: String
  /// The config file's bytes, hashed into the run manifest and copied into the run folder.
  public var bytes: [UInt8]
  /// `[programme] name`: shown in reports and emails.
  public var programmeName: String
  public var input: InputSettings
  /// `[state]`: where the lock, the database and the run folders live.
  public var state: StateSettings
  /// `[skills]`: the taxonomy and the normalisation thresholds.
  public var skills: SkillSettings
  /// `[[rules]]`: what makes a good match.
  public var rules: RuleSet
  /// `[candidates]`: how many candidates per mentee.
  public var candidates: CandidateSettings
  /// `[matching]`: the solver and its objective.
  public var matching: MatchingSettings
  /// `[email]`, or nil when the programme sends no email.
  public var email: EmailSettings?
  /// `[report]`: how long lists and charts are.
  public var report: ReportSettings

  /// Loads and validates a config file.
  public static func load(path: String) throws(ConfigError) -> MentorMatchConfig {
    let bytes = try readFile(path: path)
    let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return try parse(bytes: bytes, file: path, baseDirectory: base)
  }

  /// The config file's bytes; a file that is missing, a folder or unreadable
  /// is a missing input (exit 66), for every command that reads a config.
  static func readFile(path: String) throws(ConfigError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      throw ConfigError(
        file: path, message: exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read") : "no such file",
        isMissingFile: true)
    }
    return Array(data)
  }

  /// Parses config text; `baseDirectory` is where relative paths resolve.
  public static func parse(bytes: [UInt8], file: String, baseDirectory: String) throws(ConfigError) -> MentorMatchConfig {
    let root = try ConfigSection.parse(bytes: bytes, file: file, baseDirectory: baseDirectory)
    var programmeName = "Mentoring programme"
    if let programme = try root.section("programme") {
      programmeName = try programme.string("name", default: programmeName)
      try programme.finish()
    }
    let input = try InputSettings(root: root)
    let state = try StateSettings(from: root)
    let skills = try root.section("skills").map { (section) throws(ConfigError) in try SkillSettings(from: section) } ?? .defaults
    let fields = Set(["department", "profession", "location", "grade", "cohort", "role"]).union(input.extraColumns.keys)
    let rules = try RuleSet.parse(try root.sections("rules") ?? [], knownFields: fields)
    let candidates = try root.section("candidates").map { (section) throws(ConfigError) in try CandidateSettings(from: section) } ?? CandidateSettings()
    let matching = try root.section("matching").map { (section) throws(ConfigError) in try MatchingSettings(from: section) } ?? MatchingSettings()
    let email = try root.section("email").map { (section) throws(ConfigError) in try EmailSettings(from: section) }
    let report = try root.section("report").map { (section) throws(ConfigError) in try ReportSettings(from: section) } ?? ReportSettings()
    try root.finish()
    return MentorMatchConfig(
      file: file, bytes: bytes, programmeName: programmeName, input: input, state: state, skills: skills,
      rules: rules, candidates: candidates, matching: matching, email: email, report: report)
  }
}
