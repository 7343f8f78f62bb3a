import Testing
@testable import MentorMatch

/// The speed-ups of the normaliser (issue 3's benchmark) checked against the
/// simple paths they replace, on seeded random input.
@Suite struct SkillNormaliserFastPathTests {
  static func syntheticTaxonomy(seed: UInt64) throws -> (Taxonomy, [String]) {
    let generated = SyntheticTaxonomy(concepts: 300, labels: 1_500, people: 400, perPerson: 10, distinctForms: 1_500, seed: seed)
    let folder = try TaxonomyFixture.folder([
      "concepts.csv": String(decoding: generated.conceptsCSV, as: UTF8.self),
      "labels.csv": String(decoding: generated.labelsCSV, as: UTF8.self),
    ])
    let cells = generated.mentionsText.split(separator: "\n").map(String.init)
    return (try Taxonomy.load(directory: folder), cells)
  }

  /// Pieces people type, including everything the fast path hands to the general path.
  static let pieces = [
    "Project management", "PM", "proj mgmt", "Management, project", "stakeholder engagment", "Python", "SQL",
    "C", "C++", "c / c++", "C#", ".NET", "Agile and Lean", "Python and SQL", "Python and knitting", "Health & Safety",
    "Data visualization", "Programe managment", "policy analytis", "pyhton", "n/a", "N/A", "none", "", "  ", "management",
    "Risk Mgmt", "agile pm", "Ｐｙｔｈｏｎ", "Straße", "underwater basket weaving", "1. Python", "- SQL", "* Data analysis",
    "Stakeholder Managements", "data viz", "structured query language", "3D modelling", "C/C++",
  ]
  static let separators = [";", "; ", ",", ", ", "/", " / ", "|", "\n", "\r\n", " • ", "\u{0B}", "\u{2028}", " ▪ "]

  static func randomCell(_ random: inout SplitMix64) -> String {
    var cell = random.int(0...5) == 0 ? "  " : ""
    for position in 0..<random.int(1...6) {
      if position > 0 { cell += separators[random.int(0...(separators.count - 1))] }
      var piece = pieces[random.int(0...(pieces.count - 1))]
      switch random.int(0...9) {
      case 0: piece = piece.uppercased()
      case 1: piece = SyntheticTaxonomy.misspell(piece, random: &random)
      case 2: piece = " " + piece + " "
      default: break
      }
      cell += piece
    }
    return cell
  }

  @Test func fastPathAgreesWithGeneralPathOnTypedCells() throws {
    let taxonomy = try TaxonomyFixture.smallTaxonomy()
    var fast = SkillNormaliser(taxonomy: taxonomy)
    var general = SkillNormaliser(taxonomy: taxonomy)
    var probe = SkillNormaliser(taxonomy: taxonomy)
    var random = SplitMix64(seed: 2026)
    var fastCells = 0
    for _ in 0..<3_000 {
      let cell = Self.randomCell(&random)
      let expected = general.normaliseBySplitting(cell: cell)
      #expect(fast.normalise(cell: cell) == expected, "'\(cell)'")
      if probe.normaliseSingleLine(cell) != nil { fastCells += 1 }
    }
    // Both paths must really have been exercised.
    #expect(fastCells > 300)
    #expect(fastCells < 2_800)
  }

  @Test(arguments: [1, 2] as [UInt64])
  func fastPathAgreesWithGeneralPathOnBenchmarkCells(seed: UInt64) throws {
    let (taxonomy, cells) = try Self.syntheticTaxonomy(seed: seed)
    var fast = SkillNormaliser(taxonomy: taxonomy)
    var general = SkillNormaliser(taxonomy: taxonomy)
    for cell in cells {
      #expect(fast.normalise(cell: cell) == general.normaliseBySplitting(cell: cell), "'\(cell)'")
    }
    #expect(fast.distinctTermCount == general.distinctTermCount)
  }

  @Test func protectedLabelsStillMerge() throws {
    var normaliser = SkillNormaliser(taxonomy: try TaxonomyFixture.smallTaxonomy())
    #expect(normaliser.normalise(cell: "C/C++; SQL").map(\.term) == ["C/C++", "SQL"])
    #expect(normaliser.normalise(cell: "SQL; C").map(\.term) == ["SQL", "C"])
    #expect(normaliser.normalise(cell: "C; SQL").map(\.term) == ["C", "SQL"])
  }

  @Test(arguments: [1, 2] as [UInt64])
  func deleteTableAgreesWithBinarySearch(seed: UInt64) throws {
    let index = try Self.syntheticTaxonomy(seed: seed).0.index.fuzzy
    var random = SplitMix64(seed: seed)
    // Every stored key gives the same run; keys never stored give nothing.
    for key in index.deleteKeys {
      #expect(index.deleteRange(key) == index.deleteRangeBySearch(key))
    }
    for _ in 0..<5_000 {
      let key = random.next()
      #expect(index.deleteRange(key).isEmpty == index.deleteRangeBySearch(key).isEmpty)
      #expect(Array(index.deleteWords[index.deleteRange(key)]) == Array(index.deleteWords[index.deleteRangeBySearch(key)]))
    }
    #expect(index.deleteRange(index.deleteKeys[0]).count >= 1)
  }

  @Test func rawPieceMemoFindsExactlyWhatItStored() {
    var memo = RawPieceMemo()
    var random = SplitMix64(seed: 99)
    var stored: [[UInt8]: Int] = [:]
    for _ in 0..<20_000 {
      let key = (0..<random.int(0...12)).map { _ in UInt8(random.int(97...100)) }
      let slice = key[...]
      let hash = RawPieceMemo.hash(slice)
      if let entry = stored[key] {
        #expect(memo.find(slice, hash: hash) == entry)
      } else {
        #expect(memo.find(slice, hash: hash) == nil)
        stored[key] = memo.insert(slice, hash: hash)
      }
    }
    #expect(memo.count == stored.count)
    #expect(Set(stored.values) == Set(0..<stored.count))
    // A slice that does not start at zero finds the same entry.
    let inside: [UInt8] = [0x20] + Array("abc".utf8) + [0x3B]
    let abc = inside[1..<4]
    #expect(memo.find(abc, hash: RawPieceMemo.hash(abc)) == stored[Array("abc".utf8)])
  }

  @Test func sharedMatchesCopyOnWrite() throws {
    var normaliser = SkillNormaliser(taxonomy: try TaxonomyFixture.smallTaxonomy())
    let original = normaliser.match(term: "PM")
    var changed = original
    changed.folded = "other"
    #expect(original.folded == "pm")
    #expect(changed.folded == "other")
    #expect(changed.placement == original.placement)
    #expect(changed != original)
    #expect(normaliser.match(term: "PM") == original)
  }
}
