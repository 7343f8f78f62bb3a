import Testing
@testable import MentorMatch

@Suite struct SkillNormaliserTests {
  static func normaliser(_ settings: SkillSettings = .defaults) throws -> SkillNormaliser {
    SkillNormaliser(taxonomy: try TaxonomyFixture.smallTaxonomy(), settings: settings)
  }

  /// Term, expected concept, expected method.
  static let placed: [(String, String, SkillMatchMethod)] = [
    ("Project Management", "skill:project-management", .exact),
    ("PM", "skill:project-management", .exact),
    ("Management, project", "skill:project-management", .fingerprint),
    ("stakeholders managing", "skill:stakeholder-management", .fingerprint),
    ("Stakeholder Managements", "skill:stakeholder-management", .variant),  // plural
    ("organizational change", "skill:organisational-change", .variant),  // US spelling
    ("Data visualization", "skill:data-visualisation", .variant),
    ("risk mgmt", "skill:risk-management", .variant),  // abbreviation learnt from "proj mgmt"
    ("agile pm", "skill:agile", .variant),  // "pm" learnt as the initials of "project management"
    ("Programe managment", "skill:programme-management", .fuzzy),
    ("stakholder managment", "skill:stakeholder-management", .fuzzy),
    ("stakeholder engagment", "skill:stakeholder-management", .exact),  // a hidden label of a deprecated concept
  ]

  @Test(arguments: placed)
  func placesTerm(_ term: String, _ concept: String, _ method: SkillMatchMethod) throws {
    var normaliser = try Self.normaliser()
    let match = normaliser.match(term: term)
    #expect(match.placement?.conceptID == concept, "\(term): \(match)")
    #expect(match.placement?.method == method, "\(term): \(match)")
    if method == .fuzzy {
      #expect((880..<1000).contains(match.placement?.score ?? 0))
    } else {
      #expect(match.placement?.score == 1000)
    }
  }

  @Test(arguments: ["management", "Management.", "data", "project", "manager", "analysis"])
  func neverPlacesByWordSubset(_ term: String) throws {
    var normaliser = try Self.normaliser()
    let match = normaliser.match(term: term)
    #expect(match.placement == nil, "\(term): \(match)")
  }

  @Test func wordSubsetIsRejectedEvenWithLowThresholds() throws {
    var normaliser = try Self.normaliser(SkillSettings(acceptThreshold: 300, acceptMargin: 0, reviewThreshold: 100, minimumFuzzyLength: 1))
    #expect(normaliser.match(term: "management").placement == nil)
    #expect(normaliser.match(term: "project").placement == nil)
    #expect(SkillNormaliser.isStrictWordSubset("management", "project management"))
    #expect(!SkillNormaliser.isStrictWordSubset("stake holder management", "stakeholder management"))
  }

  @Test func closeCallBetweenTwoConceptsIsAmbiguous() throws {
    var normaliser = try Self.normaliser()
    let match = normaliser.match(term: "policy analytis")
    #expect(match.placement == nil)
    #expect(match.unplacedReason == .ambiguous)
    #expect(match.candidates.prefix(2).map(\.conceptID) == ["skill:policy-analytics", "skill:policy-analysis"])
    // With no margin required the leader wins.
    var lenient = try Self.normaliser(SkillSettings(acceptMargin: 0))
    #expect(lenient.match(term: "policy analytis").placement?.conceptID == "skill:policy-analytics")
  }

  @Test func reviewBandAndNoCandidate() throws {
    var normaliser = try Self.normaliser()
    let review = normaliser.match(term: "stakehlder mangemnt")
    #expect(review.placement == nil)
    #expect(review.unplacedReason == .belowThreshold, "\(review)")
    #expect(review.candidates.first?.conceptID == "skill:stakeholder-management")
    let nothing = normaliser.match(term: "underwater basket weaving")
    #expect(nothing.unplacedReason == .noCandidate)
    #expect(nothing.candidates.isEmpty)
  }

