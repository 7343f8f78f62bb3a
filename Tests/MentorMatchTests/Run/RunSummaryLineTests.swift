import Testing

@testable import MentorMatch

/// The line `mentormatch run` prints per cohort reads as English at every count.
@Suite struct RunSummaryLineTests {
  private static func counts(read: Int, mentees: Int, mentors: Int, waiting: Int, rejected: Int) -> CohortReport.Counts {
    CohortReport.Counts(
      signupsRead: read, accepted: read - rejected, rejected: rejected, superseded: 0, menteesNewlyMatched: mentees,
      mentorsNewlyMatched: mentors, menteesAlreadyMatched: 0, mentorsAlreadyMatched: 0, menteesWaiting: waiting,
      mentorsWaiting: 0)
  }

  @Test func oneOfEachIsSingular() {
    let line = NightlyRun.cohortLine(
      "wil", counts: Self.counts(read: 1, mentees: 1, mentors: 1, waiting: 1, rejected: 1), pairs: 1, checker: "certificate verified")
    #expect(line == "wil: 1 sign-up, 1 new pair (1 mentee, 1 mentor), 1 mentee still waiting, 1 rejected row; certificate verified")
  }

  @Test func otherCountsArePlural() {
    let line = NightlyRun.cohortLine(
      "ddat-2026", counts: Self.counts(read: 65, mentees: 39, mentors: 26, waiting: 0, rejected: 2), pairs: 39,
      checker: "certificate verified")
    #expect(line == "ddat-2026: 65 sign-ups, 39 new pairs (39 mentees, 26 mentors), 0 mentees still waiting, 2 rejected rows; certificate verified")
  }
}
