import ArgumentParser
import Foundation
import MentorMatch

/// The options every state command shares, and the edge values (clock, pid,
/// environment) read once here and handed to the library.
struct StateOptions: ParsableArguments {
  @Option(help: "The config file (TOML); only its [state] section is read here.")
  var config: String

  /// The `[state]` settings.
  func settings() throws(ConfigError) -> StateSettings {
    try StateSettings.load(configPath: config)
  }

  /// Takes the run lock on the state folder, stamped with the pid and the clock.
  func lock(_ settings: StateSettings) throws(StateError) -> RunLock {
    try RunLock(stateDirectory: settings.stateDirectory, pid: getpid(), startedAt: Timestamps.now())
  }

  /// Checks a `--as-of` / `--now` value in a command's `validate()`, so that
  /// a bad one is reported with that command's usage.
  static func checkInstant(_ text: String?, option: String) throws {
    if let text { _ = try instant(text, option: option) }
  }

  /// Parses a `--as-of` / `--now` value, or the clock when absent.
  static func instant(_ text: String?, option: String) throws -> Date {
    guard let text else { return Date() }
    guard let date = RetentionPolicy.parseAsOf(text) else {
      throw ValidationError("'\(option)' expects an ISO 8601 time such as 2026-11-28T02:00:00Z, got '\(TerminalText.visible(text))'")
    }
    return date
  }
}
