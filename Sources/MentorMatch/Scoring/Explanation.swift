
/// A pair's reasons in plain words, from each person's point of view, built
/// from its ``PairBreakdown``. Sentences start with a capital and have no full
/// stop, so callers can list them ("You were matched because: …; …").
public struct Explanation: Sendable, Equatable {
  /// Addressed to the mentee ("Sam is one grade above you").
  public var forMentee: [String]
  /// Addressed to the mentor ("Alex is one grade below you").
  public var forMentor: [String]
  /// The mentee's side for the cohort lead, in the third person ("Sam is
  /// one grade above Alex"): what the report and `matches.csv` show.
  public var forLead: [String]

  /// - Parameters:
  ///   - breakdown: from ``CandidateLists/breakdown(of:)``.
  ///   - menteeName: how to name the mentee to the mentor (e.g. given name).
  ///   - mentorName: how to name the mentor to the mentee.
  ///   - leadNames: how the lead's sentences name the two; by default as above.
  public init(
    breakdown: PairBreakdown, menteeName: String, mentorName: String,
    leadNames: (mentee: String, mentor: String)? = nil
  ) {
    var mentee: [String] = []
    var mentor: [String]? = []
    var last = SharedSentence()
    Self.word(breakdown, menteeName: menteeName, mentorName: mentorName, mentee: &mentee, mentor: &mentor, last: &last)
    forMentee = mentee
    forMentor = mentor ?? []
    let names = leadNames ?? (menteeName, mentorName)
    last = SharedSentence()
    forLead = Self.leadLines(breakdown, menteeName: names.mentee, mentorName: names.mentor, last: &last)
  }

  /// ``forLead`` alone, for a report whose pairs have no emails to word:
  /// the other sides' sentences are not worded. `last` keeps the last shared-value
  /// sentence, which the next pair of the same mentee repeats.
  static func leadLines(
    _ breakdown: PairBreakdown, menteeName: String, mentorName: String, last: inout SharedSentence
  ) -> [String] {
    var mentee: [String] = []
    var none: [String]?
    Self.word(
      breakdown, menteeName: menteeName, mentorName: mentorName, mentee: &mentee, mentor: &none, last: &last,
      menteeSideFor: .lead)
    return mentee
  }

  /// Whom the mentee's sentences address: the mentee ("…above you") or the
  /// cohort lead, who reads of the mentee by name ("…above Alex").
  enum Reader {
    case mentee, lead
  }

  /// A `same` rule's sentence with the field and value it words.
  struct SharedSentence {
    var field = ""
    var value = ""
    var sentence = ""
  }

  /// The sentences for each side, in rule order; `mentor` nil leaves the
  /// mentor's side out. The mentee's side is written for `reader`.
  private static func word(
    _ breakdown: PairBreakdown, menteeName: String, mentorName: String, mentee: inout [String], mentor: inout [String]?,
    last: inout SharedSentence, menteeSideFor reader: Reader = .mentee
  ) {
    // The mentee as the mentee's sentences name them: "you", or by name.
    let (you, yours) = reader == .mentee ? ("you", "yours") : (menteeName, "\(menteeName)’s")
    mentee.reserveCapacity(breakdown.rules.count + 1)
    mentor?.reserveCapacity(breakdown.rules.count + 1)
    for score in breakdown.rules {
      switch score.detail {
      case .gradeGap(let gap):
        mentee.append(grade(mentorName, gap: gap, of: reader == .mentee ? nil : menteeName))
        mentor?.append(grade(menteeName, gap: -gap))
      case .shared(let field, let value):
        if last.field != field || last.value != value || last.sentence.isEmpty {
          last = SharedSentence(field: field, value: value, sentence: shared(field: field, value: value, for: reader))
        }
        mentee.append(last.sentence)
        mentor?.append(last.sentence)
      case .differs(let field):
        mentee.append("\(mentorName)’s \(label(field)) is different from \(yours)")
        mentor?.append("\(menteeName)’s \(label(field)) is different from yours")
      case .contained(_, let mentorField, let value):
        mentee.append("\(mentorName)’s \(label(mentorField)) include \(value), as \(you) asked")
        mentor?.append("\(menteeName) asked for a mentor whose \(label(mentorField)) include \(value), as yours do")
      case .skills:
        let exact = breakdown.coveredSkills.filter(\.exact)
        let close = breakdown.coveredSkills.filter { !$0.exact }
        if !exact.isEmpty {
          let labels = list(exact.map(\.wanted))
          mentee.append("\(mentorName) offers \(labels), which \(you) asked for")
          mentor?.append("\(menteeName) asked for \(labels), which you offer")
        }
        if !close.isEmpty {
          // One: "Sam offers Influence, close to Negotiation, which you asked for".
          // Several: "Sam offers skills close to ones you asked for: A (close to B) and C (close to D)".
          mentee.append(
            close.count == 1
              ? "\(mentorName) offers \(close[0].offered), close to \(close[0].wanted), which \(you) asked for"
              : "\(mentorName) offers skills close to ones \(you) asked for: "
                + list(close.map { "\($0.offered) (close to \($0.wanted))" }))
          mentor?.append("\(menteeName) asked for \(list(close.map { "\($0.wanted) (close to your \($0.offered))" }))")
        }
      }
    }
  }

  /// `name`'s grade against the reader's ("above you"), or against `other`'s ("above Alex").
  static func grade(_ name: String, gap: Int, of other: String? = nil) -> String {
    let steps = abs(gap) == 1 ? "one grade" : "\(number(abs(gap))) grades"
    if gap == 0 { return "\(name) is at \(other.map { "\($0)’s" } ?? "your") grade" }
    return "\(name) is \(steps) \(gap > 0 ? "above" : "below") \(other ?? "you")"
  }

  /// A whole number in words up to ten (`three`), digits above, as the
  /// grade sentences write it: "three grades", never "3 grades" beside "two grades".
  static func number(_ value: Int) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words.indices.contains(value) ? words[value] : String(value)
  }

  static func shared(field: String, value: String, for reader: Reader = .mentee) -> String {
    switch (field.lowercased(), reader) {
    case ("department", .mentee), ("organisation", .mentee), ("organization", .mentee): "You both work in \(value)"
    case ("department", .lead), ("organisation", .lead), ("organization", .lead): "Both work in \(value)"
    case ("profession", .mentee): "You are both in the \(value) profession"
    case ("profession", .lead): "Both are in the \(value) profession"
    case ("location", .mentee): "You are both based in \(value)"
    case ("location", .lead): "Both are based in \(value)"
    case (_, .mentee): "You share the same \(label(field)): \(value)"
    case (_, .lead): "Both have the same \(label(field)): \(value)"
    }
  }

  /// A field name as words: `identity_to_match` → `identity to match`.
  static func label(_ field: String) -> String {
    // Field names are ASCII in practice; bytes spare a Character walk per
    // sentence, and a name already in lowercase words is its own label.
    if field.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "_") && !(0x41...0x5A).contains($0) }) { return field }
    if field.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(decoding: field.utf8.map { $0 == UInt8(ascii: "_") ? 0x20 : (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
    return String(field.lowercased().map { $0 == "_" ? " " : $0 })
  }

  /// "A", "A and B", "A, B and C".
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    guard items.count > 1 else { return last }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }
}
