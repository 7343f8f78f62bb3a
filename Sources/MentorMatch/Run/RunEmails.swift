/// One email a run writes, with the id of the person it is for.
public struct RunEmail: Sendable {
  public var recipientID: String
  public var message: ComposedEmail
  /// SHA-256 hex of the message's bytes, for the manifest (worked out on
  /// the thread that composed it).
  public var digest: String
}

/// Plans the run's emails: one per person listing all their new matches,
/// and, when the config asks, "still waiting" and cohort-lead summaries.
enum RunEmails {
  static func plan(
    _ matches: [CohortMatch], outcomes: [CohortOutcome], composer: EmailComposer, context: RunContext
  ) -> RunEmailPlan {
    guard let asOf = EmailTimestamp(iso8601: context.identity.asOf) else {
      return RunEmailPlan(composer: composer, requests: [], problems: ["bad as-of for email Date"])
    }
    let settings = composer.settings
    var requests: [(String, EmailRequest)] = []
    func request(_ person: Signup, role: EmailRole, nextSteps: String, content: EmailContent) -> (String, EmailRequest) {
      (person.id, EmailRequest(
        recipient: EmailRecipient(displayName: person.displayName, address: person.email, role: role),
        programme: context.config.programmeName, cohort: person.cohort, runID: context.identity.runID, asOf: asOf,
        nextSteps: nextSteps, content: content))
    }
    for match in matches {
      // One email per person listing all their new matches, whichever side
      // they are on (someone who is `both` may gain a mentor and a mentee).
      var notices: [String: (person: Signup, items: [MatchNotice])] = [:]
      for (index, pair) in match.pairs.enumerated() {
        let mentee = match.mentees[pair.mentee]
        let mentor = match.mentors[pair.mentor]
        let explanation = match.explanation(at: index)
        notices[mentee.id, default: (mentee, [])].items.append(notice(mentor, role: .mentor, reasons: explanation.forMentee))
        notices[mentor.id, default: (mentor, [])].items.append(notice(mentee, role: .mentee, reasons: explanation.forMentor))
      }
      for id in notices.keys.sorted() {
        let entry = notices[id]!
        let content = matchContent(entry.items, settings: settings)
        requests.append(request(entry.person, role: content.role, nextSteps: content.nextSteps, content: .match(content.notices)))
      }
      if settings.sendWaiting, let outcome = outcomes.first(where: { $0.cohort == match.cohort }) {
        let byID = Dictionary(match.mentees.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for waiting in outcome.report.waiting where waiting.role == .mentee {
          guard let person = byID[waiting.person.id], !context.toldWaiting.contains(person.id) else { continue }
          requests.append(request(person, role: .mentee, nextSteps: settings.nextStepsWaiting, content: .waiting(reason: waiting.reasonForPerson)))
        }
      }
    }
    if settings.sendLeadSummary {
      let folders = RunIndex.cohortFolders(outcomes.map(\.cohort))
      for leads in settings.leads.sorted(by: { $0.cohort < $1.cohort }) {
        guard let outcome = outcomes.first(where: { $0.cohort == leads.cohort }) else { continue }
        let counts = leadCounts(outcome)
        let folder = folders[outcome.cohort] ?? "cohorts"
        for lead in leads.recipients {
          requests.append(("lead:\(outcome.cohort)", EmailRequest(
            recipient: EmailRecipient(displayName: lead.name, address: lead.address.description, role: .lead),
            programme: context.config.programmeName, cohort: outcome.cohort, runID: context.identity.runID, asOf: asOf,
            nextSteps: "", content: .leadSummary(counts: [counts], reportPath: settings.reportLocation("\(context.identity.runID)/\(folder)/report.html")))))
        }
      }
    }
    return RunEmailPlan(composer: composer, requests: requests, problems: [])
  }

  /// One person's match email from their new matches in pair order: the
  /// role they are written to as, the matches with their new mentors first
  /// (someone who is `both` may gain a mentor and mentees in one run, and the
  /// email names the mentor first), and the next steps of each side they were
  /// matched on, the mentee's first.
  static func matchContent(
    _ items: [MatchNotice], settings: EmailSettings
  ) -> (role: EmailRole, notices: [MatchNotice], nextSteps: String) {
    let mentors = items.filter { $0.role == .mentor }
    let mentees = items.filter { $0.role != .mentor }
    let steps = [
      mentors.isEmpty ? "" : settings.nextStepsMentee, mentees.isEmpty ? "" : settings.nextStepsMentor,
    ].filter { !$0.isEmpty }
    return (mentors.isEmpty ? .mentor : .mentee, mentors + mentees, steps.joined(separator: "\n\n"))
  }

  /// A cohort's figures for its leads: mentees newly matched and mentees
  /// still waiting (people, not pairs, so the two add up to the mentees who
  /// needed a pair), as the report's summary gives them.
  static func leadCounts(_ outcome: CohortOutcome) -> CohortCounts {
    let counts = outcome.report.counts
    return CohortCounts(
      cohort: outcome.cohort, signups: counts.signupsRead, newlyMatched: counts.menteesNewlyMatched,
      waiting: counts.menteesWaiting, rejected: counts.rejected)
  }

  private static func notice(_ person: Signup, role: EmailRole, reasons: [String]) -> MatchNotice {
    MatchNotice(
      name: person.displayName, role: role, gradeLabel: person.grade, department: person.department,
      profession: person.profession, email: person.email, reasons: reasons)
  }
}
