import Foundation
import Testing
@testable import MentorMatch

@Suite struct SkillCurationReportTests {
  /// Compares bytes with `Tests/MentorMatchTests/Snapshots/<name>`, recording it when
  /// `RECORD_SNAPSHOTS=1`.
  static func assertSnapshot(_ bytes: [UInt8], named name: String) throws {
    let url = TaxonomyFixture.repositoryRoot.appendingPathComponent("Tests/MentorMatchTests/Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(bytes).write(to: url)
      return
    }
    let recorded = try #require(FileManager.default.contents(atPath: url.path), "no snapshot \(name); run with RECORD_SNAPSHOTS=1")
    #expect(String(decoding: recorded, as: UTF8.self) == String(decoding: bytes, as: UTF8.self), "\(name) differs")
  }

  static func mentions() throws -> [SkillMention] {
    var normaliser = SkillNormaliser(taxonomy: try TaxonomyFixture.smallTaxonomy())
    let cells: [(person: String, side: SkillSide, cell: String)] = [
      ("p1", .offered, "Python; underwater basket weaving; Programe managment"),
      ("p2", .offered, "Underwater basket-weaving, policy analytis, =HYPERLINK(\"x\")"),
      ("p2", .wanted, "underwater basket weaving; stakehlder mangemnt"),
      ("p3", .wanted, "Stakehlder Mangemnt; knitting; mail me at someone@example.org"),
      ("p4", .wanted, "knitting, Programe managment, pyhton"),
      ("p5", .offered, "Knitting"),
    ]
    return cells.flatMap { entry in
      normaliser.normalise(cell: entry.cell).map { SkillMention(mapping: $0, side: entry.side, personID: entry.person) }
    }
  }

  @Test func curationCSVMatchesGolden() throws {
    let report = SkillCurationReport(mentions: try Self.mentions())
    try Self.assertSnapshot(report.curationCSV, named: "curationCSVMatchesGolden.csv")
    #expect(report.unplacedTerms == 6)
    #expect(report.withheldTerms == 1)
  }

  @Test func fuzzyAuditMatchesGolden() throws {
    let report = SkillCurationReport(mentions: try Self.mentions())
    try Self.assertSnapshot(report.fuzzyAuditCSV, named: "fuzzyAuditMatchesGolden.csv")
    #expect(report.fuzzyTerms == 1)
  }

  @Test func orderOfMentionsDoesNotMatter() throws {
    let mentions = try Self.mentions()
    #expect(SkillCurationReport(mentions: mentions) == SkillCurationReport(mentions: mentions.reversed()))
  }

  /// Which terms are withheld for holding `@` is decided by Character, as
  /// before the byte test in front of it: an `@` joined to a combining mark
  /// is another character, and such a term is kept.
  @Test func termsHoldingAnAtSignAreWithheldByCharacter() {
    let terms = ["x@y", "@lead", "a@\u{301}b", "plain", "tail@"]
    let mentions = terms.map { term in
      SkillMention(
        term: term, match: SkillMatch(folded: term, placement: nil, unplacedReason: .noCandidate, candidates: []),
        side: .wanted, personID: "p")
    }
    let report = SkillCurationReport(mentions: mentions)
    #expect(report.withheldTerms == terms.filter { $0.contains("@") }.count)
    #expect(report.withheldTerms == 3)
    #expect(report.unplacedTerms == 2)
    let text = String(decoding: report.curationCSV, as: UTF8.self)
    #expect(text.contains("a@\u{301}b") && !text.contains("x@y") && !text.contains("tail@"))
  }

  @Test func holdsNoPersonIDsOrAddresses() throws {
    let report = SkillCurationReport(mentions: try Self.mentions())
    let text = String(decoding: report.curationCSV + report.fuzzyAuditCSV, as: UTF8.self)
    #expect(!text.contains("@"))
    #expect(!text.contains("p1") && !text.contains("p2,"))
    #expect(text.contains("'=HYPERLINK") || !text.contains("=HYPERLINK"))
  }
}

@Suite struct SkillSettingsTests {
  static func section(_ toml: String) throws -> ConfigSection {
    let root = try ConfigSection.parse(toml, file: "mentormatch.toml", baseDirectory: "/etc/mentormatch")
    return try #require(try root.section("skills"))
  }

  @Test func readsEveryKey() throws {
    let settings = try SkillSettings(from: Self.section("""
      [skills]
      taxonomy = "taxonomy"
      accept_threshold = 900
      accept_margin = 60
      review_threshold = 700
      min_fuzzy_length = 4
      split_on_and = false
      """))
    #expect(settings == SkillSettings(taxonomy: "/etc/mentormatch/taxonomy", acceptThreshold: 900, acceptMargin: 60, reviewThreshold: 700, minimumFuzzyLength: 4, splitOnAnd: false))
  }

  @Test func emptySectionGivesDefaults() throws {
    #expect(try SkillSettings(from: Self.section("[skills]\n")) == .defaults)
  }

  @Test(arguments: [
    ("[skills]\nacept_threshold = 900\n", "mentormatch.toml:2: skills.acept_threshold: unknown key"),
    ("[skills]\naccept_threshold = 2000\n", "mentormatch.toml:2: skills.accept_threshold: 2000 is out of range (1 to 1000)"),
    ("[skills]\naccept_threshold = 'high'\n", "mentormatch.toml:2: skills.accept_threshold: expected a whole number, got a string"),
    ("[skills]\naccept_threshold = 700\nreview_threshold = 800\n", "mentormatch.toml:3: skills.review_threshold: 800 is above accept_threshold (700)"),
  ])
  func rejectsBadValues(_ toml: String, _ message: String) throws {
    let section = try Self.section(toml)
    #expect(throws: ConfigError.self) { try SkillSettings(from: section) }
    do {
      _ = try SkillSettings(from: Self.section(toml))
    } catch {
      #expect("\(error)" == message)
    }
  }
}
