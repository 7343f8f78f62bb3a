import ArgumentParser
import MentorMatch

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read and validate the sign-up exports named in the config.",
    discussion: """
      Example:
        mentormatch validate --config fixtures/demo/mentormatch.toml --out /tmp/check --json
      """
  )

  @Option(help: "The config file (TOML).")
  var config: String

  func run() throws {
    try runReportingErrors {
      _ = config
    }
  }
}
