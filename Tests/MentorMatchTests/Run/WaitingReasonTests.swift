import Testing

@testable import MentorMatch

/// Why someone is still waiting, in words for the cohort lead and for the
/// person: true (the reason is what kept them out) and free of config jargon
/// in the person's own email.
@Suite struct WaitingReasonTests {
  static let rules = [
    ScoringRule(index: 0, test: .notLineManager(sameReportingLine: true), required: true),
    ScoringRule(index: 1, test: .noRepeat, required: true),
    ScoringRule(index: 2, test: .gradeGap(min: 1, max: 3, pointsByGap: [1: 8, 2: 12, 3: 6]), required: true),
    ScoringRule(index: 3, test: .different(field: "department"), points: 10),
    ScoringRule(index: 4, test: .skills(partialPerMille: 500), points: 40),
  ]

  static func reasons(
    mentors: Int = 2, excluded: [RuleExclusion] = [], everyone: [Int] = [], noSkills: Bool = false, noShared: Bool = false
  ) -> NoCandidateReasons {
    NoCandidateReasons(
      mentee: 0, mentorCount: mentors, excludedByRule: excluded, excludedAsSelf: 0, excludedEveryone: everyone,
      wantsNoSkills: noSkills, noMentorSharesASkill: noShared)
  }

  /// The demo's case: an EO whose one HEO mentor is her line manager and whose
  /// other mentor is four grades up. Skills are not required, so her typing no
  /// known skill is not why she waits (it used to say "check the spelling").
  @Test func rulesTogetherAreTheReasonEvenWithNoKnownSkill() {
    let reason = WaitingReason.mentee(
      Self.reasons(excluded: [
        RuleExclusion(rule: 0, kind: .notLineManager, mentors: 1), RuleExclusion(rule: 2, kind: .gradeGap, mentors: 1),
      ], noSkills: true, noShared: true), hasCandidates: false, rules: Self.rules)
    #expect(reason.code == "excluded-by-rules")
    #expect(reason.forLead == "the required rules together rule out every mentor (rule 1 (not-line-manager): 1; rule 3 (grade-gap): 1)")
    #expect(reason.forPerson == "the scheme’s rules together rule out every mentor in your cohort for you this time")
  }

  @Test func oneRuleRulingEveryoneOutSaysWhatItAsks() {
    let reason = WaitingReason.mentee(
      Self.reasons(excluded: [RuleExclusion(rule: 2, kind: .gradeGap, mentors: 2)], everyone: [2]), hasCandidates: false,
      rules: Self.rules)
    #expect(reason.code == "excluded-by-rule")
    #expect(reason.forLead == "rule 3 (grade-gap) rules out every mentor in the cohort: none is one to three grades above them")
    #expect(reason.forPerson == "no mentor in your cohort is one to three grades above you")
  }

  @Test(arguments: [
    (RuleTest.gradeGap(min: 2, max: 2, pointsByGap: [:]), "no mentor in your cohort is two grades above you"),
    (.gradeGap(min: -2, max: -1, pointsByGap: [:]), "no mentor in your cohort is one to two grades below you"),
    (.gradeGap(min: 0, max: 12, pointsByGap: [:]), "no mentor in your cohort is at a grade this scheme pairs with yours"),
    (.same(field: "location"), "no mentor in your cohort has the same location as you, which this scheme asks for"),
    (.different(field: "department"), "every mentor in your cohort has the same department as you, and this scheme pairs people from different ones"),
    (.contains(menteeField: "identity_to_match", mentorField: "characteristics"), "no mentor in your cohort matches what you asked for as identity to match"),
    (.skills(partialPerMille: 500), "no mentor in your cohort offers any of the skills you asked for, or one close to them"),
    (.notLineManager(sameReportingLine: true), "every mentor in your cohort is in your own line management chain"),
    (.noRepeat, "you have already been paired with every mentor in your cohort"),
  ] as [(RuleTest, String)])
  func eachKindIsWordedForThePerson(_ test: RuleTest, _ words: String) {
    let rules = [ScoringRule(index: 0, test: test, required: true)]
    let reason = WaitingReason.mentee(
      Self.reasons(excluded: [RuleExclusion(rule: 0, kind: test.kind, mentors: 2)], everyone: [0]), hasCandidates: false,
      rules: rules)
    #expect(reason.forPerson == words)
  }

  @Test func otherReasonsAreWordedForThePersonToo() {
    let full = WaitingReason.mentee(nil, hasCandidates: true, rules: Self.rules)
    #expect(full.code == "all-mentors-full")
    #expect(full.forPerson == "the mentors who suit you all had their places filled this time")
    let none = WaitingReason.mentee(Self.reasons(mentors: 0), hasCandidates: false, rules: Self.rules)
    #expect(none.code == "no-mentors")
    #expect(none.forPerson == "no mentor in your cohort has room for a new mentee at the moment")
  }

  /// A mentor left without a mentee: because mentees who could have had them
  /// went to other mentors, or because no waiting mentee could have them at all.
  @Test func aMentorsReasonSaysWhetherAnyMenteeCouldHaveThem() {
    #expect(WaitingReason.mentor(wasACandidate: true).forLead
      == "every mentee who could be paired with them was matched with another mentor this time")
    #expect(WaitingReason.mentor(wasACandidate: false).forLead
      == "the rules rule them out for every mentee waiting in this cohort")
    #expect(WaitingReason.mentor(wasACandidate: false).code == "no-suitable-mentee")
  }
}
