import Foundation
import Testing
@testable import MentorMatch

/// A small hierarchy: group G > parents P1, P2 > leaves a, b (under P1) and c (under P2).
let smallHierarchy = SkillHierarchy(
  broader: ["P1": ["G"], "P2": ["G"], "a": ["P1"], "b": ["P1"], "c": ["P2"], "d": ["P2"]],
  labels: ["a": "Stakeholder management", "b": "Negotiation", "c": "Project delivery", "d": "Risk", "P1": "Influence", "P2": "Delivery", "G": "Leadership"]
)

func candidates(_ rulesTOML: String, mentees: [ScoringPerson], mentors: [ScoringPerson],
                prior: Set<PriorPair> = [], k: Int = 50, strategy: CandidateSettings.Strategy = .exhaustive) throws -> CandidateLists {
  let rules = try parseRules(rulesTOML, fields: ["department", "profession", "location", "characteristics", "identity_to_match", "match_with_similar_identity"])
  let cohort = ScoringCohort(mentees: mentees, mentors: mentors, hierarchy: smallHierarchy, priorPairs: prior)
  return try CandidateGenerator.generate(cohort, rules: rules, settings: CandidateSettings(k: k, strategy: strategy), parallel: false)
}

@Test(arguments: [CandidateSettings.Strategy.exhaustive, .indexed])
func gradeGapPaysPerGapAndExcludesOutsideTheRange(strategy: CandidateSettings.Strategy) throws {
  let mentee = ScoringPerson(id: "e", grade: 3)
  let mentors = (0..<7).map { ScoringPerson(id: "m\($0)", grade: $0) }
  let lists = try candidates(lgbtRulesTOML.replacingOccurrences(of: "organisation", with: "department"),
                             mentees: [mentee], mentors: mentors, strategy: strategy)
  #expect(lists.candidates[0].map(\.mentor) == [5, 4])
  #expect(lists.candidates[0].map(\.total) == [12, 9])
}

@Test(arguments: [CandidateSettings.Strategy.exhaustive, .indexed])
func sameDifferentAndContainsCompareFoldedValues(strategy: CandidateSettings.Strategy) throws {
  let toml = """
    [[rules]]
    kind = "different"
    field = "department"
    required = true
    [[rules]]
    kind = "same"
    field = "profession"
    points = 10
    [[rules]]
    kind = "contains"
    mentee_field = "identity_to_match"
    mentor_field = "characteristics"
    points = 6
    when_mentee_field = "match_with_similar_identity"
    """
  let mentee = ScoringPerson(id: "e", grade: 1, fields: ["department": "HMRC", "profession": " policy ",
    "identity_to_match": "Gay", "match_with_similar_identity": "Yes"])
  let mentors = [
    ScoringPerson(id: "a", grade: 2, fields: ["department": "hmrc ", "profession": "Policy"]),
    ScoringPerson(id: "b", grade: 2, fields: ["department": "DfE", "profession": "POLICY", "characteristics": "Transgender; gay|Non-binary"]),
    ScoringPerson(id: "c", grade: 2, fields: ["department": "", "characteristics": "Gay"]),
    ScoringPerson(id: "d", grade: 2, fields: ["department": "DWP", "profession": "Digital"]),
  ]
  let lists = try candidates(toml, mentees: [mentee], mentors: mentors, strategy: strategy)
  #expect(lists.candidates[0].map { lists.mentorID(of: $0) } == ["b", "c", "d"])
  #expect(lists.candidates[0].map(\.total) == [16, 6, 0])

  var notAsked = mentee
  notAsked.fields["match_with_similar_identity"] = "no"
  let without = try candidates(toml, mentees: [notAsked], mentors: mentors, strategy: strategy)
  #expect(without.candidates[0].map(\.total) == [10, 0, 0])
}

@Test func skillsGiveFullCreditForTheConceptAndCappedCreditForASibling() throws {
  let toml = """
    [[rules]]
    kind = "skills"
    points = 100
    partial_credit = 0.5
    """
  let mentee = ScoringPerson(id: "e", grade: 1, wanted: ["a", "c"])
  let mentors = [
    ScoringPerson(id: "exact", grade: 1, offered: ["a", "c"]),
    ScoringPerson(id: "half", grade: 1, offered: ["a"]),
    ScoringPerson(id: "sibling", grade: 1, offered: ["b", "d"]),
    ScoringPerson(id: "parent", grade: 1, offered: ["P1"]),
    ScoringPerson(id: "group", grade: 1, offered: ["G"]),
    ScoringPerson(id: "other-half", grade: 1, offered: ["c"]),
  ]
  let lists = try candidates(toml, mentees: [mentee], mentors: mentors)
  let byID = Dictionary(uniqueKeysWithValues: lists.candidates[0].map { (lists.mentorID(of: $0), $0.total) })
  #expect(byID["exact"] == 100)
  #expect(byID["sibling"] == 50)
  #expect(byID["group"] == 0)
  // a and c are equally rare here (three holders each), so one of two is half the weight; a parent covers only a, partially.
  #expect(byID["half"] == 50)
  #expect(byID["parent"] == 25)
  let sibling = try #require(lists.candidates[0].first { lists.mentorID(of: $0) == "sibling" })
  #expect(lists.breakdown(of: sibling).coveredSkills.map(\.offered) == ["Risk", "Negotiation"] ||
          lists.breakdown(of: sibling).coveredSkills.map(\.offered) == ["Negotiation", "Risk"])
}

