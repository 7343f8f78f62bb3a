import Foundation
import MentorMatchTestSupport
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

  /// Random curation files, valid and not, against the small taxonomy:
  /// one is refused as a whole or accepted; what is accepted loads, places
  /// every added term exactly at its concept, accounts for every row, and
  /// applied a second time is accepted again and adds nothing.
  @Test(arguments: 0..<40)
  func anyAcceptedCurationIsPlacedExactlyAndIdempotent(seed: Int) throws {
    var random = SeededGenerator(seed: UInt64(seed))
    // Mostly valid rows, each value now and then one that must be refused.
    func pick(_ usual: [String], rarely: [String], _ random: inout SeededGenerator) -> String {
      Int.random(in: 0..<100, using: &random) < 6 ? rarely.randomElement(using: &random)!
        : usual.randomElement(using: &random)!
    }
    // Each term with the concept a curator would give it; the last two are
    // labels of that concept already (one through a deprecated concept).
    let pairs = [
      ("knitting", "skill:agile"), ("alpha beta", "skill:python"), ("stakehlder mangemnt", "skill:stakeholder-management"),
      ("c++ coding", "skill:python"), ("data vis", "skill:sql"), ("policy analytis", "skill:policy-analytics"),
      ("new term", "skill:agile"), ("proj mgmt", "skill:project-management"),
      ("stakeholder engagment", "skill:stakeholder-management"),
    ]
    let oddTerms = ["Knitting", "project management", "health and safety"]
    let oddConcepts = ["skill:nope", "", "skill:old-stakeholder-engagement", "skill:sql"]
    let decisions = ["label", "label", "Label ", "candidate-1", "candidate-2", "ignore", ""]
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(["folded_term", "candidate_1_id", "candidate_2_id", "curator_decision", "curator_concept_id", "curator_label_kind"])
    let rows = Int.random(in: 1...6, using: &random)
    for _ in 0..<rows {
      let (term, concept) = pairs.randomElement(using: &random)!
      let decision = pick(decisions, rarely: ["maybe", "candidate-3"], &random)
      let given = pick([concept], rarely: oddConcepts, &random)
      let candidates = decision == "candidate-2" ? ["skill:sql", given] : [given, "skill:sql"]
      writer.write([
        pick([term], rarely: oddTerms, &random), candidates[0], candidates[1], decision,
        decision.hasPrefix("candidate") && Bool.random(using: &random) ? "" : given,
        pick(["", "alt", "hidden", " ALT"], rarely: ["pref"], &random),
      ])
    }
    let (taxonomy, path) = try Self.folder(curation: writer.bytes)
    let plan: TaxonomyCuration
    do {
      plan = try TaxonomyCuration.plan(name: path, taxonomy: taxonomy)
    } catch {
      #expect(error.kind == .invalid && !error.problems.isEmpty && error.problems.allSatisfy { $0.file == path })
      return
    }
    // Every row is added, present already, ignored, undecided, or a repeat of an earlier term.
    #expect(plan.added.count + plan.alreadyLabels.count + plan.ignored + plan.undecided <= rows)
    #expect(Set(plan.added.map(\.term)).count == plan.added.count)
    try plan.write(taxonomy: taxonomy)
    var normaliser = SkillNormaliser(taxonomy: try Taxonomy.load(directory: taxonomy))
    for label in plan.added {
      let placement = try #require(normaliser.normalise(cell: label.term).first?.match.placement, "\(label.term)")
      #expect(placement.conceptID == label.conceptID && placement.method == .exact, "\(label)")
    }
    let again = try TaxonomyCuration.plan(name: path, taxonomy: taxonomy)
    #expect(again.added.isEmpty)
    #expect(Set(again.alreadyLabels.map(\.term)) == Set((plan.added + plan.alreadyLabels).map(\.term)))
    #expect(again.labelsBytes == plan.labelsBytes)
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
