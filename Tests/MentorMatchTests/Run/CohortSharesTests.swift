import Testing

@testable import MentorMatch

/// ``CohortShares``: the night's sign-ups, pairs and unplaced mentions split
/// by cohort in one pass each, equal to what a pass per cohort picks out.
@Suite struct CohortSharesTests {
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

  private static func pair(_ mentee: String, _ mentor: String, cohort: String, active: Bool = true) -> PairRecord {
    PairRecord(
      rowID: nil, menteeID: mentee, mentorID: mentor, cohort: cohort, runID: "r", score: 1,
      status: active ? "active" : "ended", endedReason: nil, endedAsOf: nil)
  }

  /// Random sign-ups and pairs over five cohorts, three of them selected:
  /// each selected cohort gets exactly its sign-ups in export order, its
  /// active pairs in order, and the pairs ever made between two of its
  /// people, as a pass per cohort would give them; the others get nothing.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func eachCohortGetsWhatAPassOverTheNightPicksOut(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let all = ["a", "b", "c", "d", "e"]
    let signups = (0..<500).map { Self.signup("p\($0)", cohort: all[Int(random.next() % 5)], line: $0 + 2) }
    let cohortOf = Dictionary(uniqueKeysWithValues: signups.map { ($0.id, $0.cohort) })
    // Pairs of random people (some no longer signed up), under a random
    // cohort, some ended: the state's pairs after many nights.
    let pairs = (0..<2_000).map { _ in
      Self.pair(
        "p\(random.next() % 600)", "p\(random.next() % 600)", cohort: all[Int(random.next() % 5)],
        active: random.next() % 3 > 0)
    }
    let selected = ["b", "d", "e"]
    let shares = CohortShares(cohorts: selected, signups: signups)
    let active = shares.activePairs(pairs)
    let prior = shares.priorPairs(pairs)
    #expect(shares.people.count == 3 && active.count == 3 && prior.count == 3)
    for (index, cohort) in selected.enumerated() {
      #expect(shares.people[index].map(\.id) == signups.filter { $0.cohort == cohort }.map(\.id), "\(cohort)")
      #expect(active[index] == PriorState(pairs: pairs, people: [], lastRun: nil).activePairs(cohort: cohort), "\(cohort)")
      let among = pairs.filter { cohortOf[$0.menteeID] == cohort && cohortOf[$0.mentorID] == cohort }
      #expect(prior[index] == Set(among.map { PriorPair(menteeID: $0.menteeID, mentorID: $0.mentorID) }), "\(cohort)")
      #expect(!prior[index].isEmpty && !active[index].isEmpty)
    }
    #expect(CohortShares(cohorts: ["z"], signups: signups).people == [[]])
    #expect(CohortShares(cohorts: all, signups: signups).people.joined().count == signups.count)
  }

  /// One cohort holding every sign-up is the export itself, and every pair
  /// ever made can meet its no-repeat rule.
  @Test func oneCohortOfEverySignupIsGivenEverything() {
    let signups = (0..<10).map { Self.signup("p\($0)", cohort: "only", line: $0 + 2) }
    let shares = CohortShares(cohorts: ["only"], signups: signups)
    #expect(shares.people.map { $0.map(\.id) } == [signups.map(\.id)])
    let pairs = [Self.pair("p1", "gone", cohort: "old", active: false), Self.pair("p2", "p3", cohort: "only")]
    #expect(shares.priorPairs(pairs) == [[PriorPair(menteeID: "p1", mentorID: "gone"), PriorPair(menteeID: "p2", mentorID: "p3")]])
    #expect(shares.activePairs(pairs) == [[pairs[1]]])
    let mentions = [Self.mention("x", by: "p1"), Self.mention("y", by: "p9")]
    #expect(shares.mentions(mentions) == [mentions])
  }

  /// Mentions go to the cohort of the person who typed them, in order; a
  /// person in no cohort given has none anywhere.
  @Test func mentionsGoToTheirTypistsCohortInOrder() {
    let signups = [
      Self.signup("a1", cohort: "a", line: 2), Self.signup("b1", cohort: "b", line: 3), Self.signup("a2", cohort: "a", line: 4),
    ]
    let shares = CohortShares(cohorts: ["a", "b", "c"], signups: signups)
    let mentions = [
      Self.mention("x", by: "b1"), Self.mention("y", by: "a2"), Self.mention("z", by: "gone"), Self.mention("w", by: "a1"),
      Self.mention("v", by: "b1"),
    ]
    let split = shares.mentions(mentions)
    #expect(split.map { $0.map(\.term) } == [["y", "w"], ["x", "v"], []])
    // Each cohort's unplaced terms are those counted among every mention.
    for (group, own) in zip(shares.people, split) {
      let ids = Set(group.map(\.id))
      #expect(CohortMatch.unplaced(own, people: ids) == CohortMatch.unplaced(mentions, people: ids))
    }
  }

  /// An id in two cohorts (the ingest never leaves one) gives every cohort
  /// every mention and pair, which each cohort then keeps to its own people.
  @Test func anIdInTwoCohortsGivesEveryCohortEverything() {
    let shares = CohortShares(
      cohorts: ["a", "b"], signups: [Self.signup("same", cohort: "a", line: 2), Self.signup("same", cohort: "b", line: 3)])
    let mentions = [Self.mention("x", by: "same"), Self.mention("y", by: "other")]
    let split = shares.mentions(mentions)
    #expect(split.map { $0.map(\.term) } == [["x", "y"], ["x", "y"]])
    for group in shares.people {
      #expect(CohortMatch.unplaced(split[0], people: Set(group.map(\.id))).map(\.term) == ["x"])
    }
    let prior = shares.priorPairs([Self.pair("same", "other", cohort: "a")])
    #expect(prior == [[PriorPair(menteeID: "same", mentorID: "other")], [PriorPair(menteeID: "same", mentorID: "other")]])
  }
}
