import Testing
@testable import MentorMatch

@Test func explainsFromBothPointsOfView() throws {
  let toml = """
    [[rules]]
    kind = "same"
    field = "department"
    points = 3
    [[rules]]
    kind = "skills"
    points = 60
    [[rules]]
    kind = "grade-gap"
    required = true
    min = 1
    max = 2
    points_by_gap = { "1" = 9, "2" = 12 }
    [[rules]]
    kind = "contains"
    mentee_field = "identity_to_match"
    mentor_field = "characteristics"
    points = 6
    """
  let mentee = ScoringPerson(id: "e", grade: 4, fields: ["department": "Policy", "identity_to_match": "gay"],
                             wanted: ["a", "c", "b"])
  let mentor = ScoringPerson(id: "m", grade: 5, fields: ["department": "policy", "characteristics": "Gay, Trans"],
                             offered: ["a", "c", "P1"])
  let lists = try candidates(toml, mentees: [mentee], mentors: [mentor])
  let pair = try #require(lists.candidates[0].first)
  let explanation = Explanation(breakdown: lists.breakdown(of: pair), menteeName: "Alex", mentorName: "Sam")
  #expect(explanation.forMentee == [
    "You both work in Policy",
    "Sam offers Project delivery and Stakeholder management, which you asked for",
    "Sam offers Influence (close to Negotiation), which is close to what you asked for",
    "Sam is one grade above you",
    "Sam’s characteristics include gay, as you asked",
  ])
  #expect(explanation.forMentor == [
    "You both work in Policy",
    "Alex asked for Project delivery and Stakeholder management, which you offer",
    "Alex asked for Negotiation (close to your Influence)",
    "Alex is one grade below you",
    "Alex asked for a mentor whose characteristics include gay, as yours do",
  ])
  let breakdown = lists.breakdown(of: pair)
  #expect(breakdown.rules.map(\.rule) == [0, 1, 2, 3])
  #expect(breakdown.rules.reduce(0) { $0 + $1.points } == pair.total)
}

@Test(arguments: [(2, "Sam is two grades above you"), (0, "Sam is at your grade"), (-1, "Sam is one grade below you"), (3, "Sam is 3 grades above you")])
func wordsGradeGaps(gap: Int, sentence: String) {
  #expect(Explanation.grade("Sam", gap: gap) == sentence)
}

@Test func fixedPointLogIsExact() {
  #expect(FixedPointLog.log2(8, over: 1) == 3 << 16)
  #expect(FixedPointLog.log2(1, over: 1) == 0)
  // log2(3) = 1.5849625… → 103872.9… in Q16.
  #expect(FixedPointLog.log2(3, over: 1) == 103_872)
  #expect(FixedPointLog.log2(1_000_001, over: 7) == 1_122_252)
  #expect(FixedPointLog.idfWeight(people: 99, holders: 99) == 1 << 16)
}

/// The byte path for ASCII field names against the Character-level rule.
@Test(arguments: ["department", "Line_Manager_Email", "PROFESSION", "a_b_c", "x9_Y", "Région_Préférée", "", "_"])
func labelsLowercaseAndSpaceFieldNames(_ field: String) {
  #expect(Explanation.label(field) == String(field.lowercased().map { $0 == "_" ? " " : $0 }))
}
