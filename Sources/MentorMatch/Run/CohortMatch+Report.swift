/// Turning a solved cohort into the report's view model.
extension CohortMatch {
  /// - Parameter unplaced: the cohort's share of the night's unplaced
  ///   mentions (``CohortShares/mentions(_:)``).
  func report(context: RunContext, skills: SkillsByPerson, unplaced: [SkillMention]) -> CohortReport {
    // The explanations are most of the work. The report shows their lead
    // side (the mentee's, in the third person). With emails, ``explained()``
    // has worded it with the rest; without, only it is worded, in chunks on
    // all cores beside the rest of the model, which needs none of them and
    // goes first as the longest single job.
    let worded = explanations.count == pairs.count
    let chunks = worded ? 0 : pairs.count >= 1024 ? 2 * ParallelWork.cores : 1
    let pieces = ParallelWork.map(chunks + 1, concurrency: chunks > 1 ? ParallelWork.cores : 1) { job -> Piece in
      job == 0
        ? .model(model(context: context, skills: skills, unplaced: unplaced))
        : .lines(leadLines(chunk: job - 1, of: chunks))
    }
    var parts: Model?
    var lines: [[String]] = []
    lines.reserveCapacity(pairs.count)
    for piece in pieces {
      switch piece {
      case .model(let built): parts = built
      case .lines(let chunk): lines.append(contentsOf: chunk)
      }
    }
    if worded { lines = explanations.map(\.forLead) }
    guard var model = parts else { preconditionFailure("job 0 builds the model") }
    var reportPairs: [ReportPair] = []
    reportPairs.reserveCapacity(pairs.count)
    for (index, pair) in pairs.enumerated() {
      reportPairs.append(
        ReportPair(
          mentee: model.menteeRows[pair.mentee], mentor: model.mentorRows[pair.mentor], score: pair.candidate.total,
          explanation: lines[index]))
    }
    // In order here (the solve sorts pairs by ids, so this is one pass of
    // comparisons), so the page and matches.csv find them in order.
    model.report.pairs = ReportPair.ordered(reportPairs)
    return model.report
  }

  /// What one job of ``report(context:skills:unplaced:)`` built.
  private enum Piece: Sendable {
    case model(Model)
    case lines([[String]])
  }

  /// The report without its pairs, and each person's row for them.
  private struct Model: Sendable {
    var report: CohortReport
    var menteeRows: [ReportPerson]
    var mentorRows: [ReportPerson]
  }

  private func model(context: RunContext, skills: SkillsByPerson, unplaced: [SkillMention]) -> Model {
    // Each person's row once: built per pair, a Signup's copy retains dozens of Strings.
    let menteeRows = mentees.indices.map { Self.person(mentees[$0]) }
    let mentorRows = mentors.indices.map { Self.person(mentors[$0]) }
    var matchedMentees = [Bool](repeating: false, count: mentees.count)
    var matchedMentors = [Bool](repeating: false, count: mentors.count)
    for pair in pairs {
      matchedMentees[pair.mentee] = true
      matchedMentors[pair.mentor] = true
    }
    var waiting: [WaitingPerson] = []
    let reasonsByMentee = Dictionary(lists.unmatched.map { ($0.mentee, $0) }, uniquingKeysWith: { first, _ in first })
    for index in mentees.indices where !matchedMentees[index] {
      let reason = WaitingReason.mentee(
        reasonsByMentee[index], hasCandidates: !lists.candidates[index].isEmpty, rules: lists.rules)
      waiting.append(
        WaitingPerson(
          person: menteeRows[index], role: .mentee, reasonCode: reason.code, reason: reason.forLead,
          reasonForPerson: reason.forPerson))
    }
    // Mentors on some mentee's candidate list, only when one is left waiting.
    var candidate: [Bool] = []
    for index in mentors.indices where !matchedMentors[index] && (activeAsMentor[mentors[index].id] ?? 0) == 0 {
      if candidate.isEmpty {
        candidate = [Bool](repeating: false, count: mentors.count)
        for list in lists.candidates { for pair in list { candidate[pair.mentor] = true } }
      }
      let reason = WaitingReason.mentor(wasACandidate: candidate[index])
      waiting.append(
        WaitingPerson(
          person: mentorRows[index], role: .mentor, reasonCode: reason.code, reason: reason.forLead,
          reasonForPerson: reason.forPerson))
    }
    let ids = Set(people.map(\.id))
    // People with active pairs who are no longer in the export keep their
    // pairs but get no new ones; the state holds only their id.
    let gone = Set(activeAsMentee.keys).union(activeAsMentor.keys).subtracting(ids).sorted()
    for id in gone {
      let asMentee = (activeAsMentee[id] ?? 0) > 0
      waiting.append(
        WaitingPerson(
          person: ReportPerson(
            id: id, givenName: "", familyName: "", email: "", grade: "", gradeRank: -1, department: "", profession: "",
            location: ""),
          role: asMentee ? .mentee : .mentor, reasonCode: WaitingPerson.notInExport,
          reason: "no longer in the export: keeps their \(CountedNoun.phrase((activeAsMentee[id] ?? 0) + (activeAsMentor[id] ?? 0), "active pair")), gets no new ones"))
    }
    let inCohort: (RejectedRecord) -> Bool = { ($0.cohort ?? context.config.input.defaultCohort) == cohort }
    let rejected = context.ingest.rejected.filter(inCohort)
    let superseded = context.ingest.superseded.filter(inCohort)
    let rows = rejected.flatMap { record in
      record.problems.map {
        RejectedRow(
          file: record.location.file, line: record.location.line, field: $0.field, reasonCode: $0.reason.rawValue,
          message: $0.message)
      }
    }
    let menteesAlready = people.count { $0.role.isMentee && ($0.menteeCapacity - (activeAsMentee[$0.id] ?? 0)) <= 0 && (activeAsMentee[$0.id] ?? 0) > 0 }
    let mentorsAlready = people.count { $0.role.isMentor && ($0.mentorCapacity - (activeAsMentor[$0.id] ?? 0)) <= 0 && (activeAsMentor[$0.id] ?? 0) > 0 }
    let counts = CohortReport.Counts(
      signupsRead: people.count + rejected.count + superseded.count, accepted: people.count, rejected: rejected.count,
      superseded: superseded.count, menteesNewlyMatched: matchedMentees.count { $0 },
      mentorsNewlyMatched: matchedMentors.count { $0 },
      menteesAlreadyMatched: menteesAlready, mentorsAlreadyMatched: mentorsAlready,
      menteesWaiting: waiting.count { $0.role == .mentee && $0.isWaiting },
      mentorsWaiting: waiting.count { $0.role == .mentor && $0.isWaiting })
    let report = CohortReport(
      programme: context.config.programmeName, cohort: cohort, runID: context.identity.runID, asOf: context.identity.asOf,
      algorithm: context.config.matching.algorithm.rawValue, objective: context.config.matching.objective.description,
      checkerResult: checker, checkerPassed: checkerPassed, counts: counts, pairs: [], waiting: waiting,
      rejected: rows, unplacedTerms: Self.unplaced(unplaced, people: ids),
      skills: Self.supply(people: people, skills: skills, labels: context.taxonomy.preferredLabels))
    return Model(report: report, menteeRows: menteeRows, mentorRows: mentorRows)
  }

