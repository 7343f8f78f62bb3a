import ArgumentParser
import Foundation
import MentorMatch

/// The root command: only configuration, as swift-argument-parser's examples do.
@main
struct MentorMatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mentormatch",
    abstract: "Match mentors and mentees from a nightly sign-up export.",
    discussion: """
      Runs as a batch job: one binary and one SQLite file. Exit codes follow sysexits(3):
      0 ok, 64 usage, 65 data error, 66 missing input, 70 software (a bug: please
      report it), 73 cannot create output, 74 I/O error, 75 temporary failure
      (the run lock or the state database is held), 78 config error.

      Example:
        mentormatch validate --config fixtures/demo/mentormatch.toml --out /tmp/check
      """,
    version: MentorMatchVersion.current,
    subcommands: [
      Run.self,
      Audit.self,
      Validate.self,
      Generate.self,
      Bench.self,
      Pairs.self,
      Forget.self,
      Prune.self,
      ReportCommand.self,
      Solve.self,
      TaxonomyCommand.self,
      Outbox.self,
      BenchEmails.self,
    ]
  )

  /// Parses and runs as swift-argument-parser's own `main()` does, but its
  /// error messages, which echo the values given (`Unknown option '…'`,
  /// `The value '…' is invalid`), reach the terminal through
  /// ``TerminalText``, so a control character in a value is shown, not obeyed.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        // --help and --version.
        if !message.isEmpty { print(message) }
      } else if !message.isEmpty {
        FileHandle.standardError.write(Data((TerminalText.visibleLines(message) + "\n").utf8))
      }
      Foundation.exit(code.rawValue)
    }
  }
}
