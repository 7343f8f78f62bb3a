import Testing

@testable import MentorMatch

/// Counts in words: singular for exactly one, plural for every other count.
@Suite struct CountedNounTests {
  @Test(arguments: [
    (0, "mentee", nil, "0 mentees"), (1, "mentee", nil, "1 mentee"), (2, "mentee", nil, "2 mentees"),
    (1, "rejected row", nil, "1 rejected row"), (21, "rejected row", nil, "21 rejected rows"),
    (1, "person", "people", "1 person"), (3, "person", "people", "3 people"), (0, "person", "people", "0 people"),
  ] as [(Int, String, String?, String)])
  func phraseIsSingularForOneOnly(_ count: Int, _ singular: String, _ plural: String?, _ expected: String) {
    #expect(CountedNoun.phrase(count, singular, plural) == expected)
  }

  @Test func nounAloneFollowsTheCount() {
    #expect(CountedNoun.noun(1, "new pair") == "new pair")
    #expect(CountedNoun.noun(1_000, "new pair") == "new pairs")
  }
}
