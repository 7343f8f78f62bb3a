import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch taxonomy map`: the cascade on a list of terms, as CSV.
struct TaxonomyMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Map typed skills, one per line, to taxonomy concepts (CSV on stdout).",
    discussion: """
      Writes term,concept_id,pref_label,method,score. For a placed term, method is
      exact, fingerprint, variant or fuzzy and score 0-1000; for an unplaced one
      concept_id and pref_label are empty, method is the reason (no-candidate,
      below-threshold, ambiguous) and score is the best candidate's.

      Example:
        mentormatch taxonomy map --taxonomy fixtures/taxonomy --config mentormatch.toml terms.txt
      """
  )

  @Option(help: "The taxonomy folder.")
  var taxonomy: String

  @Option(help: "A config file whose [skills] section sets the thresholds.")
  var config: String?

  @Flag(help: "Treat each line as a whole cell and split it into terms first.")
  var cells = false

  @Flag(help: "Print counts by method and the time taken to stderr.")
  var stats = false

  @Flag(help: ArgumentHelp("Map every term but write no rows (to time normalisation alone).", visibility: .hidden))
  var noOutput = false

  @Argument(help: "The terms file, one term per line ('-' for stdin).")
  var termsFile: String

  func run() throws {
    try runReportingErrors {
      let settings = try config.map { (path) throws(ConfigError) in try SkillSettings.load(configPath: path) } ?? .defaults
      let loadStart = ContinuousClock.now
      let loaded = try Taxonomy.load(directory: taxonomy)
      let loadTime = ContinuousClock.now - loadStart
      let text = try TermsFile.read(termsFile)
      let start = ContinuousClock.now
      var mapper = SkillTermMapper(taxonomy: loaded, settings: settings, cells: cells, writesRows: !noOutput)
      let summary = mapper.map(text) { FileHandle.standardOutput.write(Data($0)) }
      if stats {
        let elapsed = ContinuousClock.now - start
        printError("mapped \(CountedNoun.phrase(summary.terms, "term")) (\(summary.distinctFoldedTerms) distinct folded) in \(elapsed); taxonomy loaded in \(loadTime); \(summary.countsDescription)")
      }
    }
  }
}