  /// The mentee's side of the explanations of chunk `chunk` of `chunks`
  /// of the pairs, in the third person for the cohort lead
  /// (``Explanation/leadLines(_:menteeName:mentorName:last:)``).
  private func leadLines(chunk: Int, of chunks: Int) -> [[String]] {
    let size = (pairs.count + chunks - 1) / max(1, chunks)
    let range = min(pairs.count, chunk * size)..<min(pairs.count, (chunk + 1) * size)
    let breakdowns = lists.tables.breakdowns(pairs[range].map { ($0.candidate.mentee, $0.candidate.mentor) })
    var last = Explanation.SharedSentence()
    return zip(range, breakdowns).map { index, breakdown in
      let names = leadNames(pairs[index])
      return Explanation.leadLines(breakdown, menteeName: names.mentee, mentorName: names.mentor, last: &last)
    }
  }

  static func person(_ signup: Signup) -> ReportPerson {
    ReportPerson(
      id: signup.id, givenName: signup.givenName, familyName: signup.familyName, email: signup.email, grade: signup.grade,
      gradeRank: signup.gradeIndex, department: signup.department, profession: signup.profession, location: signup.location)
  }

  /// The cohort's unplaced skill terms, most frequent first: those of
  /// `mentions` placed nowhere and typed by one of `people`. The same for
  /// every mention of the night as for the cohort's share of its unplaced
  /// mentions (``CohortShares/mentions(_:)``).
  static func unplaced(_ mentions: [SkillMention], people: Set<String>) -> [UnplacedTerm] {
    var occurrences: [String: Int] = [:]
    var who: [String: Set<String>] = [:]
    for mention in mentions where mention.match.placement == nil && people.contains(mention.personID) && !mention.match.folded.isEmpty {
      occurrences[mention.match.folded, default: 0] += 1
      who[mention.match.folded, default: []].insert(mention.personID)
    }
    return occurrences.keys.sorted { a, b in
      occurrences[a]! != occurrences[b]! ? occurrences[a]! > occurrences[b]! : a < b
    }.map { UnplacedTerm(term: $0, occurrences: occurrences[$0]!, people: who[$0]!.count) }
  }

  /// Skills wanted in the cohort and how many mentors offer each.
  private static func supply(people: [Signup], skills: SkillsByPerson, labels: [String: String]) -> [SkillSupply] {
    var wanting: [String: Int] = [:]
    var offering: [String: Int] = [:]
    // By index: `for person in people` copies each Signup.
    for index in people.indices {
      if people[index].role.isMentee { for concept in skills.wanted[people[index].id] ?? [] { wanting[concept, default: 0] += 1 } }
      if people[index].role.isMentor { for concept in skills.offered[people[index].id] ?? [] { offering[concept, default: 0] += 1 } }
    }
    return wanting.keys.sorted().map {
      SkillSupply(skill: labels[$0] ?? $0, menteesWanting: wanting[$0]!, mentorsOffering: offering[$0] ?? 0)
    }
  }
}
