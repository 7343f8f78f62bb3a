/// A person as the report shows them: identity, contact and the fields the
/// match-rate charts group by.
public struct ReportPerson: Sendable, Equatable {
  /// The stable id from the export.
  public var id: String
  public var givenName: String
  public var familyName: String
  public var email: String
  /// The grade's label (for example "HEO").
  public var grade: String
  /// The grade's position in the configured grade list, so charts list grades
  /// in seniority order rather than alphabetically.
  public var gradeRank: Int
  public var department: String
  public var profession: String
  public var location: String

  public init(
    id: String, givenName: String, familyName: String, email: String,
    grade: String, gradeRank: Int, department: String, profession: String, location: String
  ) {
    self.id = id
    self.givenName = givenName
    self.familyName = familyName
    self.email = email
    self.grade = grade
    self.gradeRank = gradeRank
    self.department = department
    self.profession = profession
    self.location = location
  }

  /// Given and family name with one space between, for display.
  public var fullName: String {
    switch (givenName.isEmpty, familyName.isEmpty) {
    case (false, false): return "\(givenName) \(familyName)"
    case (true, false): return familyName
    default: return givenName
    }
  }
}

/// One new mentee–mentor pair with its score and the reasons in plain words.
public struct ReportPair: Sendable, Equatable {
  public var mentee: ReportPerson
  public var mentor: ReportPerson
  /// The pair's integer score, as the solver used it.
  public var score: Int
  /// The explanation, one plain-words line per reason (from scoring).
  public var explanation: [String]

  public init(mentee: ReportPerson, mentor: ReportPerson, score: Int, explanation: [String]) {
    self.mentee = mentee
    self.mentor = mentor
    self.score = score
    self.explanation = explanation
  }

  /// The order of pairs in the report and in matches.csv: by mentee id, then mentor id.
  static func precedes(_ a: ReportPair, _ b: ReportPair) -> Bool {
    if a.mentee.id != b.mentee.id { return a.mentee.id < b.mentee.id }
    if a.mentor.id != b.mentor.id { return a.mentor.id < b.mentor.id }
    if a.score != b.score { return a.score > b.score }
    return a.explanation.lexicographicallyPrecedes(b.explanation)
  }

  /// `pairs` in ``precedes(_:_:)`` order: `pairs` itself when they are in
  /// order already (as the run hands them over), after one pass that compares
  /// fields in place; a pair passed whole to `precedes` is copied, eighteen
  /// Strings and an array each.
  static func ordered(_ pairs: [ReportPair]) -> [ReportPair] {
    inOrder(pairs) ? pairs : pairs.sorted(by: precedes)
  }

  /// Whether no pair of `pairs` ``precedes(_:_:)`` the one before it.
  static func inOrder(_ pairs: [ReportPair]) -> Bool {
    for b in pairs.indices.dropFirst() {
      let a = b - 1
      if pairs[b].mentee.id != pairs[a].mentee.id {
        if pairs[b].mentee.id < pairs[a].mentee.id { return false }
      } else if pairs[b].mentor.id != pairs[a].mentor.id {
        if pairs[b].mentor.id < pairs[a].mentor.id { return false }
      } else if pairs[b].score != pairs[a].score {
        if pairs[b].score > pairs[a].score { return false }
      } else if pairs[b].explanation.lexicographicallyPrecedes(pairs[a].explanation) {
        return false
      }
    }
    return true
  }
}

/// Which side of the programme a waiting person is on.
public enum ReportRole: String, Sendable, Equatable, CaseIterable {
  case mentee
  case mentor
}

/// A person left without a new pair, with the reason.
public struct WaitingPerson: Sendable, Equatable {
  public var person: ReportPerson
  /// The side they are waiting on; someone signed up as both may appear once per side.
  public var role: ReportRole
  /// A stable, machine-readable reason (for example `all-mentors-full`, `no-skill-offered`, `excluded-by-rule`).
  public var reasonCode: String
  /// The reason in plain words, for the cohort lead.
  public var reason: String
  /// The reason in plain words for the person themself (their "still
  /// waiting" email): "no mentor in your cohort is …", no rule numbers.
  public var reasonForPerson: String

  /// - Parameter reasonForPerson: default `reason`.
  public init(person: ReportPerson, role: ReportRole, reasonCode: String, reason: String, reasonForPerson: String? = nil) {
    self.person = person
    self.role = role
    self.reasonCode = reasonCode
    self.reason = reason
    self.reasonForPerson = reasonForPerson ?? reason
  }

  /// The reason code of someone who left the export but keeps their active
  /// pairs: listed (in the report apart, and in `unmatched.csv`), but not
  /// waiting for a pair, so not counted as waiting anywhere.
  public static let notInExport = "not-in-export"

  /// Whether the person is waiting for a pair: everyone listed but ``notInExport``.
  public var isWaiting: Bool { reasonCode != Self.notInExport }

  /// The order of waiting people: mentees first, then by reason code, then id.
  static func precedes(_ a: WaitingPerson, _ b: WaitingPerson) -> Bool {
    if a.role != b.role { return a.role == .mentee }
    if a.reasonCode != b.reasonCode { return a.reasonCode < b.reasonCode }
    if a.person.id != b.person.id { return a.person.id < b.person.id }
    return a.reason < b.reason
  }
}
