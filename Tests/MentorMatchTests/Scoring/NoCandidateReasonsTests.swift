import Foundation
import Testing
@testable import MentorMatch

@Test func saysWhichRuleExcludedEveryone() throws {
  let toml = lgbtRulesTOML.replacingOccurrences(of: "organisation", with: "department")
  let mentee = ScoringPerson(id: "e", grade: 9, fields: ["department": "DfE"], wanted: ["a"])
  let mentors = [
    ScoringPerson(id: "m1", grade: 10, fields: ["department": "DfE"], offered: ["c"]),
    ScoringPerson(id: "m2", grade: 3, fields: ["department": "HMRC"], offered: ["d"]),
  ]
  for strategy in [CandidateSettings.Strategy.exhaustive, .indexed] {
    let lists = try candidates(toml, mentees: [mentee], mentors: mentors, strategy: strategy)
    #expect(lists.candidates == [[]])
    #expect(lists.unmatched == [NoCandidateReasons(
      mentee: 0, mentorCount: 2,
      excludedByRule: [RuleExclusion(rule: 0, kind: .different, mentors: 1), RuleExclusion(rule: 1, kind: .gradeGap, mentors: 1)],
      excludedAsSelf: 0, excludedEveryone: [], wantsNoSkills: false, noMentorSharesASkill: true)])
  }
}

@Test func namesTheRuleThatAloneExcludesEveryMentor() throws {
  let mentee = ScoringPerson(id: "e", grade: 10)
  let mentors = (0..<3).map { ScoringPerson(id: "m\($0)", grade: $0) }
  let lists = try candidates(lgbtRulesTOML.replacingOccurrences(of: "organisation", with: "department"),
                             mentees: [mentee], mentors: mentors)
  let reasons = try #require(lists.unmatched.first)
  #expect(reasons.excludedEveryone == [1])
  #expect(reasons.excludedByRule == [RuleExclusion(rule: 1, kind: .gradeGap, mentors: 3)])
  #expect(reasons.wantsNoSkills)
}
