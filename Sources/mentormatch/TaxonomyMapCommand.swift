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
      let settings = try loadSkillSettings(config)
      let loadStart = ContinuousClock.now
      let loaded = try Taxonomy.load(directory: taxonomy)
      let loadTime = ContinuousClock.now - loadStart
      let text = try readTextFile(termsFile)
      let start = ContinuousClock.now
      var normaliser = SkillNormaliser(taxonomy: loaded, settings: settings)
      var writer = CSVWriter(mode: .formulaSafe)
      writer.write(["term", "concept_id", "pref_label", "method", "score"])
      var counts: [String: Int] = [:]
      var rows = 0
      func emit(_ term: String, _ match: SkillMatch) {
        if noOutput {
          counts[match.placement?.method.rawValue ?? match.unplacedReason?.rawValue ?? "", default: 0] += 1
          rows += 1
          return
        }
        if let placement = match.placement {
          writer.write([term, placement.conceptID, placement.prefLabel, placement.method.rawValue, String(placement.score)])
          counts[placement.method.rawValue, default: 0] += 1
        } else {
          let reason = match.unplacedReason?.rawValue ?? ""
          writer.write([term, "", "", reason, String(match.candidates.first?.score ?? 0)])
          counts[reason, default: 0] += 1
        }
        rows += 1
        if writer.bytes.count >= 1 << 20 {
          FileHandle.standardOutput.write(Data(writer.bytes))
          writer = CSVWriter(mode: .formulaSafe)
        }
      }
      for bytes in text.utf8.split(separator: 0x0A) {
        var line = String(Substring(bytes))
        if line.utf8.last == 0x0D { line.removeLast() }
        if cells {
          for mapping in normaliser.normalise(cell: line) { emit(mapping.term, mapping.match) }
        } else {
          let term = line.trimmingCharacters(in: .whitespaces)
          if !term.isEmpty { emit(term, normaliser.match(term: term)) }
        }
      }
      FileHandle.standardOutput.write(Data(writer.bytes))
      if stats {
        let elapsed = ContinuousClock.now - start
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        printError("mapped \(rows) terms (\(normaliser.distinctTermCount) distinct folded) in \(elapsed); taxonomy loaded in \(loadTime); \(summary)")
      }
    }
  }
}

/// Reads `[skills]` from a config file, or the defaults without one.
func loadSkillSettings(_ path: String?) throws -> SkillSettings {
  guard let path else { return .defaults }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw ConfigError(file: path, message: "cannot read the config file")
  }
  let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
  let root = try ConfigSection.parse(String(decoding: data, as: UTF8.self), file: path, baseDirectory: base)
  guard let section = try root.section("skills") else { return .defaults }
  return try SkillSettings(from: section)
}

/// A whole text file (or stdin for '-'), as UTF-8.
func readTextFile(_ path: String) throws -> String {
  if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw InputFileError(path: path)
  }
  return String(decoding: data, as: UTF8.self)
}

/// An input file the command cannot read.
struct InputFileError: Error, CustomStringConvertible, ExitCoded {
  var path: String
  var description: String { "\(path): cannot read the file" }
  var exitStatus: ExitStatus { .noInput }
}
