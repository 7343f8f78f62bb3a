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
      let text = try readTextFile(termsFile)
      let start = ContinuousClock.now
      var normaliser = SkillNormaliser(taxonomy: loaded, settings: settings)
      var header = CSVWriter(mode: .formulaSafe)
      header.write(["term", "concept_id", "pref_label", "method", "score"])
      var out = header.bytes
      var counts: [String: Int] = [:]
      var rows = 0
      func row(_ term: String, _ match: SkillMatch) -> [UInt8] {
        var writer = CSVWriter(mode: .formulaSafe)
        if let placement = match.placement {
          writer.write([term, placement.conceptID, placement.prefLabel, placement.method.rawValue, String(placement.score)])
        } else {
          writer.write([term, "", "", match.unplacedReason?.rawValue ?? "", String(match.candidates.first?.score ?? 0)])
        }
        return writer.bytes
      }
      func flush() {
        guard out.count >= 1 << 20 else { return }
        FileHandle.standardOutput.write(Data(out))
        out.removeAll(keepingCapacity: true)
      }
      // Cells come back as mapping ids: each distinct mapping's row is
      // written once and then copied, and counting hashes no strings.
      var outcomeCounts = Array(repeating: 0, count: SkillOutcome.allCases.count)
      var rowBytes: [UInt8] = []
      var rowStart: [Int] = [0]
      var ids: [Int32] = []
      // Flags read once: a property wrapper's getter per line was 2% of the time.
      let cells = self.cells, noOutput = self.noOutput
      let utf8 = text.utf8
      var lineStart = utf8.startIndex
      while lineStart < utf8.endIndex {
        let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
        defer { lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd }
        guard lineStart < lineEnd else { continue }
        var line = String(Substring(utf8[lineStart..<lineEnd]))
        if line.utf8.last == 0x0D { line.removeLast() }
        if cells {
          ids.removeAll(keepingCapacity: true)
          normaliser.normalise(cell: line, into: &ids)
          rows += ids.count
          for id in ids {
            outcomeCounts[normaliser.outcome(id).rawValue] += 1
            if noOutput { continue }
            let id = Int(id)
            while rowStart.count <= id + 1 {
              let mapping = normaliser.mapping(Int32(rowStart.count - 1))
              rowBytes += row(mapping.term, mapping.match)
              rowStart.append(rowBytes.count)
            }
            out.append(contentsOf: rowBytes[rowStart[id]..<rowStart[id + 1]])
            flush()
          }
        } else {
          let term = line.trimmingCharacters(in: .whitespaces)
          guard !term.isEmpty else { continue }
          let match = normaliser.match(term: term)
          counts[SkillOutcome(match).name, default: 0] += 1
          rows += 1
          if noOutput { continue }
          out += row(term, match)
          flush()
        }
      }
      for outcome in SkillOutcome.allCases where outcomeCounts[outcome.rawValue] > 0 {
        counts[outcome.name, default: 0] += outcomeCounts[outcome.rawValue]
      }
      FileHandle.standardOutput.write(Data(out))
      if stats {
        let elapsed = ContinuousClock.now - start
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        printError("mapped \(CountedNoun.phrase(rows, "term")) (\(normaliser.distinctTermCount) distinct folded) in \(elapsed); taxonomy loaded in \(loadTime); \(summary)")
      }
    }
  }
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
