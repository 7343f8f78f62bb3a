/// Synthetic requests for the benchmark (`scripts/bench-emails`): varied
/// names (some non-ASCII), one to three matches each, all deterministic.
public enum EmailSamples {
  private static let givenNames = ["Priya", "Zoë", "Tomás", "Aisha", "James", "Siobhán", "Wei", "Olu", "Grace", "Dafydd"]
  private static let familyNames = ["Shah", "O’Brien", "Ó Briain", "Khan", "Smith", "Ní Bhriain", "Zhang", "Adeyemi", "Jones", "ap Rhys"]
  private static let departments = ["HM Treasury", "Cabinet Office", "Department for Education", "HM Revenue & Customs", "Ministry of Justice"]
  private static let professions = ["Policy", "Digital, Data and Technology", "Finance", "Operational Delivery", "Analysis"]
  private static let grades = ["EO", "HEO", "SEO", "Grade 7", "Grade 6"]

  /// `count` match requests for run `runID`, person `i` at `person<i>@example.gov.uk`.
  public static func requests(count: Int, runID: String, asOf: EmailTimestamp) -> [EmailRequest] {
    requests(in: 0..<count, runID: runID, asOf: asOf)
  }

  /// Requests for persons `range` only: the same values as the whole list
  /// has at those places, so a caller can make them a batch at a time.
  public static func requests(in range: Range<Int>, runID: String, asOf: EmailTimestamp) -> [EmailRequest] {
    range.map { index in
      let name = "\(givenNames[index % 10]) \(familyNames[(index / 10) % 10])"
      let matches = (0..<(1 + index % 3)).map { offset in
        let other = index * 7 + offset * 13
        return MatchNotice(
          name: "\(givenNames[other % 10]) \(familyNames[(other / 3) % 10])", role: .mentor,
          gradeLabel: grades[other % 5], department: departments[(other / 5) % 5], profession: professions[(other / 2) % 5],
          email: "mentor\(other)@example.gov.uk",
          reasons: ["You both work in \(professions[(other / 2) % 5].lowercased()).", "They offer the skills you asked for."])
      }
      return EmailRequest(
        recipient: EmailRecipient(displayName: name, address: "person\(index)@example.gov.uk", role: .mentee),
        programme: "Civil Service Mentoring", cohort: "Cohort \(index % 4 + 1)", runID: runID, asOf: asOf,
        nextSteps: DefaultTemplates.nextStepsMentee, content: .match(matches))
    }
  }
}

extension EmailSamples {
  /// Composes `count` sample emails (``requests(in:runID:asOf:)``) `batchSize`
  /// at a time on every core and publishes them into `outbox`, batches k + 1
  /// and k + 2 composed while batch k is written: what `mentormatch bench-emails`
  /// measures.
  ///
  /// - Parameter waiting: told, on the caller's thread, each time the writer
  ///   starts (`true`) and stops (`false`) waiting for a composed batch, for
  ///   a caller that times the wait.
  /// - Throws: the first email that cannot be composed, or the outbox's error.
  public static func publish(
    count: Int, batchSize: Int, runID: String, asOf: EmailTimestamp, composer: EmailComposer, into outbox: MaildirOutbox,
    waiting: (_ starts: Bool) -> Void = { _ in }
  ) throws(NotifyError) -> MaildirOutbox.Publication {
    try outbox.publish { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
      waiting(true)
      try composer.composeBatches(
        count: count, size: batchSize, requests: { requests(in: $0, runID: runID, asOf: asOf) }
      ) { (results: [Result<ComposedEmail, NotifyError>]) throws(NotifyError) in
        waiting(false)
        try add(try results.map { (result) throws(NotifyError) in try result.get() })
        waiting(true)
      }
      waiting(false)
    }
  }
}
