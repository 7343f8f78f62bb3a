import ArgumentParser

/// `mentormatch taxonomy …`: tools for the skills taxonomy.
struct TaxonomyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "taxonomy",
    abstract: "Check, try out, curate and import skills taxonomies.",
    discussion: """
      Example:
        mentormatch taxonomy check fixtures/taxonomy
        printf 'proj mgmt\\nstakeholder engagment\\n' > /tmp/terms.txt
        mentormatch taxonomy map --taxonomy fixtures/taxonomy /tmp/terms.txt
        mentormatch taxonomy curate --taxonomy my-taxonomy --dry-run skills-curation.csv
      """,
    subcommands: [
      TaxonomyCheckCommand.self,
      TaxonomyMapCommand.self,
      TaxonomyCurateCommand.self,
      TaxonomyImportESCOCommand.self,
      TaxonomyGenerateCommand.self,
    ]
  )
}
