/// Everything one run reads, already loaded: the functional core's input.
public struct RunContext: Sendable {
  public var config: MentorMatchConfig
  public var ingest: IngestResult
  public var taxonomy: Taxonomy
  public var prior: PriorState
  /// People already sent a "still waiting" email in an earlier run.
  public var toldWaiting: Set<String>
  public var identity: RunIdentity
  /// Nil when the config has no `[email]` section.
  public var composer: EmailComposer?
  /// Only this cohort is matched (`--cohort`); nil for all.
  public var cohort: String?
  /// The input files and their digests, listed on the run's index page.
  public var inputFiles: [RunIndex.File]
  public var dryRun: Bool

  public init(
    config: MentorMatchConfig, ingest: IngestResult, taxonomy: Taxonomy, prior: PriorState, toldWaiting: Set<String>,
    identity: RunIdentity,
    composer: EmailComposer?, cohort: String?, inputFiles: [RunIndex.File], dryRun: Bool
  ) {
    self.config = config
    self.ingest = ingest
    self.taxonomy = taxonomy
    self.prior = prior
    self.toldWaiting = toldWaiting
    self.identity = identity
    self.composer = composer
    self.cohort = cohort
    self.inputFiles = inputFiles
    self.dryRun = dryRun
  }
}

/// What a run produces: output files by relative path, and what the state
/// must record. Its bytes depend only on the ``RunContext``.
public struct RunResult: Sendable {
  /// Outputs by path relative to the run folder (no `inputs/`, no manifest,
  /// no emails: those come from ``emails``, a batch at a time).
  public var files: [String: [UInt8]]
  /// The emails to write under `emails/`.
  public var emails: RunEmailPlan
  public var newPairs: [NewPair]
  public var cohorts: [CohortOutcome]
  /// Counts for the manifest; ``counts(with:)`` adds the emails'.
  public var counts: [String: Int]
  /// The solved cohorts, read by nothing after the core: kept so that the
  /// shell frees their many small values (every person's fields, the scoring
  /// tables) with the rest of the result, on a thread of its own, instead of
  /// on the way out of ``RunCore/compute(_:measure:progress:solving:matched:)``.
  var solved: [CohortMatch] = []

  /// The manifest's counts once the emails are tallied.
  public func counts(with emails: RunEmailTally) -> [String: Int] {
    counts.merging(["emails": emails.notifications.count, "email_problems": emails.problems.count]) { _, new in new }
  }
}

/// How far a long stage has got, for a progress display. Never part of an output.
public struct RunProgress: Sendable {
  public var step: String
  public var done: Int
  public var total: Int
  /// What is being worked on now (a cohort name), or empty when finished.
  public var item: String
}

/// One cohort's result, for the summary line and the report.
public struct CohortOutcome: Sendable {
  public var cohort: String
  public var report: CohortReport
  public var pairs: Int
  public var checker: String
  public var checkerPassed: Bool
}

/// The functional core of `mentormatch run` and `audit`: from loaded inputs
/// to output bytes, with no clock, file or database.
public enum RunCore {
  /// What one job of the reports stage's first step built: a cohort's
  /// report, or files that need none.
  private enum ReportsOrPart: Sendable {
    case report(CohortReport)
    case part(RunOutputs.Part)
  }

  /// Which cohorts (by position, with each cohort's mentees and mentors
  /// signed up) are searched ahead of the solver, on one thread: each after
  /// the first whose mentees × mentors are no more than the cohort's before
  /// it. Such a search on one core takes at most about twice its time on
  /// two, and the cohort before it takes longer to solve than a cohort its
  /// size takes to search on two cores (34 s against 26 s for 500,000
  /// people), so the solver never waits longer than when the search came
  /// after it; a bigger cohort is searched on all cores once the solver is done.
  static func searchedAhead(sizes: [(mentees: Int, mentors: Int)]) -> [Bool] {
    sizes.indices.map { index in
      index > 0 && sizes[index].mentees * sizes[index].mentors <= sizes[index - 1].mentees * sizes[index - 1].mentors
    }
  }

