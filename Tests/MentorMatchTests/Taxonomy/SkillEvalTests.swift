import Foundation
import Testing
@testable import MentorMatch

/// The quality gate of issue 3: on the labelled terms in
/// `fixtures/taxonomy-eval/terms.csv`, mapped against `fixtures/taxonomy/`
/// with the default settings, auto-accepted mappings must be at least 98%
/// right (precision) and cover at least 90% of placeable terms (recall).
@Suite struct SkillEvalTests {
  struct Figures {
    var accepted = 0
    var correct = 0
    var placeable = 0
    var wrong: [String] = []
    var precision: Double { accepted == 0 ? 0 : Double(correct) / Double(accepted) }
    var recall: Double { placeable == 0 ? 0 : Double(correct) / Double(placeable) }
  }

  static func evaluate(settings: SkillSettings = .defaults) throws -> Figures {
    let root = TaxonomyFixture.repositoryRoot
    let taxonomy = try Taxonomy.load(directory: root.appendingPathComponent("fixtures/taxonomy").path)
    var normaliser = SkillNormaliser(taxonomy: taxonomy, settings: settings)
    let reader = try CSVReader(path: root.appendingPathComponent("fixtures/taxonomy-eval/terms.csv").path)
    var figures = Figures()
    var header: [String] = []
    try reader.forEachRow { row in
      guard case .record(let record) = row else {
        Issue.record("terms.csv:\(row.line): malformed")
        return
      }
      if header.isEmpty {
        header = record.fields
        return
      }
      guard record.fields.count >= 2 else { return }
      let term = record.fields[0], expectedText = record.fields[1]
      let expected = expectedText == "unplaceable" ? nil : taxonomy.resolve(expectedText)
      if expectedText != "unplaceable", expected == nil {
        Issue.record("terms.csv:\(record.line): expected concept '\(expectedText)' is not in the taxonomy")
      }
      if expected != nil { figures.placeable += 1 }
      let match = normaliser.match(term: term)
      guard let placed = match.placement else { return }
      figures.accepted += 1
      if placed.conceptID == expected {
        figures.correct += 1
      } else {
        figures.wrong.append("'\(term)' → \(placed.conceptID) (\(placed.method.rawValue) \(placed.score)), expected \(expectedText)")
      }
    }
    #expect(header == ["term", "expected"])
    return figures
  }

  @Test func precisionAndRecallMeetTheTargets() throws {
    let figures = try Self.evaluate()
    print("taxonomy eval: precision \(figures.precision) (\(figures.correct)/\(figures.accepted)), recall \(figures.recall) (\(figures.correct)/\(figures.placeable))")
    #expect(figures.placeable >= 250)
    #expect(figures.precision >= 0.98, "wrong: \(figures.wrong)")
    #expect(figures.recall >= 0.90)
  }

  /// The gate can fail: with the fuzzy stage wide open, precision drops below target.
  @Test func looseSettingsFailThePrecisionTarget() throws {
    let figures = try Self.evaluate(settings: SkillSettings(acceptThreshold: 500, acceptMargin: 0, reviewThreshold: 400, minimumFuzzyLength: 1))
    #expect(figures.precision < 0.98)
  }
}