  @Test func shortTermsAreNeverFuzzyPlaced() throws {
    var normaliser = try Self.normaliser()
    // One edit in six letters scores 833: reviewed, not placed.
    #expect(normaliser.match(term: "pyhton").unplacedReason == .belowThreshold)
    #expect(normaliser.match(term: "pyhton").candidates.first == SkillCandidate(conceptID: "skill:python", prefLabel: "Python", score: 833))
    #expect(normaliser.match(term: "sqll").placement == nil)
    #expect(normaliser.match(term: "sqll").unplacedReason == .belowThreshold)
  }

  @Test func splitsOnAndOnlyWhenEveryPartIsPlaced() throws {
    var normaliser = try Self.normaliser()
    #expect(normaliser.normalise(cell: "Python and SQL").map(\.match.conceptID) == ["skill:python", "skill:sql"])
    #expect(normaliser.normalise(cell: "Agile and Lean").map(\.match.conceptID) == ["skill:agile-lean"])
    #expect(normaliser.normalise(cell: "Health & Safety").map(\.match.conceptID) == ["skill:health-safety"])
    let mixed = normaliser.normalise(cell: "Python and knitting")
    #expect(mixed.map(\.term) == ["Python and knitting"])
    #expect(mixed.first?.match.placement == nil)
    var noSplit = try Self.normaliser(SkillSettings(splitOnAnd: false))
    #expect(noSplit.normalise(cell: "Python and SQL").count == 1)
  }

  @Test func normalisesAWholeCell() throws {
    var normaliser = try Self.normaliser()
    let mappings = normaliser.normalise(cell: "proj mgmt; Agile delivery, stakeholder engagment, Python/SQL, C/C++")
    #expect(mappings.map(\.term) == ["proj mgmt", "Agile delivery", "stakeholder engagment", "Python", "SQL", "C/C++"])
    #expect(mappings.map(\.match.conceptID) == [
      "skill:project-management", "skill:agile", "skill:stakeholder-management", "skill:python", "skill:sql", "skill:c-cpp",
    ])
  }

  @Test func isDeterministicAndMemoised() throws {
    let terms = ["pyhton", "stakholder managment", "policy analytis", "Programe managment", "stakeholder engagment", "data", "risk mgmt", "agile pm"]
    var first = try Self.normaliser()
    var second = try Self.normaliser()
    let forward = terms.map { first.match(term: $0) }
    let backward = terms.reversed().map { second.match(term: $0) }.reversed()
    #expect(forward == Array(backward))
    #expect(first.match(term: "PYHTON") == first.match(term: "pyhton"))
    #expect(first.distinctTermCount == terms.count)
  }

  /// Seeded property test: the indexed fuzzy search finds the same best concept
  /// and score as scoring every label by brute force, for misspelt labels.
  @Test func fuzzyIndexAgreesWithBruteForce() throws {
    let taxonomy = try TaxonomyFixture.smallTaxonomy()
    let index = taxonomy.index.fuzzy
    var scratch = FuzzyScratch(index: index)
    var distance = EditDistance()
    var random = SplitMix64(seed: 42)
    var compared = 0
    for _ in 0..<500 {
      let label = index.labelText[random.int(0...(index.labelText.count - 1))]
      let term = SkillFolding.fold(SyntheticTaxonomy.misspell(label, random: &random))
      // Misspellings that join two words are out of the word index's reach by design.
      guard !term.isEmpty, SkillFolding.words(term).count == SkillFolding.words(label).count else { continue }
      let termScalars = term.unicodeScalars.map(\.value)
      var best: [Int32: Int] = [:]
      for (labelID, scalars) in index.labelScalars.enumerated() {
        let score = distance.similarity(termScalars, scalars)
        best[index.labelConcept[labelID]] = max(best[index.labelConcept[labelID]] ?? 0, score)
      }
      let bruteTop = best.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
      let found = index.search(term, floor: 750, scratch: &scratch)
      guard let bruteTop, bruteTop.value >= 880 else { continue }
      compared += 1
      // Every label within the allowed edits per word is reachable through the word index.
      #expect(found.first?.score == bruteTop.value, "\(term) \(found)")
      #expect(found.first?.concept == bruteTop.key, "'\(term)' from '\(label)'")
    }
    #expect(compared > 100)
  }
}

extension SkillMatch {
  func with(folded: String) -> SkillMatch {
    var copy = self
    copy.folded = folded
    return copy
  }
}
