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

  /// The row-by-row writer against the plain definition (an array of cleaned
  /// cells per row, written whole) on seeded reports whose people and
  /// explanations hold quotes, delimiters, formula starts and control characters.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func matchesEqualsThePlainDefinitionOnSeededReports(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let alphabet = Array("ab ,;\"\r\n\t=+-@'é\u{0}\u{1B}\u{7F}".unicodeScalars)
    func text() -> String {
      String(String.UnicodeScalarView((0..<Int(random.next() % 8)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
    }
    func scramble(_ person: inout ReportPerson) {
      switch random.next() % 4 {
      case 0: person.givenName = text()
      case 1: person.department = text()
      case 2: person.email = text()
      default: break
      }
    }
    var reports = [
      CohortReport.sample(cohort: "B", mentees: 300, seed: seed, hostile: true),
      CohortReport.sample(cohort: "A", mentees: 120, seed: seed &+ 7),
    ]
    reports[1].cohort = "=A\u{1}"
    for r in reports.indices {
      // Runs of pairs with one mentee, some of them broken by a changed field.
      for p in reports[r].pairs.indices where p % 3 != 0 { reports[r].pairs[p].mentee = reports[r].pairs[p - 1].mentee }
      for p in reports[r].pairs.indices {
        scramble(&reports[r].pairs[p].mentee)
        scramble(&reports[r].pairs[p].mentor)
        if random.next() % 3 == 0 { reports[r].pairs[p].explanation = (0..<Int(random.next() % 4)).map { _ in text() } }
        if random.next() % 5 == 0 { reports[r].pairs[p].score = -Int(random.next() % 50) }
      }
    }
    #expect(ReportCSV.matches(reports) == Self.plainMatches(reports))
  }

  /// `matches.csv` as first written: one array of cleaned Strings per row.
  static func plainMatches(_ reports: [CohortReport]) -> [UInt8] {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(ReportCSV.matchesHeader)
    for report in reports.sorted(by: { $0.cohort != $1.cohort ? $0.cohort < $1.cohort : $0.runID < $1.runID }) {
      for pair in report.pairs.sorted(by: ReportPair.precedes) {
        let (mentee, mentor) = (pair.mentee, pair.mentor)
        writer.write(ReportCSV.cleaned([
          report.cohort,
          mentee.id, mentee.givenName, mentee.familyName, mentee.email, mentee.grade, mentee.department, mentee.profession,
          mentor.id, mentor.givenName, mentor.familyName, mentor.email, mentor.grade, mentor.department, mentor.profession,
          String(pair.score), pair.explanation.joined(separator: "; "),
        ]))
      }
    }
    return writer.bytes
  }

  /// The in-place order check against `precedes` on every neighbour, on
  /// seeded lists full of ties (sorted ones included, as the run hands over).
  @Test func pairOrderCheckEqualsThePlainDefinition() {
    var random = SplitMix64(seed: 42)
    let ids = ["E1", "E2", "E10", "e1", "É"]
    func person(_ id: String) -> ReportPerson {
      ReportPerson(id: id, givenName: "", familyName: "", email: "", grade: "", gradeRank: 0, department: "", profession: "", location: "")
    }
    for round in 0..<600 {
      var pairs = (0..<Int(random.next() % 7)).map { _ in
        ReportPair(
          mentee: person(ids[Int(random.next() % 5)]), mentor: person(ids[Int(random.next() % 5)]), score: Int(random.next() % 3),
          explanation: (0..<Int(random.next() % 3)).map { _ in ["a", "b"][Int(random.next() % 2)] })
      }
      if round % 2 == 0 { pairs.sort(by: ReportPair.precedes) }
      let plain = pairs.indices.dropFirst().allSatisfy { !ReportPair.precedes(pairs[$0], pairs[$0 - 1]) }
      #expect(ReportPair.inOrder(pairs) == plain, "\(pairs.map { ($0.mentee.id, $0.mentor.id, $0.score, $0.explanation) })")
      #expect(ReportPair.ordered(pairs) == pairs.sorted(by: ReportPair.precedes))
    }
  }
}
