/// Everything the candidate stage needs for one cohort: plain values, no I/O.
public struct ScoringCohort: Sendable {
  public var mentees: [ScoringPerson]
  public var mentors: [ScoringPerson]
  /// The taxonomy's hierarchy, for partial credit and labels.
  public var hierarchy: SkillHierarchy
  /// Pairs made in earlier runs, for `no-repeat`.
  public var priorPairs: Set<PriorPair>

  public init(mentees: [ScoringPerson], mentors: [ScoringPerson], hierarchy: SkillHierarchy,
              priorPairs: Set<PriorPair> = []) {
    self.mentees = mentees
    self.mentors = mentors
    self.hierarchy = hierarchy
    self.priorPairs = priorPairs
  }
}

/// A pair made in an earlier run.
public struct PriorPair: Hashable, Sendable {
  public var menteeID: String
  public var mentorID: String

  public init(menteeID: String, mentorID: String) {
    self.menteeID = menteeID
    self.mentorID = mentorID
  }
}

/// A problem with the people handed to the scoring stage.
public enum ScoringError: Error, Equatable, CustomStringConvertible, ExitCoded {
  /// Two mentees (or two mentors) share an id, so tie-breaks would not be stable.
  case duplicateID(role: String, id: String)
  /// A person's grade index is negative.
  case badGrade(role: String, id: String, grade: Int)

  public var description: String {
    switch self {
    case .duplicateID(let role, let id): "scoring: two \(role)s share the id '\(id)'"
    case .badGrade(let role, let id, let grade): "scoring: \(role) '\(id)': grade index \(grade) is negative"
    }
  }

  public var exitStatus: ExitStatus { .dataError }
}
