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
    "Sam offers Influence, close to Negotiation, which you asked for",
    "Sam is one grade above you",
    "Sam’s characteristics include gay, as you asked",
  ])
  var last = Explanation.SharedSentence()
  #expect(Explanation.leadLines(lists.breakdown(of: pair), menteeName: "Alex", mentorName: "Sam", last: &last) == [
    "Both work in Policy",
    "Sam offers Project delivery and Stakeholder management, which Alex asked for",
    "Sam offers Influence, close to Negotiation, which Alex asked for",
    "Sam is one grade above Alex",
    "Sam’s characteristics include gay, as Alex asked",
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

@Test(arguments: [(2, "Sam is two grades above you"), (0, "Sam is at your grade"), (-1, "Sam is one grade below you"), (3, "Sam is three grades above you"), (-4, "Sam is four grades below you"), (12, "Sam is 12 grades above you")])
func wordsGradeGaps(gap: Int, sentence: String) {
  #expect(Explanation.grade("Sam", gap: gap) == sentence)
}

/// For the cohort lead, the mentee by name.
@Test(arguments: [(2, "Sam is two grades above Alex"), (0, "Sam is at Alex’s grade"), (-1, "Sam is one grade below Alex")])
func wordsGradeGapsForTheLead(gap: Int, sentence: String) {
  #expect(Explanation.grade("Sam", gap: gap, of: "Alex") == sentence)
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

/// Breakdowns that read each mentee's field text once per run of pairs, and
/// the mentee-only sentences, against the one-pair results and the plain
/// definitions of what a breakdown quotes, on a seeded cohort with every kind
/// of quoted rule; pairs sorted by mentee (the report's order) and shuffled
/// (no run to share).
@Test(arguments: [5, 6] as [UInt64])
func batchBreakdownsAndMenteeLinesEqualThePlainDefinitions(seed: UInt64) throws {
  let toml = """
    [[rules]]
    kind = "same"
    field = "department"
    points = 3
    [[rules]]
    kind = "skills"
    points = 60
    partial_credit = 0.5
    [[rules]]
    kind = "grade-gap"
    min = 0
    max = 3
    points_by_gap = { "0" = 1, "1" = 9, "2" = 12, "3" = 2 }
    [[rules]]
    kind = "contains"
    mentee_field = "identity_to_match"
    mentor_field = "characteristics"
    points = 6
    [[rules]]
    kind = "different"
    field = "location"
    points = 2
    """
  var random = SplitMix64(seed: seed)
  let departments = ["Policy", " policy ", "HMRC", ""]
  let identities = ["Gay", "trans", " Bi ", "Lesbian"]
  func pick(_ items: [String]) -> String { items[Int(random.next() % UInt64(items.count))] }
  func list() -> String { (0..<Int(random.next() % 4)).map { _ in pick(identities) }.joined(separator: pick([",", ";", " | "])) }
  let skills = ["a", "b", "c", "d", "P1", "P2"]
  let mentees = (0..<40).map { index in
    ScoringPerson(id: "e\(index)", grade: Int(random.next() % 4),
                  fields: ["department": pick(departments), "identity_to_match": list(), "location": pick(["Leeds", "York"])],
                  wanted: (0..<Int(random.next() % 3)).map { _ in pick(skills) })
  }
  let mentors = (0..<30).map { index in
    ScoringPerson(id: "m\(index)", grade: 2 + Int(random.next() % 4),
                  fields: ["department": pick(departments), "characteristics": list(), "location": pick(["Leeds", "York"])],
                  offered: (0..<Int(random.next() % 3)).map { _ in pick(skills) })
  }
  let lists = try candidates(toml, mentees: mentees, mentors: mentors, k: 10)
  let sorted = lists.candidates.flatMap { $0 }.map { (mentee: $0.mentee, mentor: $0.mentor) }
  var shuffled = sorted
  for index in shuffled.indices.reversed() { shuffled.swapAt(index, Int(random.next() % UInt64(index + 1))) }
  #expect(sorted.count > 100)
  var quoted = (shared: 0, contained: 0)
  for pairs in [sorted, shuffled] {
    let batch = lists.tables.breakdowns(pairs)
    var last = Explanation.SharedSentence()
    #expect(batch.count == pairs.count)
    for (pair, breakdown) in zip(pairs, batch) {
      #expect(breakdown == lists.tables.breakdown(pair.mentee, pair.mentor), "\(pair)")
      // What is quoted, by definition: a `same` rule's value as the mentee
      // wrote it (trimmed), and a `contains` rule's first item the mentee
      // typed whose folded form is among the mentor's items.
      for score in breakdown.rules {
        switch score.detail {
        case .shared(let field, let value):
          #expect(value == FieldText.display(mentees[pair.mentee].fields[field]), "\(pair)")
          quoted.shared += 1
        case .contained(let menteeField, let mentorField, let value):
          let theirs = Set(FieldText.items(mentors[pair.mentor].fields[mentorField] ?? ""))
          let typed = (mentees[pair.mentee].fields[menteeField] ?? "")
            .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }).map { FieldText.display(String($0)) }
          #expect(value == (typed.first { theirs.contains(FieldText.fold($0)) } ?? ""), "\(pair)")
          quoted.contained += 1
        default:
          break
        }
      }
      let plain = Explanation(breakdown: breakdown, menteeName: "Alex", mentorName: "Sam")
      let lead = Explanation.leadLines(breakdown, menteeName: "Alex", mentorName: "Sam", last: &last)
      #expect(lead == plain.forLead, "the report's lines are the same with emails or without")
      #expect(lead.count == plain.forMentee.count)
      #expect(!lead.joined().contains("you") && !lead.joined().contains("You"), "\(lead)")
    }
  }
  #expect(quoted.shared > 0 && quoted.contained > 0, "both quoted rules paid points somewhere")
}

/// Several skills close to the wanted ones are named in one sentence, each
/// with the skill it stands in for; one is named in a plain clause.
@Test func wordsSeveralCloseSkillsInOneSentence() throws {
  let toml = """
    [[rules]]
    kind = "skills"
    points = 60
    """
  let mentee = ScoringPerson(id: "e", grade: 4, wanted: ["b", "d"])
  let mentor = ScoringPerson(id: "m", grade: 5, offered: ["a", "c"])
  let lists = try candidates(toml, mentees: [mentee], mentors: [mentor])
  let pair = try #require(lists.candidates[0].first)
  let explanation = Explanation(breakdown: lists.breakdown(of: pair), menteeName: "Alex", mentorName: "Sam")
  #expect(explanation.forMentee == [
    "Sam offers skills close to ones you asked for: Stakeholder management (close to Negotiation) and Project delivery (close to Risk)"
  ])
  #expect(explanation.forMentor == ["Alex asked for Negotiation (close to your Stakeholder management) and Risk (close to your Project delivery)"])
}
