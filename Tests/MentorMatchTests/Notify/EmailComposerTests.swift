import Foundation
@testable import MentorMatch
import Testing

@Suite struct EmailComposerTests {
  static func requests() -> [(String, EmailRequest)] {
    let mentee = NotifyFixtures.request(
      content: .match([
        NotifyFixtures.match(),
        MatchNotice(
          name: "Tomás Ó Briain", role: .mentor, gradeLabel: "SCS1", department: "HM Revenue & Customs",
          profession: "Digital, Data and Technology", email: "tomas.obriain@hmrc.gov.uk", reasons: []),
      ]))
    var mentor = NotifyFixtures.request(name: "Priya Shah", address: "priya.shah@hmtreasury.gov.uk", role: .mentor)
    var zoe = NotifyFixtures.match("Zoë O’Brien", department: "Cabinet Office", email: "zoe.obrien@cabinetoffice.gov.uk")
    zoe.role = .mentee
    mentor.content = .match([zoe])
    mentor.nextSteps = DefaultTemplates.nextStepsMentor
    var waiting = NotifyFixtures.request(content: .waiting(reason: "no mentor in an eligible grade had space this time"))
    waiting.nextSteps = DefaultTemplates.nextStepsWaiting
    var lead = NotifyFixtures.request(
      name: "", address: "policy-lead@cabinetoffice.gov.uk", role: .lead,
      content: .leadSummary(
        counts: [
          CohortCounts(cohort: "Policy 2026", signups: 120, newlyMatched: 48, waiting: 9, rejected: 2),
          CohortCounts(cohort: "Digital 2026", signups: 80, newlyMatched: 30, waiting: 4, rejected: 0),
        ], reportPath: "runs/2026-11-28T193005Z/report/index.html"))
    lead.nextSteps = ""
    return [("match-mentee", mentee), ("match-mentor", mentor), ("waiting", waiting), ("lead-summary", lead)]
  }

  @Test(arguments: ["match-mentee", "match-mentor", "waiting", "lead-summary"])
  func matchesGoldenFile(_ name: String) throws {
    let composer = try NotifyFixtures.composer(cc: name == "match-mentee")
    let request = try #require(Self.requests().first { $0.0 == name }?.1)
    let email = try composer.compose(request)
    try NotifyFixtures.assertSnapshot(email.bytes, named: "EmailComposerTests.\(name).eml")
    try NotifyFixtures.writeForCheck(email, displayName: request.recipient.displayName, name: "golden-\(name)")
  }

  /// Someone who is `both` can gain a mentor and mentees in one run: the one
  /// email counts each side, instead of calling every match a mentee.
  @Test func someoneMatchedOnBothSidesIsToldEachSide() throws {
    func mentee(_ name: String) -> MatchNotice {
      MatchNotice(
        name: name, role: .mentee, gradeLabel: "HEO", department: "Cabinet Office", profession: "Policy",
        email: "\(name.lowercased())@cabinetoffice.gov.uk", reasons: ["\(name) is one grade below you"])
    }
    var request = NotifyFixtures.request(
      name: "Rhys Bennett", address: "rhys.bennett@cabinetoffice.gov.uk", role: .mentor,
      content: .match([NotifyFixtures.match(), mentee("Kirsty"), mentee("Eleanor")]))
    request.nextSteps = DefaultTemplates.nextStepsMentee + "\n\n" + DefaultTemplates.nextStepsMentor
    let email = try NotifyFixtures.composer().compose(request)
    #expect(email.subject == "Your Civil Service Mentoring mentor and new mentees")
    let text = email.text
    #expect(text.contains("as a mentee and as a mentor"))
    #expect(text.contains("we have matched you with a mentor and 2 new mentees."))
    #expect(!text.contains("3 new mentees") && !text.contains("3 mentors"))
    #expect(text.contains("Please email your mentor") && text.contains("We have asked each mentee listed above to contact you"))
    #expect(email.html.contains("matched you with a mentor and 2 new mentees."))

    var one = request
    one.content = .match([NotifyFixtures.match(), mentee("Kirsty")])
    let single = try NotifyFixtures.composer().compose(one)
    #expect(single.subject == "Your Civil Service Mentoring mentor and new mentee")
    #expect(single.text.contains("we have matched you with a mentor and a new mentee."))
  }

  @Test func isDeterministic() throws {
    for (_, request) in Self.requests() {
      let first = try NotifyFixtures.composer().compose(request)
      let second = try NotifyFixtures.composer().compose(request)
      #expect(first == second)
    }
  }

