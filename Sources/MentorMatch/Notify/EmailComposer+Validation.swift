/// Template validation against a built-in sample, run before any email is written.
extension EmailComposer {
  /// Renders every template against a sample and composes a sample email of
  /// each kind. Throws `template` naming the template and the problem: a name
  /// no context holds, a subject that is empty or spans lines, an empty body.
  public func validate() throws(NotifyError) {
    for kind in EmailKind.allCases {
      let request = Self.sample(kind)
      var values = Self.context(request)
      // Both roles and both counts on, so every branch of the defaults
      // renders; only the flags this kind's context holds, so that a waiting
      // template using `one` (always false there) is named, not passed.
      for flag in ["is_mentor", "is_mentee", "one", "several", "has_recipient_name", "has_next_steps"]
      where values[flag] != nil {
        values[flag] = true
      }
      for part in EmailTemplateName.Part.allCases {
        let name = EmailTemplateName(kind, part)
        let unknown = UnknownNames()
        let rendered = templates.render(name, RenderRoot(values: values, unknownNames: unknown))
        if let first = unknown.names.first {
          let known = values.keys.sorted().joined(separator: ", ")
          throw .template(name: templates.origin(name), problem: "unknown name '\(first)' (known for \(kind.rawValue) emails: \(known))")
        }
        if part == .subject {
          let subject = rendered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          if subject.count > 200 {
            throw .template(name: templates.origin(name), problem: "renders a subject of \(subject.count) characters (at most 200)")
          }
        }
      }
      do {
        _ = try compose(request)
      } catch {
        if case .template = error { throw error }
        throw .template(name: "\(kind.rawValue) templates", problem: "the sample email cannot be composed: \(error)")
      }
    }
  }

  /// A sample request of `kind` with awkward but valid values.
  static func sample(_ kind: EmailKind) -> EmailRequest {
    let content: EmailContent
    let role: EmailRole
    switch kind {
    case .match:
      role = .mentee
      content = .match([
        MatchNotice(
          name: "Priya Shah", role: .mentor, gradeLabel: "Grade 6", department: "Department for Science, Innovation & Technology",
          profession: "Policy", email: "priya.shah@example.gov.uk",
          reasons: ["You both work on data policy.", "Priya is two grades above you, as you asked."]),
        MatchNotice(
          name: "Tomás Ó Briain", role: .mentor, gradeLabel: "SCS1", department: "HM Revenue & Customs",
          profession: "Digital, Data and Technology", email: "tomas.obriain@example.gov.uk", reasons: []),
      ])
    case .waiting:
      role = .mentee
      content = .waiting(reason: "no mentor in an eligible grade had space this time")
    case .leadSummary:
      role = .lead
      content = .leadSummary(
        counts: [CohortCounts(cohort: "Policy 2026", signups: 120, newlyMatched: 48, waiting: 9, rejected: 2)],
        reportPath: "runs/sample/report/index.html")
    }
    return EmailRequest(
      recipient: EmailRecipient(displayName: "Zoë O’Brien", address: "zoe.obrien@example.gov.uk", role: role),
      programme: "Civil Service Mentoring", cohort: "Policy 2026", runID: "2026-11-28T190000Z",
      asOf: EmailTimestamp(checked: 2026, 11, 28, 19, 0, 0, 0),
      nextSteps: "Say hello within two weeks.\n\nAgree how often you will meet.", content: content)
  }
}
