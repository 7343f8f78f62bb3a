import Testing
@testable import MentorMatch

@Suite struct SkillCellSplitterTests {
  static let cases: [(String, [String])] = [
    ("proj mgmt; Agile delivery, stakeholder engagment, Python/SQL",
     ["proj mgmt", "Agile delivery", "stakeholder engagment", "Python", "SQL"]),
    ("C/C++ | Python", ["C/C++", "Python"]),
    ("c / c++, sql", ["c / c++", "sql"]),
    ("Agile and Lean", ["Agile and Lean"]),
    ("- Python\n- SQL\n* Data analysis", ["Python", "SQL", "Data analysis"]),
    ("1. Python\r\n2) SQL", ["Python", "SQL"]),
    ("Python • SQL ▪ C#", ["Python", "SQL", "C#"]),
    ("N/A", []),
    ("none", []),
    ("Python; n/a; ;;", ["Python"]),
    ("", []),
  ]

  @Test(arguments: cases)
  func splits(_ cell: String, _ expected: [String]) throws {
    let splitter = SkillCellSplitter(taxonomy: try TaxonomyFixture.smallTaxonomy())
    #expect(splitter.split(cell) == expected)
  }
}
