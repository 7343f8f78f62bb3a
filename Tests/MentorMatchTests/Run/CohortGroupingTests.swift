import Testing

@testable import MentorMatch

/// The night's one-pass groupings by cohort: each cohort's sign-ups for its
/// search, and each cohort's unplaced skill mentions for its report.
@Suite struct CohortGroupingTests {
  private static func signup(_ id: String, cohort: String, line: Int) -> Signup {
    Signup(
      id: id, givenName: "G", familyName: "", email: "\(id)@x.gov.uk", role: .mentee, gradeIndex: 0, grade: "AA",
      department: "", profession: "", location: "", skillsOfferedText: "", skillsWantedText: "", mentorCapacity: 0,
      menteeCapacity: 1, cohort: cohort, lineManagerEmail: "", signedUpAt: "", extra: [:],
      source: RecordLocation(file: "a.csv", fileIndex: 0, line: line, record: line))
  }

  private static func mention(_ term: String, by person: String) -> SkillMention {
    SkillMention(
      term: term, match: SkillMatch(folded: term, placement: nil, unplacedReason: .noCandidate, candidates: []),
      side: .wanted, personID: person)
  }

  /// Random sign-ups over five cohorts, three of them selected: each
  /// selected cohort gets exactly its sign-ups, in export order, as a
  /// filter per cohort would give them; the others get nothing.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func eachCohortGetsItsSignupsInExportOrder(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let all = ["a", "b", "c", "d", "e"]
    let signups = (0..<500).map { Self.signup("p\($0)", cohort: all[Int(random.next() % 5)], line: $0 + 2) }
    let selected = ["b", "d", "e"]
    let people = RunCore.people(of: selected, in: signups)
    #expect(people.count == 3)
    for (cohort, group) in zip(selected, people) {
      #expect(group.map(\.id) == signups.filter { $0.cohort == cohort }.map(\.id), "\(cohort)")
    }
    #expect(RunCore.people(of: ["z"], in: signups) == [[]])
    #expect(RunCore.people(of: all, in: signups).joined().count == signups.count)
  }

  @Test func oneCohortOfEverySignupIsTheWholeExport() {
    let signups = (0..<10).map { Self.signup("p\($0)", cohort: "only", line: $0 + 2) }
    #expect(RunCore.people(of: ["only"], in: signups).map { $0.map(\.id) } == [signups.map(\.id)])
  }

  /// Mentions go to the cohort of the person who typed them, in order; a
  /// person in no cohort given has none anywhere.
  @Test func mentionsGoToTheirTypistsCohortInOrder() {
    let people = [
      [Self.signup("a1", cohort: "a", line: 2), Self.signup("a2", cohort: "a", line: 4)],
      [Self.signup("b1", cohort: "b", line: 3)],
      [],
    ]
    let mentions = [
      Self.mention("x", by: "b1"), Self.mention("y", by: "a2"), Self.mention("z", by: "gone"), Self.mention("w", by: "a1"),
      Self.mention("v", by: "b1"),
    ]
    let split = RunCore.byCohort(mentions, people: people)
    #expect(split.map { $0.map(\.term) } == [["y", "w"], ["x", "v"], []])
    // Each cohort's unplaced terms are those counted among every mention.
    for (group, own) in zip(people, split) {
      let ids = Set(group.map(\.id))
      #expect(CohortMatch.unplaced(own, people: ids) == CohortMatch.unplaced(mentions, people: ids))
    }
  }

  /// An id in two cohorts (the ingest never leaves one) gives every cohort
  /// every mention, which the report then keeps to its own people.
  @Test func anIdInTwoCohortsGivesEveryCohortEveryMention() {
    let people = [[Self.signup("same", cohort: "a", line: 2)], [Self.signup("same", cohort: "b", line: 3)]]
    let mentions = [Self.mention("x", by: "same"), Self.mention("y", by: "other")]
    let split = RunCore.byCohort(mentions, people: people)
    #expect(split.map { $0.map(\.term) } == [["x", "y"], ["x", "y"]])
    for group in people {
      #expect(CohortMatch.unplaced(split[0], people: Set(group.map(\.id))).map(\.term) == ["x"])
    }
  }
}
