import Foundation

/// The `[state]` section of the config: where the state lives and how long
/// run folders are kept.
///
/// ```toml
/// [state]
/// dir = "state"                        # the lock file lives here; default "state"
/// database = "state/mentormatch.sqlite" # default "<dir>/mentormatch.sqlite"
/// runs_dir = "state/runs"               # default "<dir>/runs"
/// retention_days = 90                   # default 90
/// ```
/// Relative paths resolve against the config file's folder.
public struct StateSettings: Sendable, Equatable {
  public var stateDirectory: String
  public var databasePath: String
  public var runsDirectory: String
  public var retentionDays: Int

  /// The folder under ``runsDirectory`` that `run --dry-run` writes its run
  /// folders into. `forget` and `prune` treat the folders in it as run folders.
  public static let dryRunsFolderName = "dry-runs"

  /// Where `run --dry-run` writes its run folders.
  public var dryRunsDirectory: String {
    (runsDirectory as NSString).appendingPathComponent(Self.dryRunsFolderName)
  }

  /// Creates a value from its parts.
  public init(stateDirectory: String, databasePath: String, runsDirectory: String, retentionDays: Int) {
    self.stateDirectory = stateDirectory
    self.databasePath = databasePath
    self.runsDirectory = runsDirectory
    self.retentionDays = retentionDays
  }

  /// Reads the `[state]` table (absent: all defaults) and rejects unknown keys.
  public init(from root: ConfigSection) throws(ConfigError) {
    let section = try root.section("state")
    let base = section ?? root
    let dir = try section?.path("dir") ?? base.resolve("state")
    stateDirectory = dir
    databasePath = try section?.path("database") ?? (dir as NSString).appendingPathComponent("mentormatch.sqlite")
    runsDirectory = try section?.path("runs_dir") ?? (dir as NSString).appendingPathComponent("runs")
    retentionDays = try section?.int("retention_days", default: 90, in: 1...36_500) ?? 90
    try section?.finish()
  }

  /// Loads only `[state]` from a config file; every other top-level key is
  /// left to its own stage. Interim: the full config loader replaces this.
  public static func load(configPath: String) throws(ConfigError) -> StateSettings {
    let root = try ConfigSection.load(configPath: configPath)
    let settings = try StateSettings(from: root)
    for key in root.keys { root.markRead(key) }
    try root.finish()
    return settings
  }
}
