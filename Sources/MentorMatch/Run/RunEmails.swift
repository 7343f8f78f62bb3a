/// One email a run writes, with the id of the person it is for: what the
/// writer and the tally need of a ``ComposedEmail``, taken on the thread
/// that composed it (the rest, such as the rendered parts, is freed there).
public struct RunEmail: Sendable {
  public var recipientID: String
  public var kind: EmailKind
  public var fileName: String
  /// The whole message, as written.
  public var bytes: [UInt8]
  /// SHA-256 hex of ``bytes``, for the manifest.
  public var digest: String
}

/// Plans the run's emails: one per person listing all their new matches,
/// and, when the config asks, "still waiting" and cohort-lead summaries.
enum RunEmails {
  /// The plan holds, for each email, only where its request comes from (a
  /// few integers); the request itself, with its copied names and reasons,
  /// is built when its batch is composed, on the composing threads.
  static func plan(
    _ matches: [CohortMatch], outcomes: [CohortOutcome], composer: EmailComposer, context: RunContext
  ) -> RunEmailPlan {
    guard let asOf = EmailTimestamp(iso8601: context.identity.asOf) else {
      return RunEmailPlan(composer: composer, requests: [], problems: ["bad as-of for email Date"])
    }
    let settings = composer.settings
    var sources: [RunEmailSources.Source] = []
    var items: [[Int32]] = []
    var prebuilt: [(recipientID: String, request: EmailRequest)] = []
    for (m, match) in matches.enumerated() {
      // One email per person listing all their new matches, whichever side
      // they are on (someone who is `both` may gain a mentor and a mentee),
      // in order of the person's id. Item `2p` is pair p's mentee (told of
      // the mentor), `2p + 1` its mentor (told of the mentee).
      let grouped = itemsByPerson(match.pairs.map { (match.mentees[$0.mentee].id, match.mentors[$0.mentor].id) })
      for range in grouped.people { sources.append(.match(cohort: Int32(m), items: range)) }
      items.append(grouped.items)
      if settings.sendWaiting, let o = outcomes.firstIndex(where: { $0.cohort == match.cohort }) {
        var menteeIndex: [String: Int32] = [:]
        for (index, mentee) in match.mentees.enumerated() where menteeIndex[mentee.id] == nil {
          menteeIndex[mentee.id] = Int32(index)
        }
        for (w, waiting) in outcomes[o].report.waiting.enumerated() where waiting.role == .mentee {
          guard let index = menteeIndex[waiting.person.id], !context.toldWaiting.contains(waiting.person.id) else {
            continue
          }
          sources.append(.waiting(cohort: Int32(m), outcome: Int32(o), waiting: Int32(w), mentee: index))
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
          sources.append(.prebuilt(Int32(prebuilt.count)))
          prebuilt.append(("lead:\(outcome.cohort)", EmailRequest(
            recipient: EmailRecipient(displayName: lead.name, address: lead.address.description, role: .lead),
            programme: context.config.programmeName, cohort: outcome.cohort, runID: context.identity.runID, asOf: asOf,
            nextSteps: "", content: .leadSummary(counts: [counts], reportPath: settings.reportLocation("\(context.identity.runID)/\(folder)/report.html")))))
        }
      }
    }
    let plan = RunEmailSources(
      sources: sources, matches: matches, items: items, outcomes: outcomes, prebuilt: prebuilt, settings: settings,
      programme: context.config.programmeName, runID: context.identity.runID, asOf: asOf)
    return RunEmailPlan(composer: composer, sources: plan, problems: [])
  }

  /// Each person's part in the new pairs, for their one match email: item
  /// `2p` is pair p's mentee, `2p + 1` its mentor. Returns the items grouped
  /// by person, each person's in pair order, and each person's range of
  /// them, people in order of their ids.
  static func itemsByPerson(
    _ pairs: [(mentee: String, mentor: String)]
  ) -> (items: [Int32], people: [Range<Int32>]) {
    var slotOf: [String: Int32] = [:]
    slotOf.reserveCapacity(pairs.count)
    var ids: [String] = []
    var itemSlot: [Int32] = []
    itemSlot.reserveCapacity(2 * pairs.count)
    func add(_ id: String) {
      if let slot = slotOf[id] {
        itemSlot.append(slot)
      } else {
        slotOf[id] = Int32(ids.count)
        itemSlot.append(Int32(ids.count))
        ids.append(id)
      }
    }
    for pair in pairs {
      add(pair.mentee)
      add(pair.mentor)
    }
    // A stable counting sort by person keeps each person's items in pair order.
    var starts = [Int](repeating: 0, count: ids.count + 1)
    for slot in itemSlot { starts[Int(slot) + 1] += 1 }
    for slot in ids.indices { starts[slot + 1] += starts[slot] }
    var next = starts
    var items = [Int32](repeating: 0, count: itemSlot.count)
    for (item, slot) in itemSlot.enumerated() {
      items[next[Int(slot)]] = Int32(item)
      next[Int(slot)] += 1
    }
    let people = ids.indices.sorted { ids[$0] < ids[$1] }.map { Int32(starts[$0])..<Int32(starts[$0 + 1]) }
    return (items, people)
  }

