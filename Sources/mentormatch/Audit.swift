import ArgumentParser
import MentorMatch

struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Re-run a past night from its run folder and compare every output byte for byte.",
    discussion: """
      Verifies the manifest's input hashes (tamper detection), re-runs the whole
      pipeline from the run folder alone (no database, no network) and prints one
      line per file: same, differs, missing or redacted. Exits 0 only when every
      file is the same; 65 otherwise.

      Example:
        mentormatch audit state/runs/20261128T020000Z-3f2a9c41d0
      """
  )

  @Argument(help: "The run folder (runs/<run-id>).")
  var runDirectory: String

  func run() throws {
    try runReportingErrors {
      let report = try RunAudit.audit(runDirectory: runDirectory)
      for check in report.checks { print(check.line) }
      let differing = report.checks.filter { $0.status != .same }.count
      if differing > 0 || report.redacted {
        throw RunError.auditFailed(
          runDirectory: runDirectory, differing: differing, redacted: report.redacted, writtenBy: report.otherVersion)
      }
      print("all \(report.checks.count) files are the same")
    }
  }
}