  /// Runs every stage after ingest. `measure` times a stage; the shell passes
  /// a clock, the audit passes a plain call. It is also called from another
  /// thread: the cohorts' `candidates` stages run beside the earlier cohorts'
  /// `solve`, so with several cohorts those stages' times overlap.
  /// `solving` is given each cohort's name and solver problem as its solver
  /// starts, which runs on one core. `matched` gets the new pairs as soon as every cohort is solved,
  /// before the reports, so the shell can start storing them; they are the
  /// result's ``RunResult/newPairs``.
  public static func compute(
    _ context: RunContext,
    measure: @escaping @Sendable (String, () throws -> Void) throws -> Void = { _, work in try work() },
    progress: @escaping @Sendable (RunProgress) -> Void = { _ in },
    solving: (_ cohort: String, _ problem: MatchingProblem) throws -> Void = { _, _ in },
    matched onMatched: ([NewPair]) -> Void = { _ in }
  ) throws -> RunResult {
    var normalised = SkillsByPerson()
    try measure("normalise") {
      normalised = SkillsByPerson.normalise(context.ingest.signups, taxonomy: context.taxonomy, settings: context.config.skills)
    }
    let skills = normalised
    let hierarchy = SkillHierarchy(broader: context.taxonomy.broader, labels: context.taxonomy.preferredLabels)
    let cohortNames = Set(context.ingest.signups.map(\.cohort)).sorted()
    if let only = context.cohort, !cohortNames.contains(only) {
      throw RunError.unknownCohort(only, known: cohortNames)
    }
    var outcomes: [CohortOutcome] = []
    var matched: [CohortMatch] = []
    let selected = cohortNames.filter { context.cohort == nil || context.cohort == $0 }
    if let first = selected.first {
      progress(RunProgress(step: "matching cohorts", done: 0, total: selected.count, item: first))
    }
    // A cohort's solver runs on one core, and its candidate search does not
    // depend on any solver. So the first cohort is searched on all cores,
    // and each later one, where ``searchedAhead(sizes:)`` allows, is searched
    // on one thread at a lower priority while the cohorts before it are
    // solved, using what the solver and the state's thread leave of the
    // cores (on all cores in turn when it is not allowed). Each cohort's
    // pairs are the same either way, and so is which error comes first.
    let shares = CohortShares(cohorts: selected, signups: context.ingest.signups)
    let people = shares.people
    let activePairs = shares.activePairs(context.prior.pairs)
    let priorPairs = shares.priorPairs(context.prior.pairs)
    @Sendable func search(_ index: Int, parallel: Bool = true) throws -> (CohortMatch.Candidates, MatchingProblem) {
      try CohortMatch.candidates(
        cohort: selected[index], people: people[index], activePairs: activePairs[index], priorPairs: priorPairs[index],
        context: context, skills: skills, hierarchy: hierarchy, measure: measure, progress: progress,
        parallel: parallel)
    }
    let ahead = Self.searchedAhead(
      sizes: people.map { cohort in
        (cohort.count { $0.role.isMentee }, cohort.count { $0.role.isMentor })
      })
    let first = try selected.isEmpty ? nil : search(0)
    // Value i is cohort i + 1: the maker's thread, lowered once, searches
    // those allowed and hands nil for the others.
    let searches = MadeAhead(count: max(0, selected.count - 1)) {
      index -> (CohortMatch.Candidates, MatchingProblem)? in
      if index == 0 { ThreadPriority.lowerCurrentThread(by: 10) }
      guard ahead[index + 1] else { return nil }
      return try search(index + 1, parallel: false)
    }
    defer { searches.stop() }
    for (index, name) in selected.enumerated() {
      let made = index == 0 ? first : try searches.take(index - 1)
      let (searched, problem) = try made ?? search(index)
      matched.append(
        try CohortMatch.solve(
          searched, problem: problem, context: context, measure: measure, progress: progress,
          solving: { try solving(name, $0) }))
      progress(
        RunProgress(
          step: "matching cohorts", done: index + 1, total: selected.count,
          item: index + 1 < selected.count ? selected[index + 1] : ""))
    }
    let newPairs = matched.flatMap(\.newPairs)
    onMatched(newPairs)
    var files: [String: [UInt8]] = [:]
    var emails = RunEmailPlan.none
    var unplacedTerms = 0
    try measure("reports") {
      // Both sides of every explanation only when emails are written; the
      // report words the mentee's side itself.
      if context.composer != nil { matched = matched.map { $0.explained() } }
      let solved = matched
      // Each report counts its cohort's unplaced terms among its own, not
      // among every mention of the night (millions at 500,000 people).
      let unplaced = shares.mentions(skills.unplacedMentions())
      // The files that need no report are built beside the reports, which
      // in one big cohort keep a single core busy: the curation report
      // passes over every skill mention of the night (about a second at
      // 500,000 people). They come after the reports, in a fixed order.
      let needNoReport: [RunOutputs.Job] = [
        {
          let curation = SkillCurationReport(mentions: skills.mentions)
          return RunOutputs.Part(
            files: ["skills-curation.csv": curation.curationCSV, "skills-fuzzy-audit.csv": curation.fuzzyAuditCSV],
            unplacedTerms: curation.unplacedTerms)
        },
        { RunOutputs.Part(files: ["rejects.csv": context.ingest.rejectsCSV()]) },
        { RunOutputs.Part(files: ["checks.csv": RunOutputs.checksCSV(solved, context: context)]) },
      ]
      let firstBuilt = ParallelWork.map(solved.count + needNoReport.count) { index -> ReportsOrPart in
        index < solved.count
          ? .report(solved[index].report(context: context, skills: skills, unplaced: unplaced[index]))
          : .part(needNoReport[index - solved.count]())
      }
      var reports: [CohortReport] = []
      var parts: [RunOutputs.Part] = []
      for built in firstBuilt {
        switch built {
        case .report(let report): reports.append(report)
        case .part(let part): parts.append(part)
        }
      }
      for (match, report) in zip(matched, reports) {
        outcomes.append(
          CohortOutcome(
            cohort: match.cohort, report: report, pairs: match.pairs.count, checker: match.checker,
            checkerPassed: match.checkerPassed))
      }
      // Each report file depends only on the reports and the context, so they are built side by side.
      let jobs = RunOutputs.reportFileJobs(reports, context: context)
      for part in parts + ParallelWork.map(jobs.count, { jobs[$0]() }) {
        files.merge(part.files) { _, new in new }
        unplacedTerms += part.unplacedTerms
      }
    }
    if let composer = context.composer {
      emails = RunEmails.plan(matched, outcomes: outcomes, composer: composer, context: context)
    }
    var counts: [String: Int] = [
      "records_read": context.ingest.recordsRead, "accepted": context.ingest.signups.count,
      "rejected": context.ingest.rejected.count, "superseded": context.ingest.superseded.count,
      "new_pairs": newPairs.count,
      "cohorts": outcomes.count, "dry_run": context.dryRun ? 1 : 0,
    ]
    counts["unplaced_skill_terms"] = unplacedTerms
    return RunResult(
      files: files, emails: emails, newPairs: newPairs, cohorts: outcomes, counts: counts, solved: matched)
  }
}
