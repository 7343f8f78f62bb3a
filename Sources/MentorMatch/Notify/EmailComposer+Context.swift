/// The values templates see. Names are documented in docs/emails.md.
extension EmailComposer {
  /// The root context for a request.
  /// - Parameter nextSteps: `NextSteps(request.nextSteps)`, when the caller
  ///   keeps it (it is the same for every email of a role).
  static func context(_ request: EmailRequest, nextSteps steps: NextSteps? = nil) -> [String: Any] {
    let role = request.recipient.role
    let steps = steps ?? NextSteps(request.nextSteps)
    let nextSteps = steps.text
    var values: [String: Any] = [
      "programme": request.programme,
      "cohort": request.cohort,
      "run_id": request.runID,
      "as_of": request.asOf.longDate,
      "recipient_name": request.recipient.displayName,
      "has_recipient_name": !request.recipient.displayName.isEmpty,
      "recipient_role": role.rawValue,
      "is_mentor": isMentor(request),
      "is_mentee": isMentee(request),
      "next_steps": nextSteps,
      "has_next_steps": !nextSteps.isEmpty,
      "next_steps_paragraphs": steps.paragraphs,
    ]
    switch request.content {
    case .match(let matches):
      values["matches"] = matches.map { match -> [String: Any] in
        [
          "name": match.name,
          "role": match.role.rawValue,
          "grade": match.gradeLabel,
          "department": match.department,
          "profession": match.profession,
          "email": match.email,
          "reasons": match.reasons.map { ["text": $0] },
          "has_reasons": !match.reasons.isEmpty,
        ]
      }
      values["match_count"] = matches.count
      values["one"] = matches.count == 1
      values["several"] = matches.count > 1
      let mentors = mentorCount(matches)
      let mentees = matches.count - mentors
      values["mentor_count"] = mentors
      values["one_mentor"] = mentors == 1
      values["several_mentors"] = mentors > 1
      values["mentee_count"] = mentees
      values["one_mentee"] = mentees == 1
      values["several_mentees"] = mentees > 1
    case .waiting(let reason):
      values["reason"] = reason
    case .leadSummary(let counts, let reportPath):
      values["cohorts"] = counts.map { count -> [String: Any] in
        [
          "cohort": count.cohort, "signups": count.signups, "matched": count.newlyMatched,
          "waiting": count.waiting, "rejected": count.rejected,
        ]
      }
      values["report_path"] = reportPath
      values["one"] = counts.count == 1
      values["several"] = counts.count > 1
    }
    return values
  }

  /// How many of a match email's matches are the recipient's mentors (the rest are their mentees).
  static func mentorCount(_ matches: [MatchNotice]) -> Int { matches.count { $0.role == .mentor } }

  /// `is_mentee`: the recipient is a mentee, or (in a match email) was matched
  /// with a mentor, as someone who is `both` may be beside new mentees.
  static func isMentee(_ request: EmailRequest) -> Bool {
    guard case .match(let matches) = request.content else { return request.recipient.role == .mentee }
    return request.recipient.role == .mentee || mentorCount(matches) > 0
  }

  /// `is_mentor`: the recipient is a mentor, or (in a match email) was matched with a mentee.
  static func isMentor(_ request: EmailRequest) -> Bool {
    guard case .match(let matches) = request.content else { return request.recipient.role == .mentor }
    return request.recipient.role == .mentor || mentorCount(matches) < matches.count
  }

  /// The next-steps text as templates see it: LF line ends, trimmed, and
  /// split into paragraphs.
  struct NextSteps: Sendable {
    var text: String
    var paragraphs: [[String: String]]
    /// The paragraphs' texts, for ``EmailComposer/fill(_:nextSteps:)``.
    var paragraphTexts: [String]

    init(_ raw: String) {
      text = String(EmailComposer.normalisedLines(raw).trimmingWhitespace)
      paragraphTexts = EmailComposer.paragraphs(text)
      paragraphs = paragraphTexts.map { ["text": $0] }
    }
  }

  /// LF line ends only.
  static func normalisedLines(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    return text.replacingCRLF
  }

  /// Paragraphs separated by blank lines, each paragraph's lines joined by spaces.
  static func paragraphs(_ text: String) -> [String] {
    var result: [String] = []
    var current: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingWhitespace
      if trimmed.isEmpty {
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        current = []
      } else {
        current.append(trimmed)
      }
    }
    if !current.isEmpty { result.append(current.joined(separator: " ")) }
    return result
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces, tabs and line ends.
  fileprivate var trimmingWhitespace: Substring {
    let string = Substring(self)
    guard let first = string.firstIndex(where: { !$0.isWhitespace }),
      let last = string.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return string[first...last]
  }

  fileprivate var replacingCRLF: String {
    var out = ""
    var previousCR = false
    for scalar in unicodeScalars {
      if scalar == "\r" {
        out.append("\n")
        previousCR = true
        continue
      }
      if scalar == "\n", previousCR {
        previousCR = false
        continue
      }
      previousCR = false
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}
