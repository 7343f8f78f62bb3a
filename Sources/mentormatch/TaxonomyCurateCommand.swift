import ArgumentParser
import MentorMatch

/// `mentormatch taxonomy curate`: a curator's decisions in a run's
/// `skills-curation.csv` become labels in the taxonomy's `labels.csv`.
struct TaxonomyCurateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "curate",
    abstract: "Add the labels a curator decided in skills-curation.csv to a taxonomy.",
    discussion: """
      Fill in curator_decision in a copy of a run's skills-curation.csv:
        label                    the term is a label of curator_concept_id
        candidate-1 (-2, -3)     the term is a label of that candidate
        ignore                   not a skill; nothing is added
        (blank)                  not decided yet; skipped
      curator_label_kind is hidden (the default: misspellings, old terms) or alt
      (synonyms, abbreviations). Every row is checked first; with any problem
      nothing is written (exit 65, each problem as file:line: column: what).

      Example:
        mentormatch taxonomy curate --taxonomy fixtures/taxonomy --dry-run skills-curation.csv
      """
  )

  @Option(help: "The taxonomy folder whose labels.csv gains the labels.")
  var taxonomy: String

  @Flag(help: "Print the labels that would be added; change nothing.")
  var dryRun = false

  @Argument(help: "The filled-in skills-curation.csv.")
  var curationFile: String

  func run() throws {
    try runReportingErrors {
      let curation = try TaxonomyCuration.plan(name: curationFile, taxonomy: taxonomy)
      if !dryRun, !curation.added.isEmpty { try curation.write(taxonomy: taxonomy) }
      print(curation.summaryLines(dryRun: dryRun).map(TerminalText.visible).joined(separator: "\n"))
    }
  }
}
