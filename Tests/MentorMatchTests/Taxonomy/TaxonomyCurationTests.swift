import Foundation
import Testing
@testable import MentorMatch

@Suite struct TaxonomyCurationTests {
  /// The small taxonomy in a fresh folder, and a curation file beside it.
  static func folder(curation: [UInt8]) throws -> (taxonomy: String, curation: String) {
    let taxonomy = try TaxonomyFixture.folder(["concepts.csv": TaxonomyFixture.concepts, "labels.csv": TaxonomyFixture.labels])
    let path = taxonomy + "/skills-curation.csv"
    try Data(curation).write(to: URL(fileURLWithPath: path))
    return (taxonomy, path)
  }

  /// A run's own `skills-curation.csv` (the report's writer, so the columns
  /// are the ones a curator gets) with decisions filled in by term.
  static func filledReport(_ decisions: [String: [String: String]]) throws -> [UInt8] {
    let report = SkillCurationReport(mentions: try SkillCurationReportTests.mentions())
    var rows: [[String]] = []
    try CSVReader(bytes: report.curationCSV, name: "skills-curation.csv").forEachRow { row in
      if case .record(let record) = row { rows.append(record.fields) }
    }
    let header = rows[0]
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(header)
    for var row in rows.dropFirst() {
      for (column, value) in decisions[row[0]] ?? [:] { row[try #require(header.firstIndex(of: column))] = value }
      writer.write(row)
    }
    return writer.bytes
  }

  @Test func decisionsInARunsCurationFileBecomeLabelsTheCascadePlacesExactly() throws {
    let curation = try Self.filledReport([
      "underwater basket weaving": ["curator_decision": "ignore"],
      "stakehlder mangemnt": ["curator_decision": "label", "curator_concept_id": "skill:stakeholder-management"],
      "policy analytis": ["curator_decision": "candidate-1"],
      "knitting": ["curator_decision": "Label", "curator_concept_id": "skill:health-safety", "curator_label_kind": "alt"],
    ])
    let (taxonomy, path) = try Self.folder(curation: curation)
    let plan = try TaxonomyCuration.plan(name: path, taxonomy: taxonomy)
    // In the curation file's order (most occurrences first); `candidate-1` is the row's first candidate.
    #expect(plan.added.map { "\($0.conceptID),\($0.term),\($0.kind.rawValue) @\($0.line)" } == [
      "skill:health-safety,knitting,alt @2",
      "skill:stakeholder-management,stakehlder mangemnt,hidden @4",
      "skill:policy-analytics,policy analytis,hidden @6",
    ])
    #expect(plan.added.count == 3)
    #expect(plan.ignored == 1)
    #expect(plan.undecided == 2)
    #expect(plan.alreadyLabels.isEmpty)
    // Appended to the file as it was, in its own line ends (LF here).
    let before = Array(TaxonomyFixture.labels.utf8)
    #expect(Array(plan.labelsBytes.prefix(before.count)) == before)
    #expect(!plan.labelsBytes.contains(0x0D))

    // Nothing is written until asked; then the cascade places each term exactly.
    #expect(FileManager.default.contents(atPath: taxonomy + "/labels.csv").map(Array.init) == before)
    try plan.write(taxonomy: taxonomy)
    var normaliser = SkillNormaliser(taxonomy: try Taxonomy.load(directory: taxonomy))
    for label in plan.added {
      let placement = try #require(normaliser.normalise(cell: label.term).first?.match.placement)
      #expect(placement.conceptID == label.conceptID)
      #expect(placement.method == .exact)
    }
    // Applying the same file again adds nothing.
    let again = try TaxonomyCuration.plan(name: path, taxonomy: taxonomy)
    #expect(again.added.isEmpty)
    #expect(again.alreadyLabels.map(\.term) == plan.added.map(\.term))
    #expect(again.labelsBytes == plan.labelsBytes)
  }

