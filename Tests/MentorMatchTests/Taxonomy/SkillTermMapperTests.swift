import Foundation
import Testing
@testable import MentorMatch

/// `taxonomy map`'s work, as a library call: terms text in, CSV bytes out.
@Suite struct SkillTermMapperTests {
  static func taxonomy() throws -> Taxonomy {
    try Taxonomy.load(
      directory: TaxonomyFixture.folder(["concepts.csv": TaxonomyFixture.concepts, "labels.csv": TaxonomyFixture.labels]))
  }

  /// The whole output and its chunks.
  static func map(
    _ text: String, cells: Bool = false, writesRows: Bool = true
  ) throws -> (csv: String, chunks: [Int], summary: SkillTermMapper.Summary) {
    var mapper = SkillTermMapper(taxonomy: try taxonomy(), cells: cells, writesRows: writesRows)
    var bytes: [UInt8] = []
    var chunks: [Int] = []
    let summary = mapper.map(text) { chunk in
      bytes += chunk
      chunks.append(chunk.count)
    }
    return (String(decoding: bytes, as: UTF8.self), chunks, summary)
  }

  @Test func writesARowPerTermFormulaSafe() throws {
    let (csv, chunks, summary) = try Self.map("Project Management\r\n\n  \nunderwater basket weaving\n=cmd\nPM")
    #expect(
      csv == """
        term,concept_id,pref_label,method,score\r
        Project Management,skill:project-management,Project management,exact,1000\r
        underwater basket weaving,,,no-candidate,0\r
        '=cmd,,,no-candidate,0\r
        PM,skill:project-management,Project management,exact,1000\r

        """)
    #expect(chunks == [csv.utf8.count])
    #expect(summary.terms == 4)
    #expect(summary.countsDescription == "exact 2, no-candidate 2")
  }

  /// Cells are split first; a cell of one plain term gives the row a term
  /// line gives.
  @Test func cellsAreSplitIntoTerms() throws {
    let (csv, _, summary) = try Self.map("Python/SQL; stakeholder engagement\nPython\n", cells: true)
    let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    #expect(rows.map { $0.components(separatedBy: ",")[1] } == [
      "skill:python", "skill:sql", "skill:stakeholder-management", "skill:python",
    ])
    #expect(summary.terms == 4)
    #expect(try Self.map("Python\nSQL\n", cells: true).csv == Self.map("Python\nSQL\n").csv)
  }

  /// Without rows only the header is written; the counts are the same.
  @Test func withoutRowsOnlyTheHeader() throws {
    let text = "Python/SQL\nnothing like it\n"
    let silent = try Self.map(text, cells: true, writesRows: false)
    #expect(silent.csv == "term,concept_id,pref_label,method,score\r\n")
    #expect(silent.summary == (try Self.map(text, cells: true).summary))
  }

  /// Output goes out in chunks of at least 1 MiB (the last one smaller), so
  /// memory stays flat on millions of terms; the chunks join to the rows.
  @Test func longOutputIsWrittenInChunks() throws {
    let lines = (0..<40_000).map { $0 % 2 == 0 ? "Stakeholder management \($0 % 1000)" : "Python" }
    for cells in [false, true] {
      let (csv, chunks, summary) = try Self.map(lines.joined(separator: "\n"), cells: cells)
      #expect(summary.terms == 40_000)
      #expect(chunks.count > 1)
      #expect(chunks.dropLast().allSatisfy { $0 >= SkillTermMapper.chunkSize && $0 < SkillTermMapper.chunkSize + 200 })
      #expect(chunks.reduce(0, +) == csv.utf8.count)
      #expect(csv.components(separatedBy: "\r\n").count == 40_000 + 2)
    }
  }

  @Test func aMissingTermsFileExits66() {
    #expect(throws: TermsFileError(path: "/nonexistent/terms.txt")) { try TermsFile.read("/nonexistent/terms.txt") }
    #expect(TermsFileError(path: "t.txt").description == "t.txt: cannot read the file")
    #expect(TermsFileError(path: "t.txt").exitStatus == .noInput)
  }
}
