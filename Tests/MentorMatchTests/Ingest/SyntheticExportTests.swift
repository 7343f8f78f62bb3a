import Foundation
import Testing

@testable import MentorMatch

private func temporaryDirectory(_ name: String) -> String {
  let path = NSTemporaryDirectory() + "mentormatch-synthetic-\(name)-\(getpid())"
  try? FileManager.default.removeItem(atPath: path)
  return path
}

@Suite struct SyntheticExportTests {
  @Test func sameSeedGivesSameRowsAndOtherSeedsDiffer() {
    let a = SyntheticExport(settings: SyntheticExportSettings(people: 300, seed: 7, badRowShare: 0.1))
    let b = SyntheticExport(settings: SyntheticExportSettings(people: 300, seed: 7, badRowShare: 0.1))
    let c = SyntheticExport(settings: SyntheticExportSettings(people: 300, seed: 8, badRowShare: 0.1))
    let rowsA = (0..<300).map(a.row)
    #expect(rowsA == (0..<300).map(b.row))
    #expect(rowsA.map(\.fields) != (0..<300).map(c.row).map(\.fields))
    // Rows are index-addressable: building row 250 alone gives the same row.
    #expect(a.row(250) == rowsA[250])
  }

  @Test func writtenFilesAreByteForByteTheSameForASeed() throws {
    let settings = SyntheticExportSettings(people: 2_500, seed: 99, cohorts: 3, badRowShare: 0.03)
    let first = temporaryDirectory("bytes-a")
    let second = temporaryDirectory("bytes-b")
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    _ = try SyntheticExportFiles.write(SyntheticExport(settings: settings), to: first)
    _ = try SyntheticExportFiles.write(SyntheticExport(settings: settings), to: second)
    for name in ["signups.csv", "mentormatch.toml"] {
      let a = try #require(FileManager.default.contents(atPath: first + "/" + name))
      let b = try #require(FileManager.default.contents(atPath: second + "/" + name))
      #expect(a == b, "\(name) differs between two runs with one seed")
    }
  }

  @Test(arguments: [(0.0, UInt64(1)), (0.05, UInt64(2)), (0.15, UInt64(3))])
  func exportValidatesWithTheExpectedCounts(badShare: Double, seed: UInt64) throws {
    let directory = temporaryDirectory("ingest-\(seed)")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let export = SyntheticExport(
      settings: SyntheticExportSettings(people: 4_000, seed: seed, cohorts: 5, badRowShare: badShare))
    let tally = try SyntheticExportFiles.write(export, to: directory)
    #expect(tally.rows == 4_000)
    if badShare > 0 {
      // Every kind of bad row appears, near the asked share.
      #expect(Set(tally.badByReason.keys) == [.unknownGrade, .badEmail, .missingField, .noConsent])
      #expect(abs(Double(tally.bad) / 4_000 - badShare) < 0.02)
    } else {
      #expect(tally.bad == 0)
    }

    let config = try MentorMatchConfig.load(path: directory + "/mentormatch.toml")
    let result = try SignupIngest.read(settings: config.input)
    #expect(result.recordsRead == 4_000)
    #expect(result.superseded.isEmpty)
    #expect(result.signups.count == tally.good)
    // Each bad row is rejected for exactly the fault it was given.
    #expect(result.rejected.allSatisfy { $0.problems.count == 1 })
    var rejected: [RejectReason: Int] = [:]
    for record in result.rejected { rejected[record.reason, default: 0] += 1 }
    #expect(rejected == tally.badByReason)
    var roles: [Role: Int] = [:]
    for signup in result.signups { roles[signup.role, default: 0] += 1 }
    #expect(roles == tally.goodByRole)
    var cohorts: Set<String> = []
    for signup in result.signups { cohorts.insert(signup.cohort) }
    #expect(cohorts.count == 5)
  }

  @Test func generatedConfigLoadsAndDrivesARun() throws {
    let directory = temporaryDirectory("config")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let export = SyntheticExport(settings: SyntheticExportSettings(people: 200, seed: 4, cohorts: 2, badRowShare: 0.02))
    let taxonomy = TaxonomyFixture.repositoryRoot.appendingPathComponent("fixtures/taxonomy").path
    _ = try SyntheticExportFiles.write(export, to: directory, taxonomyDirectory: taxonomy)
    let config = try MentorMatchConfig.load(path: directory + "/mentormatch.toml")
    #expect(config.state.stateDirectory.hasSuffix("/state"))
    #expect(config.skills.taxonomy.map { URL(fileURLWithPath: $0).standardizedFileURL.path } == taxonomy)
    #expect(config.candidates.k == 50)
    #expect(config.matching.algorithm == .optimal)
    #expect(config.rules.rules.count == 6)
    #expect(config.email?.from.addrSpec == "mentoring@example.gov.uk")
    #expect(config.email?.sendWaiting == false)
    // Without a taxonomy the config names none, and still loads.
    let bare = directory + "/bare"
    _ = try SyntheticExportFiles.write(export, to: bare)
    #expect(try MentorMatchConfig.load(path: bare + "/mentormatch.toml").skills.taxonomy == nil)
  }