  @Test func writesTheRequiredHeaders() throws {
    let email = try NotifyFixtures.composer(cc: true).compose(NotifyFixtures.request())
    let headers = NotifyFixtures.headerLines(email.bytes).joined(separator: "\n")
    #expect(headers.contains("From: Civil Service Mentoring <mentoring@cabinetoffice.gov.uk>"))
    #expect(headers.contains("To: =?utf-8?"))
    #expect(headers.contains("<zoe.obrien@cabinetoffice.gov.uk>"))
    #expect(headers.contains("Cc: mentoring-records@cabinetoffice.gov.uk"))
    #expect(headers.contains("Reply-To: mentoring-team@cabinetoffice.gov.uk"))
    #expect(headers.contains("Date: Sat, 28 Nov 2026 19:30:05 +0000"))
    #expect(headers.contains("MIME-Version: 1.0"))
    #expect(email.messageID.hasSuffix("@mentormatch.cabinetoffice.gov.uk>"))
    #expect(!email.messageID.contains("zoe"))
    #expect(email.fileName.hasPrefix("2026-11-28T193005Z.match.") && email.fileName.hasSuffix(".eml"))
  }

  @Test func messageIDsDifferByRecipientKindAndRun() throws {
    let composer = try NotifyFixtures.composer()
    let base = try composer.compose(NotifyFixtures.request())
    var otherRun = NotifyFixtures.request()
    otherRun.runID = "2026-11-29T193005Z"
    let otherPerson = NotifyFixtures.request(address: "sam.smith@cabinetoffice.gov.uk")
    let waiting = NotifyFixtures.request(content: .waiting(reason: "none"))
    let ids = try [otherRun, otherPerson, waiting].map { try composer.compose($0).messageID } + [base.messageID]
    #expect(Set(ids).count == 4)
  }

  @Test(arguments: [
    ("Eve\r\nBcc: x@example.org", "recipient name"),
    ("bare\rreturn", "recipient name"),
    ("nul\0name", "recipient name"),
  ])
  func refusesInjectedRecipientNames(_ name: String, _ field: String) throws {
    let composer = try NotifyFixtures.composer()
    #expect(throws: NotifyError.unsafeHeaderValue(field: field, scalar: name.unicodeScalars.first { $0.value < 0x20 }!.value)) {
      try composer.compose(NotifyFixtures.request(name: name))
    }
  }

  @Test func refusesInjectionInEveryField() throws {
    let composer = try NotifyFixtures.composer()
    let bad = "HM Treasury\r\nBcc: x@example.org"
    var request = NotifyFixtures.request(content: .match([NotifyFixtures.match(department: bad)]))
    #expect(throws: NotifyError.unsafeHeaderValue(field: "match 1 department", scalar: 13)) { try composer.compose(request) }
    request = NotifyFixtures.request(address: "eve@example.org\r\nBcc: x@example.org")
    #expect(throws: NotifyError.unsafeHeaderValue(field: "recipient address", scalar: 13)) { try composer.compose(request) }
    request = NotifyFixtures.request()
    request.programme = "Mentoring\nBcc: x@example.org"
    #expect(throws: NotifyError.unsafeHeaderValue(field: "programme", scalar: 10)) { try composer.compose(request) }
    request = NotifyFixtures.request(content: .match([NotifyFixtures.match(email: "not-an-address")]))
    #expect(throws: NotifyError.invalidAddress(field: "match 1 email", reason: .missingAt)) { try composer.compose(request) }
  }

  @Test func errorMessagesCarryNoPersonalData() {
    let error = NotifyError.unsafeHeaderValue(field: "recipient name", scalar: 13)
    #expect(error.description == "email: recipient name holds a control character (U+000D); refused so that no header line can be injected")
  }

  @Test func escapesEveryValueInHTML() throws {
    let hostile = "<script>alert(1)</script> & \"quotes\" 'single'"
    let request = NotifyFixtures.request(name: hostile, content: .match([NotifyFixtures.match(hostile, department: hostile)]))
    let email = try NotifyFixtures.composer().compose(request)
    #expect(!email.html.contains("<script>"))
    #expect(email.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;"))
    // The text body and subject carry the value as it is, not HTML-escaped.
    #expect(email.text.contains(hostile))
  }

  @Test func refusesUnsafeRunIDs() throws {
    var request = NotifyFixtures.request()
    request.runID = "../../etc"
    #expect(throws: NotifyError.invalidRunID("../../etc")) { try NotifyFixtures.composer().compose(request) }
  }
}

@Suite struct EmailComposerBatchTests {
  @Test func composeAllMatchesSequentialComposeInOrder() throws {
    let composer = try NotifyFixtures.composer()
    var requests = EmailSamples.requests(count: 600, runID: "batch", asOf: NotifyFixtures.asOf)
    requests[17].recipient.displayName = "Eve\r\nBcc: x@example.org"
    let parallel = composer.composeAll(requests, concurrency: 4)
    let sequential = composer.composeAll(requests, concurrency: 1)
    #expect(parallel.count == 600)
    for (index, (a, b)) in zip(parallel, sequential).enumerated() {
      switch (a, b) {
      case (.success(let x), .success(let y)): #expect(x == y && index != 17)
      case (.failure(let x), .failure(let y)): #expect(x == y && index == 17)
      default: Issue.record("results differ at \(index)")
      }
    }
  }
}
