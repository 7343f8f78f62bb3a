import Foundation
import Testing

@testable import MentorMatch

@Suite struct CohortReportHTMLTests {
  @Test func smallCohortMatchesGoldenFile() throws {
    try ReportSnapshot.expectMatches(ReportFixture.cohort().html(), named: "smallCohortMatchesGoldenFile.html")
  }

  @Test func runIndexMatchesGoldenFile() throws {
    let report = ReportFixture.cohort()
    var autumn = report
    autumn.cohort = "Autumn 2026"
    autumn.checkerResult = "optimality certificate verified"
    autumn.algorithm = "optimal assignment (min-cost flow)"
    let index = RunIndex(
      programme: report.programme, runID: report.runID, asOf: report.asOf, toolVersion: "0.1.0",
      cohorts: [RunIndex.Cohort(report, reportHref: "cohorts/spring-2026/report.html"), RunIndex.Cohort(autumn, reportHref: "cohorts/autumn-2026/report.html")],
      inputs: [RunIndex.File(path: "inputs/signups.csv", sha256: String(repeating: "ab", count: 32))])
    try ReportSnapshot.expectMatches(index.html(), named: "runIndexMatchesGoldenFile.html")
  }

  @Test func summaryCardsAreSingularForOne() {
    var report = ReportFixture.cohort()
    report.pairs = Array(report.pairs.prefix(1))
    report.counts.menteesNewlyMatched = 1
    report.counts.menteesWaiting = 1
    report.counts.rejected = 1
    let page = String(decoding: report.html(), as: UTF8.self)
    for label in ["new pair", "mentee newly matched", "mentee still waiting", "sign-up row rejected"] {
      #expect(page.contains("<span class=\"figure\">1</span> <span class=\"label\">\(label)</span>"), "\(label)")
    }
    let plural = String(decoding: ReportFixture.cohort().html(), as: UTF8.self)
    #expect(plural.contains("<span class=\"figure\">2</span> <span class=\"label\">mentees still waiting</span>"))
  }

  /// People who left the export with active pairs are listed apart: the
  /// "Still waiting" heading and its reasons count only people waiting, as
  /// the summary does (night 2 of the demo said "Still waiting (2)" under
  /// "1 mentee still waiting").
  @Test func peopleNoLongerInTheExportAreListedApart() {
    var report = ReportFixture.cohort()
    let gone = ReportPerson(
      id: "E9", givenName: "", familyName: "", email: "", grade: "", gradeRank: -1, department: "", profession: "", location: "")
    report.waiting.append(
      WaitingPerson(
        person: gone, role: .mentee, reasonCode: WaitingPerson.notInExport,
        reason: "no longer in the export: keeps their 1 active pair, gets no new ones"))
    let page = String(decoding: report.html(), as: UTF8.self)
    #expect(page.contains("<h2 id=\"waiting\">Still waiting (3)</h2>"))
    #expect(!page.contains("<span class=\"tag\">not-in-export</span></th>"), "not a reason for waiting")
    let apart = page.range(of: "<h3 id=\"not-in-export\">No longer in the export (1)</h3>")
    let row = page.range(of: "E9")
    #expect(apart != nil && row != nil && apart!.upperBound < row!.lowerBound)
    #expect(page.contains("keeps their 1 active pair, gets no new ones"))
  }

  @Test func inputOrderDoesNotChangeTheBytes() {
    let report = ReportFixture.cohort()
    var shuffled = report
    shuffled.pairs.reverse()
    shuffled.waiting.swapAt(0, 2)
    shuffled.rejected.reverse()
    shuffled.skills.reverse()
    shuffled.unplacedTerms.reverse()
    #expect(report.html() == shuffled.html())
    #expect(report.html() == report.html())
    #expect(ReportCSV.matches([report]) == ReportCSV.matches([shuffled]))
    #expect(ReportCSV.unmatched([report]) == ReportCSV.unmatched([shuffled]))
  }

  @Test func pageIsSelfContained() {
    let page = String(decoding: CohortReport.sample(mentees: 300, hostile: true).html(), as: UTF8.self).lowercased()
    #expect(!page.contains("<script"))
    #expect(!page.contains("src=\""))
    #expect(!page.contains("href=\"http"))
    #expect(!page.contains("<link"))
    #expect(!page.contains("url("))
    #expect(!page.contains("@import"))
    for feature in ["<!doctype html>", "<html lang=\"en-gb\">", "<meta charset=\"utf-8\">", "@media print", "role=\"img\"", "<desc id=", "<caption>", "scope=\"col\""] {
      #expect(page.contains(feature), "missing \(feature)")
    }
  }

  @Test func everyChartHasATitleAndDescription() {
    let page = String(decoding: ReportFixture.cohort().html(), as: UTF8.self)
    for id in ["chart-scores", "chart-grade", "chart-department", "chart-profession", "chart-location", "chart-skills"] {
      #expect(page.contains("aria-labelledby=\"\(id)-title \(id)-desc\""), "chart \(id) has no text alternative")
      #expect(page.contains("<desc id=\"\(id)-desc\">"))
    }
    #expect(page.contains("Mentees matched by grade: AO 0% (0 of 1); EO 67% (2 of 3); HEO 100% (1 of 1)."))
  }