@Test func rarerSkillsWeighMore() throws {
  let toml = """
    [[rules]]
    kind = "skills"
    points = 1000
    partial_credit = 0
    """
  // Everyone offers or wants 'a'; only one mentor offers 'c'.
  let mentees = [ScoringPerson(id: "e", grade: 1, wanted: ["a", "c"])] + (0..<5).map { ScoringPerson(id: "x\($0)", grade: 1, wanted: ["a"]) }
  let mentors = [ScoringPerson(id: "common", grade: 1, offered: ["a"]), ScoringPerson(id: "rare", grade: 1, offered: ["c"])]
  let lists = try candidates(toml, mentees: mentees, mentors: mentors)
  #expect(lists.candidates[0].map { lists.mentorID(of: $0) } == ["rare", "common"])
  #expect(lists.candidates[0][0].total > 500 && lists.candidates[0][1].total < 500)
}

@Test(arguments: [CandidateSettings.Strategy.exhaustive, .indexed])
func lineManagersAndReportingLinesAreExcluded(strategy: CandidateSettings.Strategy) throws {
  let mentee = ScoringPerson(id: "e", grade: 1, email: "e@x", lineManagerEmail: "boss@x")
  let mentors = [
    ScoringPerson(id: "boss", grade: 2, email: "boss@x", lineManagerEmail: "big@x"),
    ScoringPerson(id: "big", grade: 3, email: "big@x"),
    ScoringPerson(id: "report", grade: 0, email: "r@x", lineManagerEmail: "e@x"),
    ScoringPerson(id: "other", grade: 2, email: "o@x", lineManagerEmail: "big@x"),
    ScoringPerson(id: "e", grade: 2, email: "e@x"),
  ]
  let direct = try candidates("[[rules]]\nkind = \"not-line-manager\"", mentees: [mentee], mentors: mentors, strategy: strategy)
  #expect(direct.candidates[0].map { direct.mentorID(of: $0) } == ["big", "other", "report"])
  let line = try candidates("[[rules]]\nkind = \"not-line-manager\"\nsame_reporting_line = true", mentees: [mentee], mentors: mentors, strategy: strategy)
  #expect(line.candidates[0].map { line.mentorID(of: $0) } == ["other"])
}

@Test(arguments: [CandidateSettings.Strategy.exhaustive, .indexed])
func priorPairsAreNotProposedAgain(strategy: CandidateSettings.Strategy) throws {
  let mentees = [ScoringPerson(id: "e1", grade: 1), ScoringPerson(id: "e2", grade: 1)]
  let mentors = [ScoringPerson(id: "m1", grade: 2), ScoringPerson(id: "m2", grade: 2)]
  let lists = try candidates("[[rules]]\nkind = \"no-repeat\"", mentees: mentees, mentors: mentors,
                             prior: [PriorPair(menteeID: "e1", mentorID: "m2")], strategy: strategy)
  #expect(lists.candidates[0].map { lists.mentorID(of: $0) } == ["m1"])
  #expect(lists.candidates[1].map { lists.mentorID(of: $0) } == ["m1", "m2"])
}

@Test func sidesSplitTheScoreAndTotalCountsEachRuleOnce() throws {
  let toml = """
    [[rules]]
    kind = "same"
    field = "location"
    points = 5
    side = "mentee"
    [[rules]]
    kind = "same"
    field = "profession"
    points = 7
    side = "mentor"
    [[rules]]
    kind = "same"
    field = "department"
    points = 3
    """
  let fields = ["location": "Leeds", "profession": "Policy", "department": "DfE"]
  let lists = try candidates(toml, mentees: [ScoringPerson(id: "e", grade: 1, fields: fields)],
                             mentors: [ScoringPerson(id: "m", grade: 1, fields: fields)])
  let pair = try #require(lists.candidates[0].first)
  #expect((pair.menteeScore, pair.mentorScore, pair.total) == (8, 10, 15))
}

@Test func ranksByScoreThenMentorIDAndKeepsK() throws {
  let mentors = ["m3", "m1", "m4", "m2"].map { ScoringPerson(id: $0, grade: 1) }
  for strategy in [CandidateSettings.Strategy.exhaustive, .indexed] {
    let lists = try candidates("[[rules]]\nkind = \"no-repeat\"", mentees: [ScoringPerson(id: "e", grade: 1)],
                               mentors: mentors, k: 3, strategy: strategy)
    #expect(lists.candidates[0].map { lists.mentorID(of: $0) } == ["m1", "m2", "m3"])
  }
}
