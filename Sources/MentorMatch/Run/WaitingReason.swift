/// Why someone with room for a pair got none this run: a stable code, the
/// reason in words for the cohort lead (the report and `unmatched.csv`), and
/// in words for the person (their "still waiting" email), which names no rule
/// numbers or config kinds.
struct WaitingReason: Equatable {
  var code: String
  var forLead: String
  var forPerson: String

  /// A mentee's reason. Only what kept every mentor out is named: a skill the
  /// taxonomy could not place never does unless the skills rule is required,
  /// and then that rule rules everyone out on its own (`excluded-by-rule`).
  /// - Parameters:
  ///   - reasons: the candidate stage's counts, for a mentee with no candidate.
  ///   - hasCandidates: whether the mentee had candidates (who then all filled up).
  ///   - rules: the rules the cohort was scored under.
  static func mentee(_ reasons: NoCandidateReasons?, hasCandidates: Bool, rules: [ScoringRule]) -> WaitingReason {
    guard let reasons, !hasCandidates else {
      return WaitingReason(
        code: "all-mentors-full", forLead: "every suitable mentor was matched with someone who fitted them better this time",
        forPerson: "the mentors who suit you all had their places filled this time")
    }
    if reasons.mentorCount == 0 {
      return WaitingReason(
        code: "no-mentors", forLead: "no mentor in this cohort has room for a new mentee",
        forPerson: "no mentor in your cohort has room for a new mentee at the moment")
    }
    if let index = reasons.excludedEveryone.first {
      let rule = rules.first { $0.index == index }
      var lead = "rule \(index + 1) (\(rule?.kind.rawValue ?? "a rule")) rules out every mentor in the cohort"
      if case .gradeGap(let min, let max, _)? = rule?.test, let span = gradeSpan(min: min, max: max) {
        lead += ": none is \(span) them"
      }
      return WaitingReason(code: "excluded-by-rule", forLead: lead, forPerson: rule.map(personWords) ?? Self.combined)
    }
    let counts = reasons.excludedByRule.filter { $0.mentors > 0 }.map { "rule \($0.rule + 1) (\($0.kind.rawValue)): \($0.mentors)" }
    return WaitingReason(
      code: "excluded-by-rules",
      forLead: "the required rules together rule out every mentor (\(counts.joined(separator: "; ")))", forPerson: Self.combined)
  }

  /// A mentor with room who got no new mentee.
  /// - Parameter wasACandidate: whether they were on some mentee's candidate list.
  static func mentor(wasACandidate: Bool) -> WaitingReason {
    wasACandidate
      ? WaitingReason(
        code: "no-suitable-mentee", forLead: "every mentee who could be paired with them was matched with another mentor this time",
        forPerson: "every mentee who could be paired with you was matched with another mentor this time")
      : WaitingReason(
        code: "no-suitable-mentee", forLead: "the rules rule them out for every mentee waiting in this cohort",
        forPerson: "the scheme’s rules rule you out for every mentee waiting in your cohort")
  }

  private static let combined = "the scheme’s rules together rule out every mentor in your cohort for you this time"

  /// What a required rule that ruled out every mentor asks for, to the mentee.
  private static func personWords(_ rule: ScoringRule) -> String {
    switch rule.test {
    case .gradeGap(let min, let max, _):
      gradeSpan(min: min, max: max).map { "no mentor in your cohort is \($0) you" }
        ?? "no mentor in your cohort is at a grade this scheme pairs with yours"
    case .same(let field):
      "no mentor in your cohort has the same \(Explanation.label(field)) as you, which this scheme asks for"
    case .different(let field):
      "every mentor in your cohort has the same \(Explanation.label(field)) as you, and this scheme pairs people from different ones"
    case .contains(let menteeField, _):
      "no mentor in your cohort matches what you asked for as \(Explanation.label(menteeField))"
    case .skills:
      "no mentor in your cohort offers any of the skills you asked for, or one close to them"
    case .notLineManager:
      "every mentor in your cohort is in your own line management chain"
    case .noRepeat:
      "you have already been paired with every mentor in your cohort"
    }
  }

  /// An allowed gap that lies wholly above or below the mentee's grade, in
  /// words (`one to three grades above`); nil for a range that spans it.
  static func gradeSpan(min: Int, max: Int) -> String? {
    func grades(_ n: Int) -> String { n == 1 ? "one grade" : "\(Explanation.number(n)) grades" }
    if min >= 1 { return min == max ? "\(grades(min)) above" : "\(Explanation.number(min)) to \(grades(max)) above" }
    if max <= -1 { return min == max ? "\(grades(-max)) below" : "\(Explanation.number(-max)) to \(grades(-min)) below" }
    return nil
  }
}
