import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch taxonomy import-esco`.
struct TaxonomyImportESCOCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-esco",
    abstract: "Convert an ESCO CSV download into a taxonomy folder.",
    discussion: """
      Download ESCO (CSV, English) from https://esco.ec.europa.eu/en/use-esco/download,
      unzip it, then:

      Example:
        mentormatch taxonomy import-esco --skills esco/skills_en.csv \\
          --broader esco/broaderRelationsSkillPillar_en.csv \\
          --groups esco/skillGroups_en.csv --out taxonomy-esco
      """
  )

  @Option(help: "ESCO's skills_en.csv.")
  var skills: String

  @Option(help: "ESCO's broaderRelationsSkillPillar_en.csv.")
  var broader: String

  @Option(help: "ESCO's skillGroups_en.csv (optional; without it skills lose the groups above them).")
  var groups: String?

  @Option(help: "The folder to write concepts.csv, labels.csv and attribution.txt to.")
  var out: String

  func run() throws {
    try runReportingErrors {
      let result = try ESCOImport.convert(skills: skills, broader: broader, groups: groups)
      _ = try Taxonomy(concepts: result.concepts, attribution: result.attribution)
      try PrivateFiles.write(into: out, [
        "concepts.csv": result.conceptsCSV,
        "labels.csv": result.labelsCSV,
        "attribution.txt": Array(result.attribution.utf8),
      ])
      print("""
        wrote \(out): \(CountedNoun.phrase(result.conceptCount, "concept")), \(CountedNoun.phrase(result.labelCount, "label"))
        skipped \(CountedNoun.phrase(result.skippedConcepts, "concept")) not released, dropped \(CountedNoun.phrase(result.droppedLabels, "clashing label")) and \(CountedNoun.phrase(result.droppedRelations, "relation")) to concepts not kept
        """)
    }
  }
}