  /// One person's match email from their new matches in pair order: the
  /// role they are written to as, the matches with their new mentors first
  /// (someone who is `both` may gain a mentor and mentees in one run, and the
  /// email names the mentor first), and the next steps of each side they were
  /// matched on, the mentee's first.
  static func matchContent(
    _ items: [MatchNotice], settings: EmailSettings
  ) -> (role: EmailRole, notices: [MatchNotice], nextSteps: String) {
    // Mentors first, each side in pair order, copied once.
    var notices: [MatchNotice] = []
    notices.reserveCapacity(items.count)
    for item in items where item.role == .mentor { notices.append(item) }
    let mentors = notices.count
    for item in items where item.role != .mentor { notices.append(item) }
    let steps = [
      mentors == 0 ? "" : settings.nextStepsMentee, mentors == items.count ? "" : settings.nextStepsMentor,
    ].filter { !$0.isEmpty }
    return (mentors == 0 ? .mentor : .mentee, notices, steps.joined(separator: "\n\n"))
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

  /// The notice of `people[index]`, read in place: a `Signup`'s copy
  /// retains dozens of Strings, and each email names one to three people.
  fileprivate static func notice(_ people: [Signup], _ index: Int, role: EmailRole, reasons: [String]) -> MatchNotice {
    MatchNotice(
      name: Signup.displayName(given: people[index].givenName, family: people[index].familyName), role: role,
      gradeLabel: people[index].grade,
      department: people[index].department, profession: people[index].profession, email: people[index].email,
      reasons: reasons)
  }
}

/// Where each of a plan's emails comes from, and how to build its request
/// when its batch is composed: the same request, field for field, whenever
/// it is built.
struct RunEmailSources: Sendable {
  enum Source: Sendable {
    /// A person's match email: `items[cohort][items]`, their pairs in pair order.
    case match(cohort: Int32, items: Range<Int32>)
    /// A mentee still waiting: entry `waiting` of outcome `outcome`'s report, mentee `mentee` of the cohort.
    case waiting(cohort: Int32, outcome: Int32, waiting: Int32, mentee: Int32)
    /// A request built in full when planned (lead summaries, a few a night).
    case prebuilt(Int32)
  }

  let sources: [Source]
  let matches: [CohortMatch]
  /// Per cohort: pair index × 2, + 1 for the mentor's side, grouped by person.
  let items: [[Int32]]
  let outcomes: [CohortOutcome]
  let prebuilt: [(recipientID: String, request: EmailRequest)]
  /// Set whenever there is a `.match` or `.waiting` source: only
  /// ``RunEmails/plan(_:outcomes:composer:context:)`` makes those, and it
  /// passes both (so `request(_:)` unwraps them).
  let settings: EmailSettings?
  let programme: String
  let runID: String
  let asOf: EmailTimestamp?

  var count: Int { sources.count }

  /// The id of email `n`'s recipient (`lead:<cohort>` for cohort leads) and the email's kind.
  func recipient(_ n: Int) -> (id: String, kind: EmailKind) {
    switch sources[n] {
    case .match(let cohort, let range):
      let (people, index) = person(of: items[Int(cohort)][Int(range.lowerBound)], in: matches[Int(cohort)])
      return (people[index].id, .match)
    case .waiting(let cohort, _, _, let mentee):
      return (matches[Int(cohort)].mentees[Int(mentee)].id, .waiting)
    case .prebuilt(let index):
      let entry = prebuilt[Int(index)]
      return (entry.recipientID, entry.request.kind)
    }
  }

  /// Email `n`'s request.
  func request(_ n: Int) -> EmailRequest {
    switch sources[n] {
    case .match(let cohort, let range):
      let match = matches[Int(cohort)]
      let codes = items[Int(cohort)][Int(range.lowerBound)..<Int(range.upperBound)]
      var notices: [MatchNotice] = []
      notices.reserveCapacity(codes.count)
      for code in codes {
        let index = Int(code >> 1)
        let pair = match.pairs[index]
        let explanation = match.explanation(at: index)
        notices.append(
          code & 1 == 0
            ? RunEmails.notice(match.mentors, pair.mentor, role: .mentor, reasons: explanation.forMentee)
            : RunEmails.notice(match.mentees, pair.mentee, role: .mentee, reasons: explanation.forMentor))
      }
      let content = RunEmails.matchContent(notices, settings: settings!)
      let (people, index) = person(of: codes.first!, in: match)
      return request(people, index, role: content.role, nextSteps: content.nextSteps, content: .match(content.notices))
    case .waiting(let cohort, let outcome, let waiting, let mentee):
      let entry = outcomes[Int(outcome)].report.waiting[Int(waiting)]
      return request(
        matches[Int(cohort)].mentees, Int(mentee), role: .mentee, nextSteps: settings!.nextStepsWaiting,
        content: .waiting(reason: entry.reasonForPerson))
    case .prebuilt(let index):
      return prebuilt[Int(index)].request
    }
  }

  /// Whose item `item` is: pair `item / 2`'s mentee for an even item, its
  /// mentor for an odd one. Read through the cohort's arrays, since a
  /// `Signup`'s copy retains dozens of Strings.
  private func person(of item: Int32, in match: CohortMatch) -> (people: [Signup], index: Int) {
    let pair = match.pairs[Int(item >> 1)]
    return item & 1 == 0 ? (match.mentees, pair.mentee) : (match.mentors, pair.mentor)
  }

  /// The request to `people[index]`, read in place.
  private func request(
    _ people: [Signup], _ index: Int, role: EmailRole, nextSteps: String, content: EmailContent
  ) -> EmailRequest {
    EmailRequest(
      recipient: EmailRecipient(
        displayName: Signup.displayName(given: people[index].givenName, family: people[index].familyName),
        address: people[index].email, role: role),
      programme: programme, cohort: people[index].cohort, runID: runID, asOf: asOf!, nextSteps: nextSteps,
      content: content)
  }
}

extension RunEmailSources {
  /// Requests built in full (tests, and a plan that writes nothing).
  init(requests: [(recipientID: String, request: EmailRequest)]) {
    self.init(
      sources: requests.indices.map { .prebuilt(Int32($0)) }, matches: [], items: [], outcomes: [], prebuilt: requests,
      settings: nil, programme: "", runID: "", asOf: nil)
  }
}
