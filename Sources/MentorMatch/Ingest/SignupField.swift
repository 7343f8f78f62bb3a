/// The fields of the default export template, in template order. Each maps to
/// a column header through `[input.columns]`; the default header is the
/// field's own name.
public enum SignupField: String, Sendable, CaseIterable, Comparable {
  case id
  case givenName = "given_name"
  case familyName = "family_name"
  case email
  case role
  case grade
  case department
  case profession
  case location
  case skillsOffered = "skills_offered"
  case skillsWanted = "skills_wanted"
  case capacity
  case cohort
  case lineManagerEmail = "line_manager_email"
  case consent
  case signedUpAt = "signed_up_at"

  /// Fields without which a row is rejected. `role` is required unless the
  /// file names a fixed role.
  public var isRequired: Bool {
    switch self {
    case .email, .givenName, .grade, .role: true
    default: false
    }
  }

  public static func < (lhs: SignupField, rhs: SignupField) -> Bool {
    lhs.position < rhs.position
  }

  /// The field's place in the template (and in `allCases`), from 0.
  var position: Int {
    switch self {
    case .id: 0
    case .givenName: 1
    case .familyName: 2
    case .email: 3
    case .role: 4
    case .grade: 5
    case .department: 6
    case .profession: 7
    case .location: 8
    case .skillsOffered: 9
    case .skillsWanted: 10
    case .capacity: 11
    case .cohort: 12
    case .lineManagerEmail: 13
    case .consent: 14
    case .signedUpAt: 15
    }
  }
}
