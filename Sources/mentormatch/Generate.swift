import ArgumentParser
import Foundation
import MentorMatch

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a synthetic sign-up export and its config, for tests and benchmarks.",
    discussion: """
      Writes DIR/signups.csv in the default export template and DIR/mentormatch.toml
      that reads it: fictional civil servants with a realistic grade mix,
      departments, professions, locations and cohorts, and skills drawn from
      the taxonomy with Zipf-like popularity, typed as people type them. The
      same options and seed always give the same bytes. Rows are streamed, so
      500,000 people need little memory.

      Example:
        mentormatch generate --people 7000 --seed 42 --out /tmp/gen --bad-rows 0.02 --taxonomy fixtures/taxonomy
      """
  )

  @Option(help: "How many people (rows) to write.")
  var people: Int

  @Option(help: "The seed; the same seed gives the same export.")
  var seed: UInt64 = 1

  @Option(help: "The folder to write signups.csv and mentormatch.toml into (created 0700).")
  var out: String

  @Option(help: "How many cohorts to spread people over (the first is the largest).")
  var cohorts = 4

  @Option(help: "The share of deliberately bad rows, from 0 to 0.5 (bad grade, bad email, missing name, no consent).")
  var badRows = 0.0

  @Option(help: "A taxonomy folder (concepts.csv, labels.csv) to draw skills from; a small built-in list when absent.")
  var taxonomy: String?

  func validate() throws {
    // Twenty times the Civil Service; past that a typo would fill the disk (about 200 bytes a row).
    guard (0...10_000_000).contains(people) else { throw ValidationError("'--people' must be from 0 to 10000000") }
    guard cohorts >= 1 else { throw ValidationError("'--cohorts' must be 1 or more") }
    guard (0...0.5).contains(badRows) else { throw ValidationError("'--bad-rows' must be from 0 to 0.5") }
  }

  func run() throws {
    try runReportingErrors {
      let vocabulary = try taxonomy.map { path throws(CSVError) in try SkillVocabulary.load(taxonomyDirectory: path) } ?? .builtIn
      let export = SyntheticExport(
        settings: SyntheticExportSettings(
          people: people, seed: seed, cohorts: cohorts, badRowShare: badRows, vocabulary: vocabulary))
      let tally = try SyntheticExportFiles.write(export, to: out, taxonomyDirectory: taxonomy)
      print(tally.text)
      print("skills: \(vocabulary.concepts.count) concepts\(taxonomy.map { " from \($0)" } ?? " (built-in list)")")
      print("wrote: \(out)/signups.csv, \(out)/mentormatch.toml")
    }
  }
}
