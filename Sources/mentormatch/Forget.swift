import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch forget`: erase a person (UK GDPR art. 17).
struct Forget: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forget",
    abstract: "Erase a person from the state and redact them from stored run folders.",
    discussion: """
      Deletes the person, their pairs and their notifications from the state;
      finds every id and address the stored exports give them (through each
      run's own column mapping); replaces their rows in every stored CSV with
      [redacted] (row count kept); removes the emails and reports that name
      them; records a redaction in each affected run's manifest, which `audit`
      then reports. Safe to run again.

      Example:
        mentormatch forget --config mentormatch.toml --email someone@example.gov.uk
        mentormatch forget --config mentormatch.toml --id E12
      """
  )

  @OptionGroup var options: StateOptions

  @Option(help: "The person's email address.")
  var email: String?

  @Option(help: "The person's stable id.")
  var id: String?

  @Option(help: "The time recorded in manifests (ISO 8601); default now.")
  var asOf: String?

  func validate() throws {
    try StateOptions.checkInstant(asOf, option: "--as-of")
    guard (email == nil) != (id == nil) else {
      throw ValidationError("give exactly one of '--email' and '--id'")
    }
    // Not a syntax check of the address: an export may hold one mistyped,
    // and erasure must still find it. Only what no export can hold.
    for (option, value) in [("--email", email), ("--id", id)] {
      guard let value else { continue }
      if value.allSatisfy(\.isWhitespace) { throw ValidationError("'\(option)' is empty") }
      if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        throw ValidationError("'\(option)' holds a control character such as a line break; give the value as the export has it")
      }
    }
  }

  func run() throws {
    try runReportingErrors {
      let asOf = Timestamps.string(try StateOptions.instant(asOf, option: "--as-of"))
      let crash = CrashPoint.fromEnvironment(ProcessInfo.processInfo.environment)
      let settings = try options.settings()
      let lock = try options.lock(settings)
      defer { lock.release() }
      let store = try StateStore(settings: settings)
      let summary = try Erasure.forget(
        store: store, runsDirectory: settings.runsDirectory, personID: id, email: email, asOf: asOf, crash: crash)
      for line in summary.lines { print(line) }
    }
  }
}
