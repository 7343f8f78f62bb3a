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

  /// A lead's "Newly matched" counts mentees, as "Still waiting" does: with
  /// `mentee_max = 2` a mentee can gain two mentors, and the pairs outnumber them.
  @Test func leadSummaryCountsMenteesNotPairs() {
    var report = ReportFixture.cohort()
    report.counts.menteesNewlyMatched = 3
    let outcome = CohortOutcome(cohort: "Spring 2026", report: report, pairs: 5, checker: "0 blocking pairs", checkerPassed: true)
    let counts = RunEmails.leadCounts(outcome)
    #expect(counts.newlyMatched == 3)
    #expect(counts.waiting == report.counts.menteesWaiting)
    #expect(counts.signups == 12 && counts.rejected == 3)
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

  /// The plan groups each person's pairs for their one email as the run
  /// always has: a dictionary from id to the person's notices in pair order,
  /// read in sorted id order. Checked on random cohorts where people are on
  /// both sides, ids are short, long, non-ASCII or differ only in case.
  @Test(arguments: 0..<40)
  func groupsEachPersonsPairsAsADictionaryByIdWould(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    let names = ["P1", "p1", "P10", "P2", "Zoë", "Zoe\u{308}", "e-0123456789abcdef", "ÅSA", "a", "B", "b-2", "", "P1 "]
    let people = (0..<Int(random.next() % 12) + 1).map { names[Int(random.next() % UInt64(names.count))] + "\($0 % 3)" }
    var pairs: [(mentee: String, mentor: String)] = []
    for _ in 0..<Int(random.next() % 60) {
      pairs.append((people[Int(random.next() % UInt64(people.count))], people[Int(random.next() % UInt64(people.count))]))
    }
    var reference: [String: [Int32]] = [:]
    for (p, pair) in pairs.enumerated() {
      reference[pair.mentee, default: []].append(Int32(2 * p))
      reference[pair.mentor, default: []].append(Int32(2 * p + 1))
    }
    let grouped = RunEmails.itemsByPerson(pairs)
    let expected = reference.keys.sorted().map { reference[$0]! }
    #expect(grouped.people.map { Array(grouped.items[Int($0.lowerBound)..<Int($0.upperBound)]) } == expected)
    #expect(grouped.items.count == 2 * pairs.count)
  }
}
