import Testing
@testable import MentorMatch

@Suite struct SkillFoldingTests {
  static let cases: [(String, String)] = [
    ("Stakeholder Management", "stakeholder management"),
    ("  stakeholder   management  ", "stakeholder management"),
    ("Project-Management!", "project management"),
    ("C++", "c++"),
    ("c#", "c#"),
    ("F# and C#", "f# and c#"),
    (".NET", ".net"),
    ("ASP.NET", "asp net"),
    ("Notepad++ tips", "notepad++ tips"),
    ("python+sql", "python sql"),
    ("R&D", "r and d"),
    ("Health & Safety", "health and safety"),
    ("people's skills", "peoples skills"),
    ("don’t panic", "dont panic"),
    ("ＰＹＴＨＯＮ", "python"),  // full-width letters (NFKC)
    ("ﬁnance", "finance"),  // ligature (NFKC)
    ("Straße", "strasse"),  // full case folding
    ("ΣΟΦΟΣ", "σοφοσ"),  // final sigma folds to σ
    ("Café", "café"),
    ("Cafe\u{301}", "café"),  // combining accent composed by NFKC
    ("INTEGRATION", "integration"),  // no Turkish dotless i, whatever the locale
    ("Excel (advanced)", "excel advanced"),
    ("---", ""),
    ("", ""),
    ("Level 3 / 4", "level 3 4"),
  ]

  @Test(arguments: cases)
  func folds(_ input: String, _ expected: String) {
    #expect(SkillFolding.fold(input) == expected)
  }

  @Test(arguments: cases)
  func foldingIsIdempotent(_ input: String, _ expected: String) {
    #expect(SkillFolding.fold(SkillFolding.fold(input)) == SkillFolding.fold(input))
  }
}

@Suite struct SkillVariantsTests {
  @Test(arguments: [
    ("organization", "organisation"), ("analyze", "analyse"), ("prioritizing", "prioritising"),
    ("behavior", "behaviour"), ("modeling", "modelling"), ("center", "centre"), ("size", "size"),
  ])
  func spellsTheUKWay(_ us: String, _ uk: String) {
    #expect(SkillVariants.ukSpelling(us) == uk)
  }

  @Test(arguments: [
    ("policies", "policy"), ("skills", "skill"), ("processes", "process"), ("analysis", "analysis"),
    ("business", "business"), ("status", "status"), ("gas", "gas"), ("coaches", "coach"),
  ])
  func stripsSimplePlurals(_ plural: String, _ singular: String) {
    #expect(SkillVariants.singular(plural) == singular)
  }

  @Test func clusterKeyGroupsMisspellings() {
    #expect(SkillVariants.clusterKey("stakeholder engagment") == SkillVariants.clusterKey("stakeholder engagement"))
    #expect(SkillVariants.clusterKey("managment") == SkillVariants.clusterKey("management"))
    #expect(SkillVariants.clusterKey("python") != SkillVariants.clusterKey("management"))
  }

  @Test func editDistanceCountsTranspositionsOnce() {
    var distance = EditDistance()
    func d(_ a: String, _ b: String) -> Int { distance.distance(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value)) }
    #expect(d("coaching", "coahcing") == 1)
    #expect(d("kitten", "sitting") == 3)
    #expect(d("", "abc") == 3)
    #expect(d("ca", "abc") == 3)  // optimal string alignment, not unrestricted Damerau
    #expect(distance.similarity([1, 2, 3, 4], [1, 2, 3, 5]) == 750)
  }
}
