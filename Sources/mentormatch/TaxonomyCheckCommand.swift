import ArgumentParser
import MentorMatch

/// `mentormatch taxonomy check DIR`.
struct TaxonomyCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate a taxonomy folder and print its counts.",
    discussion: """
      Exits 0 when the taxonomy loads, 65 with every problem (file:line) when it
      does not, 66 when the folder or concepts.csv is missing.

      Example:
        mentormatch taxonomy check fixtures/taxonomy
      """
  )

  @Argument(help: "The taxonomy folder (concepts.csv, labels.csv, attribution.txt).")
  var directory: String

  func run() throws {
    try runReportingErrors {
      let taxonomy = try Taxonomy.load(directory: directory)
      let stats = taxonomy.statistics
      var lines = ["taxonomy \(directory): ok"]
      lines.append("concepts: \(stats.concepts) (deprecated: \(stats.deprecated))")
      lines.append("by scheme:")
      lines += stats.byScheme.map { "  \($0.scheme): \($0.count)" }
      lines.append("by level:")
      lines += stats.byLevel.map { "  \($0.level): \($0.count)" }
      lines.append("labels:")
      lines += stats.byLabelKind.map { "  \($0.kind.rawValue): \($0.count)" }
      lines.append("attribution: \(taxonomy.attribution == nil ? "none" : "attribution.txt")")
      print(lines.joined(separator: "\n"))
    }
  }
}