  @Test func everyProblemIsNamedByLineAndColumnAndNothingIsPlanned() throws {
    let text = """
      folded_term,candidate_1_id,candidate_2_id,curator_decision,curator_concept_id,curator_label_kind
      alpha,,,label,skill:nope,
      beta,,,maybe,,
      gamma,,,label,skill:sql,pref
      delta,skill:sql,,candidate-1,skill:python,
      epsilon,,,candidate-2,,
      Zeta,,,label,skill:sql,
      proj mgmt,,,label,skill:sql,
      eta,,,label,skill:old-stakeholder-engagement,
      theta,,,label,,
      iota,,,label,skill:sql,
      iota,,,label,skill:python,

      """
    let (taxonomy, path) = try Self.folder(curation: Array(text.utf8))
    let error = try #require(throws: TaxonomyError.self) { try TaxonomyCuration.plan(name: path, taxonomy: taxonomy) }
    #expect(error.kind == .invalid)
    #expect(error.exitStatus == .dataError)
    #expect(error.problems.map { "\($0.line ?? 0): \($0.message)" } == [
      "2: curator_concept_id: unknown concept 'skill:nope'",
      "3: curator_decision: unknown decision 'maybe' (known: label, candidate-1, candidate-2, candidate-3, ignore, or blank)",
      "4: curator_label_kind: unknown kind 'pref' (known: hidden, alt, or blank for hidden)",
      "5: curator_concept_id: 'skill:python' disagrees with 'candidate-1' ('skill:sql'); fill in one of them",
      "6: curator_decision: 'candidate-2' but the row has no candidate_2_id",
      "7: folded_term: 'Zeta' is not a folded term (it folds to 'zeta'); was the column edited?",
      "8: curator_concept_id: 'proj mgmt' is a label of 'skill:project-management' already; change that label first",
      "9: curator_concept_id: 'skill:old-stakeholder-engagement' is deprecated (replaced by 'skill:stakeholder-management'); label an active concept",
      "10: curator_concept_id: empty; 'label' needs the concept the term belongs to",
      "12: curator_concept_id: 'iota' is given to 'skill:python' here and to 'skill:sql' at line 11",
    ])
    #expect(error.problems.allSatisfy { $0.file == path })
  }

  @Test func aFileThatIsNotACurationFileIsRefused() throws {
    let (taxonomy, path) = try Self.folder(curation: Array("folded_term,occurrences\nalpha,3\n".utf8))
    let error = try #require(throws: TaxonomyError.self) { try TaxonomyCuration.plan(name: path, taxonomy: taxonomy) }
    #expect(error.description == "\(path):1: no 'curator_decision' column: is this a run's skills-curation.csv?")
    let missing = try #require(throws: TaxonomyError.self) {
      try TaxonomyCuration.plan(name: taxonomy + "/absent.csv", taxonomy: taxonomy)
    }
    #expect(missing.exitStatus == .noInput)
  }

  @Test func appendedRowsFollowTheFilesLineEndsAndANewFileGetsAHeader() {
    let label = TaxonomyCuration.Label(term: "data viz", conceptID: "skill:x", kind: .hidden, line: 2)
    #expect(String(decoding: TaxonomyCuration.appending([label], to: Array("concept_id,label,kind\r\na,b,alt\r\n".utf8)), as: UTF8.self)
      == "concept_id,label,kind\r\na,b,alt\r\nskill:x,data viz,hidden\r\n")
    #expect(String(decoding: TaxonomyCuration.appending([label], to: Array("concept_id,label,kind\na,b,alt".utf8)), as: UTF8.self)
      == "concept_id,label,kind\na,b,alt\nskill:x,data viz,hidden\n")
    #expect(String(decoding: TaxonomyCuration.appending([label], to: nil), as: UTF8.self)
      == "concept_id,label,kind\r\nskill:x,data viz,hidden\r\n")
  }
}
