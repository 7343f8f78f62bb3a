import ArgumentParser
import MentorMatch

/// `mentormatch outbox …`: inspect a run's maildir outbox.
struct Outbox: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox",
    abstract: "Inspect the emails a run wrote.",
    discussion: """
      Example:
        mentormatch outbox list runs/2026-11-28T190000Z
      """,
    subcommands: [List.self]
  )

  /// `mentormatch outbox list RUN_DIR`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the messages in RUN_DIR/outbox/new and cur: kind, recipient, subject.",
      discussion: """
        One line per message, tab-separated, sorted by recipient. Addresses are masked
        (s***@cabinetoffice.gov.uk) unless --show-addresses is given.

        Example:
          mentormatch outbox list runs/2026-11-28T190000Z --show-addresses
        """
    )

    @Argument(help: "The run folder (holding outbox/).")
    var runDirectory: String

    @Flag(help: "Show full recipient addresses (personal data).")
    var showAddresses = false

    func run() throws {
      try runReportingErrors {
        let outbox = MaildirOutbox(directory: runDirectory + "/outbox")
        for entry in try outbox.entries() {
          print(entry.line(showAddress: showAddresses))
        }
      }
    }
  }
}
