import Testing

@testable import MentorMatch

/// Hostile text in every input field must come out inert: escaped in HTML, neutralised in CSV.
@Suite struct ReportSafetyTests {
  static let payloads = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)",
    "-2+3", "'><svg onload=alert(1)>", "a\u{0}b\u{1B}c",
  ]

  static func hostileReport(_ payload: String) -> CohortReport {
    var report = ReportFixture.cohort()
    func taint(_ person: ReportPerson) -> ReportPerson {
      var person = person
      person.givenName = payload
      person.familyName = payload
      person.department = payload
      person.profession = payload
      person.location = payload
      person.grade = payload
      return person
    }
    report.programme = payload
    report.cohort = payload
    report.pairs = report.pairs.map { ReportPair(mentee: taint($0.mentee), mentor: taint($0.mentor), score: $0.score, explanation: [payload]) }
    report.waiting = report.waiting.map { WaitingPerson(person: taint($0.person), role: $0.role, reasonCode: payload, reason: payload) }
    report.skills.append(SkillSupply(skill: payload, menteesWanting: 9, mentorsOffering: 0))
    report.unplacedTerms.append(UnplacedTerm(term: payload, occurrences: 9, people: 9))
    report.rejected.append(RejectedRow(file: "signups.csv", line: 2, field: payload, reasonCode: payload, message: payload))
    return report
  }

  /// The tag names in `html`, outside `<style>`'s text (which holds no `<`).
  static func tagNames(_ html: String) -> Set<String> {
    var names: Set<String> = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      names.insert(String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "!" }).lowercased())
    }
    return names
  }

  static let allowedTags: Set<String> = [
    "!doctype", "html", "/html", "head", "/head", "meta", "title", "/title", "style", "/style", "body", "/body", "a", "/a",
    "header", "/header", "div", "/div", "main", "/main", "p", "/p", "h1", "/h1", "h2", "/h2", "h3", "/h3", "span", "/span",
    "code", "/code", "nav", "/nav", "ol", "/ol", "ul", "/ul", "li", "/li", "section", "/section", "strong", "/strong",
    "dl", "/dl", "dt", "/dt", "dd", "/dd", "table", "/table", "caption", "/caption", "thead", "/thead", "tbody", "/tbody",
    "tr", "/tr", "th", "/th", "td", "/td", "figure", "/figure", "figcaption", "/figcaption", "svg", "/svg", "desc", "/desc",
    "rect", "text", "/text", "line", "br", "footer", "/footer", "colgroup", "/colgroup", "col",
  ]

  @Test(arguments: payloads)
  func reportHTMLHasNoInjectedMarkup(payload: String) {
    let page = String(decoding: Self.hostileReport(payload).html(), as: UTF8.self)
    #expect(Self.tagNames(page).subtracting(Self.allowedTags).isEmpty, "unexpected tags: \(Self.tagNames(page).subtracting(Self.allowedTags))")
    #expect(!page.lowercased().contains("<script") && !page.lowercased().contains("<img") && !page.lowercased().contains("<svg onload"))
    #expect(!page.contains("\u{0}") && !page.contains("\u{1B}"))
    #expect(page.contains(HTMLEscaping.escape(payload)))
  }

  @Test(arguments: payloads)
  func indexHTMLHasNoInjectedMarkup(payload: String) {
    let report = Self.hostileReport(payload)
    let index = RunIndex(
      programme: payload, runID: payload, asOf: payload, toolVersion: payload,
      cohorts: [RunIndex.Cohort(report, reportHref: payload)], inputs: [RunIndex.File(path: payload, sha256: payload)], downloads: [payload])
    let page = String(decoding: index.html(), as: UTF8.self)
    #expect(Self.tagNames(page).subtracting(Self.allowedTags).isEmpty)
    #expect(page.contains(HTMLEscaping.escape(payload)))
  }

  @Test func escapingReplacesTheFiveCharactersAndControls() {
    #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect(HTMLEscaping.escape("a\u{0}b\u{7F}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
    #expect(HTMLEscaping.escape("Siân Ó Briain – 東京") == "Siân Ó Briain – 東京")
  }

  /// The escaper's plain-text shortcut against the byte-by-byte rule, on
  /// seeded text full of the characters that matter.
  @Test func escapingMatchesTheByteRuleOnSeededText() {
    var random = SplitMix64(seed: 20261129)
    let alphabet = Array("&<>\"'\t\n\r\u{0}\u{7F}\u{1B} aZ9é東".utf8)
    for _ in 0..<3_000 {
      let bytes = (0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      let text = String(decoding: bytes, as: UTF8.self)
      var expected: [UInt8] = []
      for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "&"): expected += Array("&amp;".utf8)
        case UInt8(ascii: "<"): expected += Array("&lt;".utf8)
        case UInt8(ascii: ">"): expected += Array("&gt;".utf8)
        case UInt8(ascii: "\""): expected += Array("&quot;".utf8)
        case UInt8(ascii: "'"): expected += Array("&#39;".utf8)
        case 0x09, 0x0A, 0x0D: expected.append(byte)
        case 0x00..<0x20, 0x7F: expected += [0xEF, 0xBF, 0xBD]
        default: expected.append(byte)
        }
      }
      #expect(Array(HTMLEscaping.escape(text).utf8) == expected, "\(text.debugDescription)")
    }
  }

  @Test(arguments: payloads)
  func csvCellsAreNeutralised(payload: String) throws {
    let report = Self.hostileReport(payload)
    for bytes in [ReportCSV.matches([report]), ReportCSV.unmatched([report])] {
      var cells: [String] = []
      try CSVReader(bytes: bytes, name: "out.csv").forEachRow { row in
        if case .record(let record) = row { cells += record.fields }
      }
      #expect(cells.contains { $0.contains(ReportCSV.cleaned([payload])[0].prefix(2)) })
      for cell in cells { #expect(!CSVWriter.isFormulaLike(cell), "cell '\(cell)' would run as a formula") }
    }
  }
}
