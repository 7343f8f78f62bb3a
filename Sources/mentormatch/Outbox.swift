import ArgumentParser
import MentorMatch

/// `mentormatch outbox …`: inspect a run's maildir outbox.
struct Outbox: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox",
    abstract: "Inspect the emails a run wrote.",
    discussion: """
      Example:
        mentormatch outbox list state/runs/20261128T020000Z-3f2a9c41d0
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
          mentormatch outbox list state/runs/20261128T020000Z-3f2a9c41d0 --show-addresses
        """
    )

    @Argument(help: "The run folder (holding outbox/).")
    var runDirectory: String

    @Flag(help: "Show full recipient addresses (personal data).")
    var showAddresses = false

    func run() throws {
      try runReportingErrors {
        let listing = try OutboxListing.of(runDirectory: runDirectory)
        for entry in listing.entries {
          print(entry.line(showAddress: showAddresses))
        }
        if let note = listing.note { printError(note) }
      }
    }
  }
}
