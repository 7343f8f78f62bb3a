import Foundation

/// `mentormatch taxonomy map`: typed skills, one a line, through the
/// normalisation cascade (``SkillNormaliser``), as formula-safe CSV
/// (RFC 4180, CRLF): `term,concept_id,pref_label,method,score`.
///
/// For a placed term, `method` is how it was placed and `score` its score;
/// for an unplaced one `concept_id` and `pref_label` are empty, `method` is
/// the reason and `score` the best candidate's. The bytes go out in chunks of
/// at least ``chunkSize`` (the last one smaller), so memory stays flat
/// however long the terms file.
public struct SkillTermMapper {
  /// What a mapping did, for `--stats`.
  public struct Summary: Sendable, Equatable {
    /// Terms mapped (with cells, the terms split out of them).
    public var terms = 0
    /// Distinct folded terms the cascade saw.
    public var distinctFoldedTerms = 0
    /// Terms per outcome, indexed by ``SkillOutcome/rawValue``.
    public var byOutcome = Array(repeating: 0, count: SkillOutcome.allCases.count)

    /// The counts by method or reason, in name order, leaving out those
    /// with none: `exact 2, no-candidate 1`.
    public var countsDescription: String {
      SkillOutcome.allCases.filter { byOutcome[$0.rawValue] > 0 }
        .map { (name: $0.name, count: byOutcome[$0.rawValue]) }
        .sorted { $0.name < $1.name }
        .map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }
  }

  /// Output is handed over once this many bytes are ready: 1 MiB.
  public static let chunkSize = 1 << 20

  private var normaliser: SkillNormaliser
  private let splitsCells: Bool
  private let writesRows: Bool

  /// - Parameters:
  ///   - cells: read each line as a whole cell and split it into terms
  ///     first (``SkillNormaliser/normalise(cell:into:)``), as a run does.
  ///   - writesRows: false to map every term but write only the header
  ///     (to time normalisation alone).
  public init(taxonomy: Taxonomy, settings: SkillSettings = .defaults, cells: Bool = false, writesRows: Bool = true) {
    normaliser = SkillNormaliser(taxonomy: taxonomy, settings: settings)
    splitsCells = cells
    self.writesRows = writesRows
  }

  /// Maps every non-blank line of `text` (LF or CRLF line ends) and hands
  /// the CSV, header first, to `write` in chunks.
  public mutating func map(_ text: String, write: ([UInt8]) throws -> Void) rethrows -> Summary {
    var header = CSVWriter(mode: .formulaSafe)
    header.write(["term", "concept_id", "pref_label", "method", "score"])
    var out = header.bytes
    var summary = Summary()
    func row(_ term: String, _ match: SkillMatch) -> [UInt8] {
      var writer = CSVWriter(mode: .formulaSafe)
      if let placement = match.placement {
        writer.write([term, placement.conceptID, placement.prefLabel, placement.method.rawValue, String(placement.score)])
      } else {
        writer.write([term, "", "", match.unplacedReason?.rawValue ?? "", String(match.candidates.first?.score ?? 0)])
      }
      return writer.bytes
    }
    // Cells come back as mapping ids: each distinct mapping's row is
    // written once and then copied, and counting hashes no strings.
    var rowBytes: [UInt8] = []
    var rowStart: [Int] = [0]
    var ids: [Int32] = []
    let cells = splitsCells, writesRows = writesRows
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
        summary.terms += ids.count
        for id in ids {
          summary.byOutcome[normaliser.outcome(id).rawValue] += 1
          guard writesRows else { continue }
          let id = Int(id)
          while rowStart.count <= id + 1 {
            let mapping = normaliser.mapping(Int32(rowStart.count - 1))
            rowBytes += row(mapping.term, mapping.match)
            rowStart.append(rowBytes.count)
          }
          out.append(contentsOf: rowBytes[rowStart[id]..<rowStart[id + 1]])
          if out.count >= Self.chunkSize {
            try write(out)
            out.removeAll(keepingCapacity: true)
          }
        }
      } else {
        let term = line.trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty else { continue }
        let match = normaliser.match(term: term)
        summary.byOutcome[SkillOutcome(match).rawValue] += 1
        summary.terms += 1
        guard writesRows else { continue }
        out += row(term, match)
        if out.count >= Self.chunkSize {
          try write(out)
          out.removeAll(keepingCapacity: true)
        }
      }
    }
    try write(out)
    summary.distinctFoldedTerms = normaliser.distinctTermCount
    return summary
  }
}