  static func manyPairs(_ count: Int) -> CohortReport {
    var report = ReportFixture.cohort()
    report.pairs = (0..<count).reversed().map { number in
      var mentee = ReportFixture.ada
      mentee.id = "M\(String(number + 100_000).dropFirst())"
      return ReportPair(mentee: mentee, mentor: ReportFixture.grace, score: number % 50, explanation: ["reason \(number)"])
    }
    report.waiting = (0..<count).map { number in
      var person = ReportFixture.dan
      person.id = "W\(String(number + 100_000).dropFirst())"
      return WaitingPerson(person: person, role: .mentee, reasonCode: "all-mentors-full", reason: "full")
    }
    return report
  }

  @Test func listsArePagedAtOneThousand() {
    let page = String(decoding: Self.manyPairs(1_001).html(), as: UTF8.self)
    #expect(page.contains("This page lists the first 1,000 of 1,001 pairs. The full list is in <a href=\"matches.csv\">matches.csv</a>."))
    #expect(page.contains("This page lists the first 1,000 of 1,001 people. The full list is in <a href=\"unmatched.csv\">unmatched.csv</a>."))
    #expect(page.contains("M00999") && !page.contains("M01000"))
    #expect(page.contains("W00999") && !page.contains("W01000"))
    #expect(page.components(separatedBy: "<div class=\"person\">").count - 1 == 2 * 1_000 + 1_000)
  }

  @Test func aListOfExactlyOneThousandIsNotPaged() {
    let page = String(decoding: Self.manyPairs(1_000).html(), as: UTF8.self)
    #expect(!page.contains("This page lists the first"))
    #expect(page.contains("M00999") && page.contains("W00999"))
  }

  @Test func pagingKeepsTheFirstRowsInReportOrder() {
    let settings = ReportSettings(listLimit: 3)
    let page = String(decoding: Self.manyPairs(40).html(settings: settings, links: ReportLinks(matchesCSV: "../matches.csv")), as: UTF8.self)
    #expect(page.contains("first 3 of 40 pairs. The full list is in <a href=\"../matches.csv\">"))
    let shown = (0..<40).map { "M\(String($0 + 100_000).dropFirst())" }.filter { page.contains("\($0) · ") }
    #expect(shown == ["M00000", "M00001", "M00002"])
  }

  @Test func sortedPrefixAgreesWithSortingEverything() {
    var random = SampleRandom(seed: 42)
    for _ in 0..<300 {
      let items = (0..<random.next(200)).map { _ in random.next(60) }
      let count = random.next(20)
      #expect(sortedPrefix(items, count, by: <) == Array(items.sorted().prefix(count)))
    }
  }

  @Test func aFailedCheckIsShownAsAWarning() {
    var report = ReportFixture.cohort()
    report.checkerPassed = false
    report.checkerResult = "2 blocking pairs"
    let page = String(decoding: report.html(), as: UTF8.self)
    #expect(page.contains("<p class=\"check fail\"><strong>Check FAILED:</strong> 2 blocking pairs</p>"))
  }

  @Test func emptyCohortStillRenders() {
    var report = ReportFixture.cohort()
    report.pairs = []
    report.waiting = []
    report.rejected = []
    report.skills = []
    report.unplacedTerms = []
    let page = String(decoding: report.html(), as: UTF8.self)
    #expect(page.contains("No new pairs were made in this run."))
    #expect(page.contains("Nobody is left waiting."))
    #expect(page.contains("No pairs, so no scores to show."))
    #expect(page.hasSuffix("</html>\n"))
  }

  /// Person cells written piece by piece against the plain definition (the
  /// full name and the joined details, each escaped whole), for people with
  /// missing names and details and with text that needs escaping.
  @Test func personCellsEqualThePlainDefinition() {
    var random = SampleRandom(seed: 29)
    let words = ["", "", "Ann", "O'Neil", "<b>&", "Zoë", "a\u{0}b", "x \" y"]
    var report = CohortReport.sample(mentees: 60, seed: 5)
    func scramble(_ person: inout ReportPerson) {
      person.givenName = words[random.next(words.count)]
      person.familyName = words[random.next(words.count)]
      person.email = words[random.next(words.count)]
      person.grade = words[random.next(words.count)]
      person.department = words[random.next(words.count)]
      person.profession = words[random.next(words.count)]
      person.location = words[random.next(words.count)]
      if random.next(4) == 0 { person.id = "" }
    }
    for index in report.pairs.indices {
      scramble(&report.pairs[index].mentee)
      scramble(&report.pairs[index].mentor)
    }
    // Runs of pairs with one mentee, whose cell the page writes once and repeats.
    for index in report.pairs.indices where index % 3 != 0 { report.pairs[index].mentee = report.pairs[index - 1].mentee }
    for index in report.waiting.indices { scramble(&report.waiting[index].person) }
    let page = String(decoding: report.html(), as: UTF8.self)
    let people = report.pairs.flatMap { [$0.mentee, $0.mentor] } + report.waiting.map(\.person)
    for person in people {
      var details = [person.id, person.grade, person.department, person.profession, person.location].filter { !$0.isEmpty }
      if details.isEmpty { details = ["–"] }
      let cell = "<div class=\"person\"><strong>\(HTMLEscaping.escape(person.fullName))</strong><span class=\"muted\">"
        + "\(HTMLEscaping.escape(person.email))<br>\(HTMLEscaping.escape(details.joined(separator: " · ")))</span></div>"
      #expect(page.contains(cell), "\(person)")
    }
    #expect(page.components(separatedBy: "<div class=\"person\">").count - 1 == people.count)
  }
}
