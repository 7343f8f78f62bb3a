/// The strings and shape of a request's template context, made straight
/// from the typed request: exactly what
/// `SentinelContext(EmailComposer.context(request), markers: false)` gives,
/// without building the `[String: Any]` context and walking it with dynamic
/// casts (a fifth of the composing time). Once a shape's skeletons exist,
/// an email needs nothing else.
struct ContextFill: Equatable {
  /// The context's strings in the walk's order (keys sorted at each level).
  var slots: [String]
  /// The walk's shape key (see ``SentinelContext/shape``).
  var shape: String
}

extension EmailComposer {
  /// The names of ``context(_:nextSteps:)``, each typed by how it is filled.
  private enum RootKey: String, CaseIterable {
    case programme, cohort, runID = "run_id", asOf = "as_of", recipientName = "recipient_name"
    case hasRecipientName = "has_recipient_name", recipientRole = "recipient_role", isMentor = "is_mentor"
    case isMentee = "is_mentee", nextSteps = "next_steps", hasNextSteps = "has_next_steps"
    case nextStepsParagraphs = "next_steps_paragraphs", matches, matchCount = "match_count", one, several
    case reason, cohorts, reportPath = "report_path"
    case mentorCount = "mentor_count", oneMentor = "one_mentor", severalMentors = "several_mentors"
    case menteeCount = "mentee_count", oneMentee = "one_mentee", severalMentees = "several_mentees"

    static let common: [RootKey] = [
      .programme, .cohort, .runID, .asOf, .recipientName, .hasRecipientName, .recipientRole, .isMentor, .isMentee,
      .nextSteps, .hasNextSteps, .nextStepsParagraphs,
    ]
    /// Each kind's names in the walk's order: sorted as `String` sorts them.
    static let match = (common + [
      .matches, .matchCount, .one, .several, .mentorCount, .oneMentor, .severalMentors, .menteeCount, .oneMentee,
      .severalMentees,
    ]).sorted { $0.rawValue < $1.rawValue }
    static let waiting = (common + [.reason]).sorted { $0.rawValue < $1.rawValue }
    static let leadSummary = (common + [.cohorts, .reportPath, .one, .several]).sorted { $0.rawValue < $1.rawValue }
  }

  private enum MatchKey: String, CaseIterable {
    case name, role, grade, department, profession, email, reasons, hasReasons = "has_reasons"
    static let sorted = allCases.sorted { $0.rawValue < $1.rawValue }
  }

  private enum CohortKey: String, CaseIterable {
    case cohort, signups, matched, waiting, rejected
    static let sorted = allCases.sorted { $0.rawValue < $1.rawValue }
  }

  /// Appends to the slots and shape as ``SentinelContext``'s walk does.
  private struct FillWriter {
    var slots: [String] = []
    var shape = ""

    init() {
      slots.reserveCapacity(48)
      shape.reserveCapacity(256)
    }

    mutating func string(_ text: String) {
      shape += ":s,"
      slots.append(text)
    }

    mutating func flag(_ value: Bool) { shape += value ? ":t," : ":f," }
    mutating func number(_ value: Int) { shape += ":\(value),"  }

    /// A `[[String: String]]` list whose items hold one name, `text`.
    mutating func texts(_ items: [String]) {
      shape += ":[\(items.count)"
      for item in items {
        shape += "text"
        slots.append(item)
      }
      shape += "],"
    }
  }

  /// The fill of `request`'s context; `steps` as for ``context(_:nextSteps:)``.
  static func fill(_ request: EmailRequest, nextSteps steps: NextSteps) -> ContextFill {
    var out = FillWriter()
    let role = request.recipient.role
    let keys: [RootKey]
    switch request.content {
    case .match: keys = RootKey.match
    case .waiting: keys = RootKey.waiting
    case .leadSummary: keys = RootKey.leadSummary
    }
    out.shape += "{"
    for key in keys {
      switch key {
      case .programme: out.string(request.programme)
      case .cohort: out.string(request.cohort)
      case .runID: out.string(request.runID)
      case .asOf: out.string(request.asOf.longDate)
      case .recipientName: out.string(request.recipient.displayName)
      case .hasRecipientName: out.flag(!request.recipient.displayName.isEmpty)
      case .recipientRole: out.string(role.rawValue)
      case .isMentor: out.flag(isMentor(request))
      case .isMentee: out.flag(isMentee(request))
      case .nextSteps: out.string(steps.text)
      case .hasNextSteps: out.flag(!steps.text.isEmpty)
      case .nextStepsParagraphs: out.texts(steps.paragraphTexts)
      case .matches, .matchCount, .one, .several, .reason, .cohorts, .reportPath, .mentorCount, .oneMentor, .severalMentors,
        .menteeCount, .oneMentee, .severalMentees:
        fillContent(key, request.content, into: &out)
      }
      out.shape += key.rawValue
    }
    out.shape += "}"
    return ContextFill(slots: out.slots, shape: out.shape)
  }

  private static func fillContent(_ key: RootKey, _ content: EmailContent, into out: inout FillWriter) {
    switch (key, content) {
    case (.matches, .match(let matches)):
      out.shape += ":[\(matches.count)"
      for match in matches { fillMatch(match, into: &out) }
      out.shape += "],"
    case (.matchCount, .match(let matches)): out.number(matches.count)
    case (.one, .match(let matches)): out.flag(matches.count == 1)
    case (.several, .match(let matches)): out.flag(matches.count > 1)
    case (.mentorCount, .match(let matches)): out.number(mentorCount(matches))
    case (.oneMentor, .match(let matches)): out.flag(mentorCount(matches) == 1)
    case (.severalMentors, .match(let matches)): out.flag(mentorCount(matches) > 1)
    case (.menteeCount, .match(let matches)): out.number(matches.count - mentorCount(matches))
    case (.oneMentee, .match(let matches)): out.flag(matches.count - mentorCount(matches) == 1)
    case (.severalMentees, .match(let matches)): out.flag(matches.count - mentorCount(matches) > 1)
    case (.reason, .waiting(let reason)): out.string(reason)
    case (.cohorts, .leadSummary(let counts, _)):
      out.shape += ":[\(counts.count)"
      for count in counts { fillCohort(count, into: &out) }
      out.shape += "],"
    case (.reportPath, .leadSummary(_, let reportPath)): out.string(reportPath)
    case (.one, .leadSummary(let counts, _)): out.flag(counts.count == 1)
    case (.several, .leadSummary(let counts, _)): out.flag(counts.count > 1)
    default: break  // Not a name of this kind: the key lists never ask.
    }
  }

  private static func fillMatch(_ match: MatchNotice, into out: inout FillWriter) {
    out.shape += "{"
    for key in MatchKey.sorted {
      switch key {
      case .name: out.string(match.name)
      case .role: out.string(match.role.rawValue)
      case .grade: out.string(match.gradeLabel)
      case .department: out.string(match.department)
      case .profession: out.string(match.profession)
      case .email: out.string(match.email)
      case .reasons: out.texts(match.reasons)
      case .hasReasons: out.flag(!match.reasons.isEmpty)
      }
      out.shape += key.rawValue
    }
    out.shape += "}"
  }

  private static func fillCohort(_ count: CohortCounts, into out: inout FillWriter) {
    out.shape += "{"
    for key in CohortKey.sorted {
      switch key {
      case .cohort: out.string(count.cohort)
      case .signups: out.number(count.signups)
      case .matched: out.number(count.newlyMatched)
      case .waiting: out.number(count.waiting)
      case .rejected: out.number(count.rejected)
      }
      out.shape += key.rawValue
    }
    out.shape += "}"
  }
}
