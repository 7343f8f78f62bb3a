/// The kinds of email the notification stage writes.
public enum EmailKind: String, Sendable, Hashable, CaseIterable, Comparable {
  /// One email per person per run listing all of their new matches.
  case match
  /// A mentee left waiting this run, with the reason in words.
  case waiting
  /// A cohort lead's summary: counts per cohort and where the report is.
  case leadSummary = "lead-summary"

  public static func < (lhs: EmailKind, rhs: EmailKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which side of the programme a person is on.
public enum EmailRole: String, Sendable, Hashable {
  case mentor
  case mentee
  /// A cohort lead (summary emails).
  case lead
}

/// Who an email goes to.
public struct EmailRecipient: Sendable, Hashable {
  /// The name as it should appear in `To` and the greeting (`Zoë O’Brien`).
  public var displayName: String
  /// The address, validated when the email is composed.
  public var address: String
  public var role: EmailRole

  public init(displayName: String, address: String, role: EmailRole) {
    self.displayName = displayName
    self.address = address
    self.role = role
  }
}

/// One new match, seen from the recipient's side: the other person.
public struct MatchNotice: Sendable, Hashable {
  public var name: String
  /// The other person's role (a mentee's match is a mentor).
  public var role: EmailRole
  public var gradeLabel: String
  public var department: String
  public var profession: String
  /// How to get in touch; validated like the recipient's address.
  public var email: String
  /// Plain-words explanation lines from the scoring stage, in order.
  public var reasons: [String]

  public init(name: String, role: EmailRole, gradeLabel: String, department: String, profession: String, email: String, reasons: [String]) {
    self.name = name
    self.role = role
    self.gradeLabel = gradeLabel
    self.department = department
    self.profession = profession
    self.email = email
    self.reasons = reasons
  }
}

/// One cohort's counts for a lead's summary.
public struct CohortCounts: Sendable, Hashable {
  public var cohort: String
  public var signups: Int
  /// Mentees who gained a mentor in this run (people, not pairs).
  public var newlyMatched: Int
  public var waiting: Int
  public var rejected: Int

  public init(cohort: String, signups: Int, newlyMatched: Int, waiting: Int, rejected: Int) {
    self.cohort = cohort
    self.signups = signups
    self.newlyMatched = newlyMatched
    self.waiting = waiting
    self.rejected = rejected
  }
}

/// What an email says, by kind.
public enum EmailContent: Sendable, Hashable {
  /// The recipient's new matches (at least one), sorted by the caller.
  case match([MatchNotice])
  /// The recipient is still waiting; `reason` in plain words.
  case waiting(reason: String)
  /// Counts per cohort (in the caller's order) and the report's path.
  case leadSummary(counts: [CohortCounts], reportPath: String)

  public var kind: EmailKind {
    switch self {
    case .match: .match
    case .waiting: .waiting
    case .leadSummary: .leadSummary
    }
  }
}

/// Everything one email needs: the orchestrator fills this, the composer renders it.
public struct EmailRequest: Sendable, Hashable {
  public var recipient: EmailRecipient
  /// The programme's name (`Civil Service Mentoring`).
  public var programme: String
  /// The cohort the email is about (part of the file name and Message-ID).
  public var cohort: String
  /// The run id: letters, digits, `.`, `_`, `-`.
  public var runID: String
  /// The run's as-of; becomes the `Date` header.
  public var asOf: EmailTimestamp
  /// Next steps text from the config, paragraphs separated by blank lines.
  public var nextSteps: String
  public var content: EmailContent

  public init(
    recipient: EmailRecipient, programme: String, cohort: String, runID: String, asOf: EmailTimestamp,
    nextSteps: String, content: EmailContent
  ) {
    self.recipient = recipient
    self.programme = programme
    self.cohort = cohort
    self.runID = runID
    self.asOf = asOf
    self.nextSteps = nextSteps
    self.content = content
  }

  public var kind: EmailKind { content.kind }
}
