/// Why a record was not accepted. The raw values are stable codes, used in
/// `rejects.csv`, the JSON summary and reports.
public enum RejectReason: String, Sendable, CaseIterable, Comparable, Codable {
  case missingField = "missing-field"
  case unknownRole = "unknown-role"
  case unknownGrade = "unknown-grade"
  case badEmail = "bad-email"
  case badCapacity = "bad-capacity"
  case noConsent = "no-consent"
  case raggedRow = "ragged-row"
  case badDate = "bad-date"
  case controlCharacter = "control-character"
  case csvSyntax = "csv-syntax"
  case invalidUTF8 = "invalid-utf8"
  case nulByte = "nul-byte"
  /// Not a fault: a later sign-up of the same person replaced this one.
  case superseded

  public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One problem with one field of a record.
public struct FieldProblem: Sendable, Equatable {
  /// The template field (or extra column) at fault; empty for the whole record.
  public var field: String
  public var reason: RejectReason
  /// Words for a person, free of personal data.
  public var message: String

  public init(field: String, reason: RejectReason, message: String) {
    self.field = field
    self.reason = reason
    self.message = message
  }
}

/// A record that was rejected or superseded, with every problem found in it.
public struct RejectedRecord: Sendable, Equatable {
  public var location: RecordLocation
  /// At least one; the first decides the record's reason in counts.
  public var problems: [FieldProblem]
  /// The person's id where it could be read, so reports can say who.
  public var personID: String?
  /// The cohort where it could be read.
  public var cohort: String?

  public var reason: RejectReason { problems[0].reason }
}
