import ArgumentParser
import Foundation
import MentorMatch

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Read and validate the sign-up exports named in the config.",
    discussion: """
      Prints records read, accepted by cohort and role, rejected by reason and
      superseded; the counts always add up. Exits 65 when the export looks
      broken (a required column missing, or more rejects than
      input.max_reject_share allows).

      Example:
        mentormatch validate --config fixtures/demo/mentormatch.toml --out /tmp/check --json
      """
  )

  @Option(help: "The config file (TOML).")
  var config: String

  @Option(help: "A folder to write rejects.csv into (created 0700).")
  var out: String?

  @Flag(help: "Print the summary as one JSON object on stdout.")
  var json = false

  @Option(help: "How many rejected rows to list on stderr.")
  var showRejects = 20

  func run() throws {
    try runReportingErrors {
      let settings = try MentorMatchConfig.load(path: config)
      let result = try SignupIngest.read(settings: settings.input)
      let summary = ValidationSummary(result)
      for line in result.rejectLines(limit: showRejects, rest: out == nil ? "" : "in rejects.csv") { printError(line) }
      for line in result.emptyFileWarnings { printError(line) }
      if let out {
        try PrivateFiles.makeDirectory(out)
        try PrivateFiles.write(result.rejectsCSV(), to: out + "/rejects.csv")
      }
      if json {
        print(try summary.jsonText())
      } else {
        print(summary.text)
        if let out { print("rejects: \(out)/rejects.csv") }
      }
    }
  }
}
