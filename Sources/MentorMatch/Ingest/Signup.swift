/// What a person signed up as.
public enum Role: String, Sendable, CaseIterable, Comparable, Codable {
  case mentor
  case mentee
  case both

  public var isMentor: Bool { self != .mentee }
  public var isMentee: Bool { self != .mentor }

  public static func < (lhs: Role, rhs: Role) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Where a record came from, for messages and reports.
public struct RecordLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file's name as the config gives it.
  public var file: String
  /// The position of the file in the config's list: later files win ties.
  public var fileIndex: Int
  /// The physical line the record starts on.
  public var line: Int
  /// The data record's number in its file (1 = first after the header).
  public var record: Int

  public init(file: String, fileIndex: Int, line: Int, record: Int) {
    self.file = file
    self.fileIndex = fileIndex
    self.line = line
    self.record = record
  }

  public var description: String { "\(file):\(line)" }

  public static func < (lhs: RecordLocation, rhs: RecordLocation) -> Bool {
    (lhs.fileIndex, lhs.line) < (rhs.fileIndex, rhs.line)
  }
}

/// One accepted sign-up: a validated row of the export.
public struct Signup: Sendable, Equatable {
  /// A stable id: the export's id column, or one derived from the email.
  public var id: String
  public var givenName: String
  public var familyName: String
  /// The address as given (trimmed); compare with ``emailKey``.
  public var email: String
  public var role: Role
  /// The position in the configured grade order (0 = most junior).
  public var gradeIndex: Int
  /// The canonical grade label from the config.
  public var grade: String
  public var department: String
  public var profession: String
  public var location: String
  /// The raw "skills offered" cell, split and normalised by the taxonomy stage.
  public var skillsOfferedText: String
  /// The raw "skills wanted" cell.
  public var skillsWantedText: String
  /// Most mentees this person will mentor (0 when not a mentor).
  public var mentorCapacity: Int
  /// Most mentors this person wants (0 when not a mentee).
  public var menteeCapacity: Int
  public var cohort: String
  /// The line manager's address, lowercased, or empty.
  public var lineManagerEmail: String
  /// The sign-up time as a sortable UTC timestamp (`2026-11-02T09:30:00Z`), or empty.
  public var signedUpAt: String
  /// Extra columns named in the config, by their configured name.
  public var extra: [String: String]
  public var source: RecordLocation

  /// The address lowercased, for comparing people.
  public var emailKey: String { email.lowercased() }

  /// The name to show: "Given Family".
  public var displayName: String { Self.displayName(given: givenName, family: familyName) }

  /// "Given Family", either part left out when empty, from the two stored
  /// fields: a caller holding an array of sign-ups reads those two in place,
  /// where calling ``displayName`` on an element copies the whole sign-up
  /// (dozens of Strings retained and released, for each email).
  public static func displayName(given: String, family: String) -> String {
    if family.isEmpty { return given }
    if given.isEmpty { return family }
    return given + " " + family
  }

  /// A field by its config name (`department`, `profession`, `location`, `grade`,
  /// `cohort`, `role`, or an extra column), for rules that name fields.
  public func value(of field: String) -> String? {
    switch field {
    case "department": department
    case "profession": profession
    case "location": location
    case "grade": grade
    case "cohort": cohort
    case "role": role.rawValue
    default: extra[field]
    }
  }
}