  @Test(arguments: ["/plain/path", "/with \"quote\"/and\\backslash", "/tab\there"])
  func tomlStringRoundTripsThroughTheConfigParser(path: String) throws {
    let text = "[skills]\ntaxonomy = \(SyntheticExportFiles.tomlString(path))\n"
    let root = try ConfigSection.parse(text, file: "t.toml", baseDirectory: "/")
    #expect(try root.section("skills")?.string("taxonomy") == path)
  }

  @Test func gradeMixLooksLikeTheCivilService() {
    let export = SyntheticExport(settings: SyntheticExportSettings(people: 20_000, seed: 5))
    var tally = SyntheticTally()
    var menteeGrades: [Int] = []
    var mentorGrades: [Int] = []
    for index in 0..<20_000 {
      let row = export.row(index)
      tally.add(row)
      guard let grade = row.gradeIndex else { continue }
      if row.role == .mentee { menteeGrades.append(grade) }
      if row.role == .mentor { mentorGrades.append(grade) }
    }
    let share = { (grades: ClosedRange<Int>) in
      Double(grades.reduce(0) { $0 + (tally.goodByGrade[$1] ?? 0) }) / Double(tally.good)
    }
    // Many EO, HEO and SEO; few senior civil servants; no permanent secretaries signing up.
    #expect(share(2...4) > 0.5)
    #expect(share(7...9) > 0.005 && share(7...9) < 0.05)
    #expect(tally.goodByGrade[10] == nil)
    // Mentors are more senior than mentees on the whole.
    let median = { (grades: [Int]) in grades.sorted()[grades.count / 2] }
    #expect(median(mentorGrades) > median(menteeGrades))
    let mentees = Double(tally.goodByRole[.mentee] ?? 0) / Double(tally.good)
    #expect(mentees > 0.5 && mentees < 0.66)
  }

  @Test func skillsFollowZipfLikePopularityAndMixedSeparators() {
    let export = SyntheticExport(settings: SyntheticExportSettings(people: 3_000, seed: 11))
    var cells: [String] = []
    for index in 0..<3_000 {
      let fields = export.row(index).fields
      cells += [fields[9], fields[10]].filter { !$0.isEmpty }
    }
    #expect(cells.contains { $0.contains("; ") })
    #expect(cells.contains { $0.contains("\n") })
    #expect(cells.contains { $0.contains("• ") })
    #expect(cells.contains { $0.contains(" / ") })
    // The preferred labels of the vocabulary, counted: the most used concept is
    // used far more often than the median one.
    var counts = SkillVocabulary.builtIn.concepts.map { labels in cells.filter { $0.contains(labels[0]) }.count }
    counts.sort(by: >)
    #expect(counts[0] > 4 * counts[counts.count / 2])
  }

  @Test func misspellingChangesOneOrTwoLetters() {
    var random = SeededRandom(seed: 3)
    for _ in 0..<200 {
      let typed = SyntheticExport.misspelt("Stakeholder management", edits: 2, using: &random)
      #expect(typed != "" && abs(typed.count - 22) <= 2)
      #expect(typed.first == "S")
    }
  }

  @Test func readsATaxonomyFolderAndLeavesOutDeprecatedConcepts() throws {
    let directory = temporaryDirectory("taxonomy")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try """
      id,pref_label,broader,scheme,status,replaced_by
      skill:a,Alpha skill,,skill,active,
      skill:b,Beta skill,,skill,deprecated,skill:a
      skill:c,"Gamma, with comma",skill:a,skill,active,
      """.write(toFile: directory + "/concepts.csv", atomically: true, encoding: .utf8)
    try """
      concept_id,label,kind
      skill:a,alpha,alt
      skill:a,alhpa,hidden
      skill:b,beta,alt
      skill:zzz,orphan,alt
      """.write(toFile: directory + "/labels.csv", atomically: true, encoding: .utf8)
    let vocabulary = try SkillVocabulary.load(taxonomyDirectory: directory)
    #expect(vocabulary.concepts == [["Alpha skill", "alpha", "alhpa"], ["Gamma, with comma"]])
  }

  @Test func missingTaxonomyFolderIsAnErrorNamingTheFile() {
    #expect(throws: CSVError.self) { try SkillVocabulary.load(taxonomyDirectory: "/nonexistent/taxonomy") }
  }

  @Test func seededRandomStaysInBoundsAndIsUniformEnough() {
    var random = SeededRandom(seed: 42)
    var counts = Array(repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[random.below(7)] += 1 }
    #expect(counts.allSatisfy { $0 > 9_500 && $0 < 10_500 })
    #expect(random.below(0) == 0 && random.below(1) == 0)
  }
}
