import Testing

@testable import MentorMatch

/// How the run words one person's match email from their new pairs.
@Suite struct RunEmailsTests {
  private static func notice(_ name: String, _ role: EmailRole) -> MatchNotice {
    MatchNotice(name: name, role: role, gradeLabel: "HEO", department: "DWP", profession: "Policy", email: "x@dwp.gov.uk", reasons: [])
  }

  @Test func oneSidedMatchesKeepTheirOrderAndSteps() throws {
    let settings = try NotifyFixtures.settings()
    let mentees = [Self.notice("B", .mentee), Self.notice("A", .mentee)]
    let asMentor = RunEmails.matchContent(mentees, settings: settings)
    #expect(asMentor.notices == mentees)
    #expect(asMentor.role == .mentor)
    #expect(asMentor.nextSteps == settings.nextStepsMentor)
    let asMentee = RunEmails.matchContent([Self.notice("C", .mentor)], settings: settings)
    #expect(asMentee.role == .mentee)
    #expect(asMentee.nextSteps == settings.nextStepsMentee)
  }

  /// Someone who is `both` and gained a mentor and mentees: mentors first (the
  /// email's opening names them first), and the next steps of both sides.
  @Test func bothSidesGetMentorsFirstAndBothNextSteps() throws {
    let settings = try NotifyFixtures.settings()
    let content = RunEmails.matchContent(
      [Self.notice("Kirsty", .mentee), Self.notice("Eleanor", .mentee), Self.notice("Gareth", .mentor)], settings: settings)
    #expect(content.notices.map(\.name) == ["Gareth", "Kirsty", "Eleanor"])
    #expect(content.role == .mentee)
    #expect(content.nextSteps == settings.nextStepsMentee + "\n\n" + settings.nextStepsMentor)
  }
}
