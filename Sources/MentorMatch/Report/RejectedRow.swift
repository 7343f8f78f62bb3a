/// An input row that validation rejected, as the data-quality section lists it.
public struct RejectedRow: Sendable, Equatable {
  /// The input file's name (no folders), for example `signups.csv`.
  public var file: String
  /// The 1-based physical line the row starts on.
  public var line: Int
  /// The column at fault, or empty when the whole row is wrong.
  public var field: String
  /// A stable, machine-readable reason (for example `unknown-grade`).
  public var reasonCode: String
  /// The validation message, already free of personal data.
  public var message: String

  public init(file: String, line: Int, field: String, reasonCode: String, message: String) {
    self.file = file
    self.line = line
    self.field = field
    self.reasonCode = reasonCode
    self.message = message
  }
}

/// A skill term from the sign-ups that the taxonomy could not place.
public struct UnplacedTerm: Sendable, Equatable {
  /// The term as normalised by the taxonomy stage.
  public var term: String
  /// How many times it occurs across all skill cells.
  public var occurrences: Int
  /// How many different people used it.
  public var people: Int

  public init(term: String, occurrences: Int, people: Int) {
    self.term = term
    self.occurrences = occurrences
    self.people = people
  }
}

/// Demand for one skill against its supply in the cohort.
public struct SkillSupply: Sendable, Equatable {
  /// The skill's label from the taxonomy.
  public var skill: String
  /// Mentees who want it.
  public var menteesWanting: Int
  /// Mentors who offer it.
  public var mentorsOffering: Int

  public init(skill: String, menteesWanting: Int, mentorsOffering: Int) {
    self.skill = skill
    self.menteesWanting = menteesWanting
    self.mentorsOffering = mentorsOffering
  }

  /// Demand not met by supply, never negative.
  public var shortfall: Int { max(0, menteesWanting - mentorsOffering) }
}
