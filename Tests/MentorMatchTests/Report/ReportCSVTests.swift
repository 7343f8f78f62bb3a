import Testing

@testable import MentorMatch

@Suite struct ReportCSVTests {
  @Test func matchesHeaderSaysWhoseFieldEachIs() {
    #expect(ReportCSV.matchesHeader == [
      "cohort",
      "mentee_id", "mentee_given_name", "mentee_family_name", "mentee_email", "mentee_grade", "mentee_department", "mentee_profession",
      "mentor_id", "mentor_given_name", "mentor_family_name", "mentor_email", "mentor_grade", "mentor_department", "mentor_profession",
      "score", "explanation",
    ])
  }

  @Test func unmatchedHeader() {
    #expect(ReportCSV.unmatchedHeader == [
      "cohort", "id", "given_name", "family_name", "email", "role", "grade", "department", "profession", "reason_code", "reason",
    ])
  }

  @Test func matchesCSVMatchesGoldenFile() throws {
    var autumn = ReportFixture.cohort()
    autumn.cohort = "Autumn 2026"
    autumn.pairs.removeLast()
    try ReportSnapshot.expectMatches(ReportCSV.matches([ReportFixture.cohort(), autumn]), named: "matchesCSVMatchesGoldenFile.csv")
  }

  @Test func unmatchedCSVMatchesGoldenFile() throws {
    try ReportSnapshot.expectMatches(ReportCSV.unmatched([ReportFixture.cohort()]), named: "unmatchedCSVMatchesGoldenFile.csv")
  }

  @Test func everyPairAndWaitingPersonHasOneRowWithTheHeaderWidth() throws {
    let reports = [CohortReport.sample(cohort: "A", mentees: 2_500, seed: 3), CohortReport.sample(cohort: "B", mentees: 400, seed: 4)]
    for (bytes, header, rows) in [
      (ReportCSV.matches(reports), ReportCSV.matchesHeader, reports.reduce(0) { $0 + $1.pairs.count }),
      (ReportCSV.unmatched(reports), ReportCSV.unmatchedHeader, reports.reduce(0) { $0 + $1.waiting.count }),
    ] {
      let records = try CSVReader(bytes: bytes, name: "out.csv").readAll()
      #expect(records.count == rows + 1)
      for row in records {
        guard case .record(let record) = row else { Issue.record("malformed row \(row)"); continue }
        #expect(record.fields.count == header.count)
      }
      #expect(records.first.flatMap { if case .record(let r) = $0 { r.fields } else { nil } } == header)
    }
  }
}
