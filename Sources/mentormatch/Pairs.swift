import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch pairs`: look at and end pairs in the state.
struct Pairs: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pairs",
    abstract: "List or end mentoring pairs in the state.",
    discussion: """
      Example:
        mentormatch pairs list --config mentormatch.toml --cohort spring
        mentormatch pairs end --config mentormatch.toml --mentee E12 --mentor R7 --reason "mentee left"
      """,
    subcommands: [List.self, End.self]
  )

  /// `pairs list`: active pairs as CSV on stdout.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "Print the active pairs as CSV (mentee,mentor,cohort,run,score,status).",
      discussion: """
        Example:
          mentormatch pairs list --config mentormatch.toml --cohort spring > pairs.csv
        """
    )

    @OptionGroup var options: StateOptions

    @Option(help: "Only pairs of this cohort.")
    var cohort: String?

    func run() throws {
      try runReportingErrors {
        let settings = try options.settings()
        let store = try StateStore(settings: settings)
        FileHandle.standardOutput.write(Data(try store.activePairsCSV(cohort: cohort)))
        if let cohort, let note = try store.noActivePairsNote(cohort: cohort) { printError(note) }
      }
    }
  }

  /// `pairs end`: ends one active pair, freeing the mentor's capacity.
  struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end",
      abstract: "End an active pair; it is never proposed again.",
      discussion: """
        Exits 65 when the pair is not active, 75 when a run holds the lock.

        Example:
          mentormatch pairs end --config mentormatch.toml --mentee E12 --mentor R7 --reason "mentee left"
        """
    )

    @OptionGroup var options: StateOptions

    @Option(help: "The mentee's id.")
    var mentee: String

    @Option(help: "The mentor's id.")
    var mentor: String

    @Option(help: "Why the pair ended (stored as is).")
    var reason: String

    @Option(help: "When it ended (ISO 8601); default now.")
    var asOf: String?

    func validate() throws {
      try StateOptions.checkInstant(asOf, option: "--as-of")
    }

    func run() throws {
      try runReportingErrors {
        let asOf = Timestamps.string(try StateOptions.instant(asOf, option: "--as-of"))
        let settings = try options.settings()
        let lock = try options.lock(settings)
        defer { lock.release() }
        let store = try StateStore(settings: settings)
        let pair = try store.endPair(mentee: mentee, mentor: mentor, reason: reason, asOf: asOf)
        print("ended pair of mentee '\(pair.menteeID)' and mentor '\(pair.mentorID)' (cohort '\(pair.cohort)') as of \(asOf)")
      }
    }
  }
}
