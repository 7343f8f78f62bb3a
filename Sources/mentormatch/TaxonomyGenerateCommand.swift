import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch taxonomy generate` (hidden): a synthetic taxonomy and mentions for the benchmark.
struct TaxonomyGenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Generate a synthetic taxonomy and skill mentions for benchmarks.",
    discussion: """
      Example:
        mentormatch taxonomy generate --concepts 14000 --labels 100000 --people 500000 --out bench-out/tax
      """,
    shouldDisplay: false
  )

  @Option(help: "How many concepts.") var concepts = 14_000
  @Option(help: "How many labels in all, preferred labels included.") var labels = 100_000
  @Option(help: "How many cells (people) in mentions.txt.") var people = 500_000
  @Option(help: "Mentions per cell.") var perPerson = 10
  @Option(help: "How many distinct raw forms mentions are drawn from.") var distinctForms = 200_000
  @Option(help: "The random seed.") var seed: UInt64 = 1
  @Option(help: "The folder to write concepts.csv, labels.csv and mentions.txt to.") var out: String

  func validate() throws {
    guard concepts >= 100 else { throw ValidationError("'--concepts' must be at least 100") }
    guard labels >= concepts else { throw ValidationError("'--labels' must be at least '--concepts'") }
  }

  func run() throws {
    try runReportingErrors {
      let generated = SyntheticTaxonomy(concepts: concepts, labels: labels, people: people, perPerson: perPerson, distinctForms: distinctForms, seed: seed)
      try PrivateFiles.write(into: out, [
        "concepts.csv": generated.conceptsCSV,
        "labels.csv": generated.labelsCSV,
        "mentions.txt": Array(generated.mentionsText.utf8),
        "attribution.txt": Array("Synthetic taxonomy generated for benchmarks (seed \(seed)).\n".utf8),
      ])
    }
  }
}
