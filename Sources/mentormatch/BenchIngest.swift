import ArgumentParser
import MentorMatch

/// Hidden: parses a CSV file with the project's reader and counts what it
/// read, so `scripts/bench-ingest` can time the reader alone.
struct BenchIngest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Parse a CSV file and count its records (for scripts/bench-ingest).",
    discussion: "Example:\n  mentormatch bench ingest signups.csv",
    shouldDisplay: false
  )

  @Argument(help: "The CSV file.")
  var file: String

  func run() throws {
    try runReportingErrors {
      let tally = try CSVTally.count(path: file)
      print("\(tally.records) records, \(tally.fields) fields, \(tally.malformed) malformed")
    }
  }
}
