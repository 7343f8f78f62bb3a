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
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
