import Foundation
import Testing
@testable import MentorMatch

@Suite struct ESCOImportTests {
  static let sample = TaxonomyFixture.repositoryRoot.appendingPathComponent("fixtures/esco-sample")

  static func convert(groups: Bool = true) throws -> ESCOImport.Result {
    try ESCOImport.convert(
      skills: sample.appendingPathComponent("skills_en.csv").path,
      broader: sample.appendingPathComponent("broaderRelationsSkillPillar_en.csv").path,
      groups: groups ? sample.appendingPathComponent("skillGroups_en.csv").path : nil
    )
  }

  @Test func convertsTheSample() throws {
    let result = try Self.convert()
    #expect(result.conceptCount == 7)
    #expect(result.skippedConcepts == 1)  // the draft
    #expect(result.droppedLabels == 1)  // "project management" claimed by two concepts
    #expect(result.droppedRelations == 2)  // to the draft, and to an unknown concept
    try SkillCurationReportTests.assertSnapshot(result.conceptsCSV, named: "escoConcepts.csv")
    try SkillCurationReportTests.assertSnapshot(result.labelsCSV, named: "escoLabels.csv")
    #expect(result.attribution.contains("This service uses the ESCO classification of the European Commission."))
  }

  @Test func convertedTaxonomyLoadsAndMaps() throws {
    let result = try Self.convert()
    let folder = try TaxonomyFixture.folder([
      "concepts.csv": String(decoding: result.conceptsCSV, as: UTF8.self),
      "labels.csv": String(decoding: result.labelsCSV, as: UTF8.self),
      "attribution.txt": result.attribution,
    ])
    let taxonomy = try Taxonomy.load(directory: folder)
    #expect(taxonomy.topLevelGroup(of: "esco:0a1b2c3d-0002-4000-8000-000000000002") == "esco:isced-f:0613")
    #expect(taxonomy.broader["esco:0a1b2c3d-0001-4000-8000-000000000001"] == ["esco:aaaa0000-0000-4000-8000-00000000000a"])
    var normaliser = SkillNormaliser(taxonomy: taxonomy)
    #expect(normaliser.match(term: "Project Management").conceptID == "esco:0a1b2c3d-0001-4000-8000-000000000001")
    #expect(normaliser.match(term: "python").conceptID == "esco:0a1b2c3d-0002-4000-8000-000000000002")
    #expect(normaliser.match(term: "coordinate project").placement?.method == .variant)
  }

  @Test func withoutGroupsSkillsBecomeRoots() throws {
    let result = try Self.convert(groups: false)
    #expect(result.conceptCount == 5)
    #expect(result.concepts.allSatisfy { $0.broader.isEmpty })
  }

  @Test(arguments: [
    ("http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab", "esco:0005c151-5b5a-4a66-8aac-60e734beb1ab"),
    ("http://data.europa.eu/esco/isced-f/0613", "esco:isced-f:0613"),
  ])
  func idsComeFromURIs(_ uri: String, _ id: String) {
    #expect(ESCOImport.id(uri) == id)
  }

  @Test func missingColumnIsAnError() throws {
    let folder = try TaxonomyFixture.folder(["skills.csv": "uri,label\nx,y\n", "broader.csv": "conceptUri,broaderUri\n"])
    #expect(throws: TaxonomyError.self) {
      try ESCOImport.convert(skills: folder + "/skills.csv", broader: folder + "/broader.csv")
    }
  }

  /// A UTF-16 file stops its read at once: one problem, with advice, and no
  /// "empty file" after it.
  @Test func aUTF16FileIsOneProblem() throws {
    let folder = try TaxonomyFixture.folder(["broader.csv": "conceptUri,broaderUri\n"])
    let skills = Data([0xFE, 0xFF]) + Data("conceptUri,preferredLabel\nx,y\n".data(using: .utf16BigEndian)!)
    try skills.write(to: URL(fileURLWithPath: folder + "/skills.csv"))
    let expected = TaxonomyError(
      kind: .invalid,
      problems: [
        TaxonomyProblem(
          file: folder + "/skills.csv", line: 1,
          message: "the file is UTF-16, not UTF-8; ESCO's CSV downloads are UTF-8: download this file again, or convert it with iconv -f utf-16 -t utf-8"
        )
      ])
    #expect(throws: expected) {
      try ESCOImport.convert(skills: folder + "/skills.csv", broader: folder + "/broader.csv")
    }
  }
}
