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
    // List markers and blanks in every form the byte scan must read as the splitter does.
    "12) SQL", "123. SQL", "1.Python", "1.", "7)", "-", "– Python", "— SQL", "-\u{301}SQL", "1\u{301}. SQL",
    "1.\u{301} SQL", "1. \u{301}SQL", " \u{301}Python", "\u{A0}Python\u{A0}", "\u{3000}SQL", "·SQL", "Café",
    "naïve Bayes", "\u{FE0F}SQL", "> quoted", "+ extra", "\t- tabbed",
  ]
  static let separators = [
    ";", "; ", ",", ", ", "/", " / ", "|", "\n", "\r\n", " • ", "\u{0B}", "\u{2028}", " ▪ ", "\r", "\u{0C}",
    "\u{85}", "\u{2029}", " · ", "\n- ", "\n  1. ", "\n• ", "\n\n", "✔", " ➤ ",
  ]

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
    for _ in 0..<6_000 {
      let cell = Self.randomCell(&random)
      let expected = general.normaliseBySplitting(cell: cell)
      #expect(fast.normalise(cell: cell) == expected, "'\(cell)'")
      var ids: [Int32] = []
      if probe.normaliseByMemo(cell, into: &ids) { fastCells += 1 }
    }
    // Both paths must really have been exercised.
    #expect(fastCells > 600)
    #expect(fastCells < 5_900)
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

  /// Characters the byte scan treats specially, and ones it must leave alone.
  static let alphabet: [String] = [
    "a", "b", "C", "+", "-", "*", ">", "1", "2", "3", ".", ")", " ", " ", "\t", ";", ",", "/", "|", "\n", "\r", "\r\n",
    "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "•", "·", "▪", "✔", "–", "—", "\u{301}", "\u{A0}", "\u{3000}",
    "é", "Ｐ", "\u{FE0F}", "\u{200D}", "\u{600}", "ß", "Python", "C++", "SQL", "n/a", "and", "Lean", "Agile",
  ]

  @Test(arguments: [3, 4] as [UInt64])
  func fastPathAgreesWithGeneralPathOnRandomText(seed: UInt64) throws {
    let taxonomy = try TaxonomyFixture.smallTaxonomy()
    var fast = SkillNormaliser(taxonomy: taxonomy)
    var general = SkillNormaliser(taxonomy: taxonomy)
    var probe = SkillNormaliser(taxonomy: taxonomy)
    var random = SplitMix64(seed: seed)
    var fastCells = 0
    for _ in 0..<10_000 {
      var cell = ""
      for _ in 0..<random.int(0...14) { cell += Self.alphabet[random.int(0...(Self.alphabet.count - 1))] }
      #expect(fast.normalise(cell: cell) == general.normaliseBySplitting(cell: cell), "'\(cell.unicodeScalars.map { String($0.value, radix: 16) })'")
      var ids: [Int32] = []
      if probe.normaliseByMemo(cell, into: &ids) { fastCells += 1 }
    }
    #expect(fastCells > 5_000)
    #expect(fastCells < 10_000)
  }

  /// Lists, bullets and accents are common in real cells: the memo must take
  /// them, and answer as the general path does.
  @Test(arguments: [
    "• Python\n• SQL", "- Python\n- Agile and Lean", "1. Python\r\n2. SQL", "Café; naïve Bayes ▪ Ｐｙｔｈｏｎ",
    "Python\u{2028}SQL", "Python · SQL ✔ Data analysis", " * Python\n   > SQL", "Straße\u{85}- SQL",
  ])
  func memoTakesListsBulletsAndAccents(cell: String) throws {
    let taxonomy = try TaxonomyFixture.smallTaxonomy()
    var fast = SkillNormaliser(taxonomy: taxonomy)
    var general = SkillNormaliser(taxonomy: taxonomy)
    var ids: [Int32] = []
    #expect(fast.normaliseByMemo(cell, into: &ids))
    #expect(ids.map { fast.mapping($0) } == general.normaliseBySplitting(cell: cell))
    #expect(!ids.isEmpty)
  }

  @Test(arguments: ["– Python\n– SQL", "-\u{301}SQL", " \u{301}Python", "C / C++; SQL"])
  func memoLeavesUnclearCellsToTheGeneralPath(cell: String) throws {
    var normaliser = SkillNormaliser(taxonomy: try TaxonomyFixture.smallTaxonomy())
    var ids: [Int32] = [7]
    #expect(!normaliser.normaliseByMemo(cell, into: &ids))
    #expect(ids == [7])
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
    var stored: [[UInt8]: Int32] = [:]
    for _ in 0..<20_000 {
      let key = (0..<random.int(0...12)).map { _ in UInt8(random.int(97...100)) }
      let slice = key[...]
      let hash = RawPieceMemo.hash(slice)
      // The two-step lookup the fast path uses agrees with the plain one.
      let slot = memo.slotWithHash(hash)
      #expect(memo.value(slot, ifKeyIs: slice) == memo.find(slice, hash: hash))
      if let value = stored[key] {
        #expect(memo.find(slice, hash: hash) == value)
      } else {
        #expect(memo.find(slice, hash: hash) == nil)
        let value = Int32(random.int(-1_000...1_000))
        memo.insert(slice, hash: hash, value: value)
        stored[key] = value
      }
    }
    #expect(memo.count == stored.count)
    #expect(stored.count > 1_000)
    // A slice that does not start at zero finds the same value.
    let inside: [UInt8] = [0x20] + Array("abc".utf8) + [0x3B]
    let abc = inside[1..<4]
    #expect(memo.find(abc, hash: RawPieceMemo.hash(abc)) == stored[Array("abc".utf8)])
  }

  @Test func rawPieceMemoSettlesFullHashCollisions() {
    // Two keys given the same hash must still get their own values.
    var memo = RawPieceMemo()
    let a = Array("python".utf8)[...], b = Array("pyhton".utf8)[...]
    memo.insert(a, hash: 42, value: 1)
    memo.insert(b, hash: 42, value: 2)
    #expect(memo.find(a, hash: 42) == 1)
    #expect(memo.find(b, hash: 42) == 2)
    #expect(memo.value(memo.slotWithHash(42), ifKeyIs: b) == nil)
    #expect(memo.find(Array("sql".utf8)[...], hash: 42) == nil)
  }

  @Test func mappingIDsAgreeWithMappings() throws {
    let taxonomy = try TaxonomyFixture.smallTaxonomy()
    var byID = SkillNormaliser(taxonomy: taxonomy)
    var plain = SkillNormaliser(taxonomy: taxonomy)
    var random = SplitMix64(seed: 7)
    var ids: [Int32] = []
    var idOfTerm: [String: Int32] = [:]
    for _ in 0..<2_000 {
      let cell = Self.randomCell(&random)
      let before = ids.count
      byID.normalise(cell: cell, into: &ids)
      let mappings = ids[before...].map { byID.mapping($0) }
      #expect(mappings == plain.normalise(cell: cell), "'\(cell)'")
      for id in ids[before...] {
        let mapping = byID.mapping(id)
        #expect(byID.outcome(id) == SkillOutcome(mapping.match))
        #expect(byID.outcome(id).name == (mapping.match.placement?.method.rawValue ?? mapping.match.unplacedReason?.rawValue))
        #expect(Int(id) < byID.mappingCount)
        idOfTerm[mapping.term] = id
      }
      // The same cell again gives the same ids: they are memoised, not minted per call.
      var again: [Int32] = []
      byID.normalise(cell: cell, into: &again)
      #expect(again == Array(ids[before...]))
    }
    #expect(idOfTerm.count > 50)
  }

  @Test(arguments: [1, 2] as [UInt64])
  func fuzzySearchWithWordMemoAgreesWithFreshSearch(seed: UInt64) throws {
    let (taxonomy, cells) = try Self.syntheticTaxonomy(seed: seed)
    let index = taxonomy.index.fuzzy
    var warm = FuzzyScratch(index: index)
    var searched = 0
    for cell in cells.prefix(300) {
      for term in cell.split(separator: ";") {
        let folded = SkillFolding.fold(String(term))
        var cold = FuzzyScratch(index: index)
        #expect(index.search(folded, floor: 600, scratch: &warm) == index.search(folded, floor: 600, scratch: &cold), "'\(folded)'")
        searched += 1
      }
    }
    #expect(searched > 1_000)
    #expect(warm.matchedWords.count > 100)
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
