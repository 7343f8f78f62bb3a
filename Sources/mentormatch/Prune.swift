import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch prune`: delete run folders past the retention period.
struct Prune: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Delete run folders whose as-of is older than the retention period.",
    discussion: """
      The default period is [state] retention_days in the config (90 if unset).
      A folder's age is its manifest's as-of; folders without one are kept, and
      so is a run whose emails are still owed (the next run publishes them).

      Example:
        mentormatch prune --config mentormatch.toml --older-than 90d
      """
  )

  @OptionGroup var options: StateOptions

  @Option(help: "The retention period in days, such as '90d'; default from the config.")
  var olderThan: String?

  @Option(help: "The time to measure from (ISO 8601); default now.")
  var now: String?

  @Flag(help: "Print what would be removed without removing it.")
  var dryRun = false

  func validate() throws {
    try StateOptions.checkInstant(now, option: "--now")
  }

  func run() throws {
    try runReportingErrors {
      let now = try StateOptions.instant(now, option: "--now")
      let settings = try options.settings()
      let policy = try olderThan.map { text throws(StateError) in try RetentionPolicy(parsing: text) }
        ?? RetentionPolicy(days: settings.retentionDays)
      let lock = try options.lock(settings)
      defer { lock.release() }
      for decision in try policy.prune(settings, now: now, dryRun: dryRun)
      where decision.action != .kept {
        print(decision.line)
      }
    }
  }
}
