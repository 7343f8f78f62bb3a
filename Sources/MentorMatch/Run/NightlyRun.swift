import Foundation

/// What `mentormatch run` was asked to do.
public struct RunOptions: Sendable {
  public var configPath: String
  /// The run's as-of; the CLI passes the clock's "now" when `--as-of` is absent.
  public var asOf: String
  public var dryRun: Bool
  public var cohort: String?
  public var pid: Int32
  public var crash: CrashPoint
  /// When the process started (the clock, ISO 8601), written into the run
  /// lock for a second taker to name; the as-of when nil. The two differ
  /// whenever `--as-of` is given.
  public var startedAt: String?
  /// For benchmarks: a folder where each cohort's solver problem is written
  /// as its solver starts, in `<folder>/cohorts/<cohort>/` (named as in the
  /// run folder) as the files
  /// `mentormatch solve` reads (``EdgeList/files(of:)``: indices and scores
  /// only). Dry runs only.
  public var solverProblems: String?

  public init(
    configPath: String, asOf: String, dryRun: Bool, cohort: String?, pid: Int32, crash: CrashPoint,
    startedAt: String? = nil, solverProblems: String? = nil
  ) {
    self.configPath = configPath
    self.asOf = asOf
    self.dryRun = dryRun
    self.cohort = cohort
    self.pid = pid
    self.crash = crash
    self.startedAt = startedAt
    self.solverProblems = solverProblems
  }
}

/// How a run ended, for the summary and the exit code.
public struct RunSummary: Sendable {
  public var runID: String
  public var runFolder: String?
  public var alreadyDone: Bool
  public var lines: [String]
}

/// The imperative shell of `mentormatch run`: lock, files, database, clock.
/// Everything between reading the inputs and writing the outputs is
/// ``RunCore``, which `audit` re-runs from a run folder.
///
/// Crash safety: the run folder is written whole (temporary folder, fsync,
/// rename), then the new pairs and the emails owed are committed in one
/// transaction, then the emails are published into the run's maildir outbox
/// and marked published. A crash at any point is finished by the next run.
/// The transaction is filled while the run works (``StagedCommit``): the
/// people once a solver starts, the pairs once the cohorts are solved,
/// but it commits only after the run folder is durable.
public enum NightlyRun {
  /// - Parameters:
  ///   - log: one line of progress (stage timings, counts); no personal data.
  ///     Called from more than one thread: a cohort's candidates stage is
  ///     timed beside the solves of the cohorts before it.
  ///   - seconds: a monotonic clock for stage timings, read from those threads too.
  ///   - progress: how far the matching has got, for a terminal display;
  ///     called from the threads that do the work (a big cohort's candidates).
  public static func execute(
    _ options: RunOptions, log: @escaping @Sendable (String) -> Void,
    progress: @escaping @Sendable (RunProgress) -> Void = { _ in }, seconds: @escaping @Sendable () -> Double
  ) throws -> RunSummary {
    @Sendable func logStage(_ stage: String, wall: Double, cpu: Double) {
      log("stage \(stage) \(SecondsText.format(wall))s cpu \(SecondsText.format(cpu))s peak \(ProcessUsage.peakMiB) MiB")
    }
    // CPU seconds are the process's: a stage that overlaps another counts both.
    @Sendable func measure(_ stage: String, _ work: () throws -> Void) throws {
      let start = (seconds(), ProcessUsage.cpuSeconds)
      try work()
      logStage(stage, wall: seconds() - start.0, cpu: ProcessUsage.cpuSeconds - start.1)
    }
    // A bad --as-of is a usage error: refused before the config, the lock or any input.
    _ = try RunIdentity.normalisedAsOf(options.asOf)
    let config = try MentorMatchConfig.load(path: options.configPath)
    // A folder that cannot be made stops the run now, not after the candidates.
    if options.dryRun, let folder = options.solverProblems { try PrivateFiles.makeDirectory(folder) }
    // Without `[skills] taxonomy` the run places no skills (rules on skills score nothing).
    let taxonomyDirectory = config.skills.taxonomy
    // Templates are loaded and rendered against a sample now, so a broken
    // template stops the run before anything is read or written.
    _ = try config.email.map { (settings) throws(NotifyError) in try EmailComposer.load(settings: settings) }

    try PrivateFiles.makeDirectory(config.state.stateDirectory)
    let lock = try RunLock(
      stateDirectory: config.state.stateDirectory, pid: options.pid, startedAt: options.startedAt ?? options.asOf)
    defer { lock.release() }
    // The state database is opened (and, the first night, created) on a
    // thread of its own while the exports are read: that is mostly waiting
    // for the disk. Its errors still come before an export's, as when it was
    // opened first.
    // Then, on the same thread, the prior state is read and its copy for the
    // run folder made: on a later night of 500,000 people those took 2.5 s
    // after the ingest, on one core. Pairs and runs are all they read (not
    // the people, which nothing in the run uses), and nothing before the
    // matching changes them (recovering an interrupted run's emails only
    // marks emails); their errors still come where they came when they were
    // read after the ingest, below.
    let (stateSettings, crash) = (config.state, options.crash)
    let opening = BackgroundJob(ownThread: true) {
      Result { () throws(StateError) in
        let store = try StateStore(settings: stateSettings, crash: crash)
        let prior = Result { () throws(StateError) in
          let prior = try store.loadPriorState(includingPeople: false)
          return (prior, snapshot: prior.snapshotCSV())
        }
        return (store, prior)
      }
    }

    // The taxonomy is loaded on another core while the exports are read; an
    // export's error still comes first, as when the two ran one after the other.
    // Its files are read once, for the load and for the run folder's copy.
    let taxonomyLoad = BackgroundJob {
      () -> (Result<Taxonomy, TaxonomyError>, files: Result<RunInputsSnapshot.TaxonomyFiles, any Error>, wall: Double, cpu: Double) in
      let start = (ContinuousClock.now, ProcessUsage.threadCPUSeconds)
      let files = Result { try taxonomyDirectory.map(RunInputsSnapshot.TaxonomyFiles.read(directory:)) ?? .init() }
      let loaded = Result { () throws(TaxonomyError) in
        if let taxonomyDirectory {
          try Taxonomy.load(directory: taxonomyDirectory, files: (try? files.get())?.byName)
        } else {
          try Taxonomy(concepts: [])
        }
      }
      let wall = ContinuousClock.now - start.0
      return (
        loaded, files, Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
        ProcessUsage.threadCPUSeconds - start.1
      )
    }
    // Each export is read once, here, and the run ingests the bytes its
    // folder keeps. A read error is the ingest's, reported where it was.
    let ingestStart = (seconds(), ProcessUsage.cpuSeconds)
    func readExports() throws(IngestError) -> RunInputsSnapshot.ExportBytes {
      do throws(CSVError) { return try RunInputsSnapshot.ExportBytes.read(config.input.files) } catch { throw .csv(error) }
    }
    let exports = Result(catching: readExports)
    // The files the run folder keeps (the config, the exports read above,
    // templates) are hashed on another core while the exports are ingested; a
    // read error still comes after an export's, as when they were read after.
    // A thread of its own: the shared pool's threads read the exports.
    let inputsRead = BackgroundJob(ownThread: true) {
      Result { try RunInputsSnapshot.read(config: config, exports: try exports.get()) }
    }
    var ingest: IngestResult!
    let ingestFailure = Result {
      ingest = try SignupIngest.read(settings: config.input, open: try exports.get().open(options: config.input.csv))
      logStage("ingest", wall: seconds() - ingestStart.0, cpu: ProcessUsage.cpuSeconds - ingestStart.1)
    }
    let (store, priorLoad) = try opening.wait().get()
    // Read once: nothing below commits a run before the checks that use it.
    let committed = try store.runs()
    let known = Set(committed.map(\.id))
    // Before anything is matched or published: a database that has lost
    // runs would pair their people again and send their emails twice.
    try StateContinuity.checkNotBehind(
      knownRunIDs: known, databasePath: config.state.databasePath, runsDirectory: config.state.runsDirectory)
    if !options.dryRun {
      // A run stopped between its commit and its mark is marked now.
      try StateContinuity.markKnown(knownRunIDs: known, runsDirectory: config.state.runsDirectory)
      let recovered = try publishOwed(store: store, runsDirectory: config.state.runsDirectory)
      if recovered.published > 0 {
        log("published \(CountedNoun.phrase(recovered.published, "email")) owed by an interrupted run")
      }
      if recovered.recorded > 0 {
        log("recorded \(CountedNoun.phrase(recovered.recorded, "email")) an interrupted run had published")
      }
      for (runID, count) in recovered.stranded {
        log("run \(runID): its folder is gone, so \(CountedNoun.phrase(count, "email")) it owes cannot be published; "
          + "restore the folder from a backup and the next run publishes them")
      }
    }
    try ingestFailure.get()
    log("records read \(ingest.recordsRead): accepted \(ingest.signups.count), rejected \(ingest.rejected.count), superseded \(ingest.superseded.count)")
    for line in ingest.rejectLines(limit: Self.rejectsLogged, rest: "in the run folder's rejects.csv") { log(line) }
    for line in ingest.emptyFileWarnings { log(line) }
    let (loadedTaxonomy, taxonomyFiles, taxonomyWall, taxonomyCPU) = taxonomyLoad.wait()
    let taxonomy = try loadedTaxonomy.get()
    logStage("taxonomy", wall: taxonomyWall, cpu: taxonomyCPU)
    let (prior, priorSnapshot) = try priorLoad.get()
    let toldWaiting = Set(try store.recipients(ofKind: EmailKind.waiting.rawValue))
    let read = try inputsRead.wait().get()
    let (snapshot, digests) = read.finish(
      priorSnapshot: priorSnapshot, toldWaiting: toldWaiting, cohort: options.cohort, taxonomy: try taxonomyFiles.get())
    // The run renders from the template bytes its folder keeps, as the audit will.
    let composer = try config.email.map { (settings) throws(NotifyError) in
      try snapshot.composer(settings: settings, folder: settings.templateDirectory ?? "templates")
    }
    let inputsSHA256 = digests.inputsSHA256
    let identity = try RunIdentity(asOf: options.asOf, digests: digests.ordered)
    // The same night (as-of date) with the same config, exports and taxonomy
    // is done already: a re-run makes no pairs and sends nothing again.
    let configSHA256 = digests.config
    if !options.dryRun,
      let done = committed.first(where: {
        $0.asOf.prefix(10) == identity.date && $0.configSHA256 == configSHA256 && $0.inputsSHA256 == inputsSHA256
      })
    {
      return RunSummary(
        runID: done.id, runFolder: RunFolderWriter(runsDirectory: config.state.runsDirectory, pid: options.pid).folder(runID: done.id),
        alreadyDone: true, lines: ["this night's run \(done.id) was committed already with the same inputs; nothing to do"])
    }
    // A later night is committed: this one would be matched against its
    // pairs and send emails dated before them. Timestamps are normalised
    // UTC ISO 8601, so they compare as text.
    if let last = committed.max(by: { $0.asOf < $1.asOf }), identity.asOf < last.asOf {
      throw RunError.asOfBeforeLastRun(asOf: identity.asOf, last: last.asOf, runID: last.id)
    }

    let context = RunContext(
      config: config, ingest: ingest, taxonomy: taxonomy, prior: prior, toldWaiting: toldWaiting, identity: identity,
      composer: composer,
      cohort: options.cohort, inputFiles: digests.indexFiles, dryRun: options.dryRun)
    // The commit starts now on its own thread and takes the pairs and the
    // emails owed as they come; it commits only after the run folder is
    // durable. Until it ends, nothing else here may use the store.
    let staged = options.dryRun
      ? nil
      : StagedCommit(
        store: store,
        run: RunRecord(id: identity.runID, asOf: identity.asOf, configSHA256: configSHA256, inputsSHA256: inputsSHA256),
        people: PersonSeen.everyone(in: context.ingest))
    var stagedEnded = false
    defer { if !stagedEnded { staged?.abandon() } }
    let problemFolders = options.solverProblems.map { _ in
      RunIndex.cohortFolders(Set(context.ingest.signups.map(\.cohort)).sorted())
    }
    let result = try RunCore.compute(
      context, measure: measure, progress: progress,
      solving: { cohort, problem in
        staged?.solving()
        if options.dryRun, let folder = options.solverProblems, let name = problemFolders?[cohort] {
          try writeSolverProblem(problem, into: (folder as NSString).appendingPathComponent(name))
          log("solver problem of cohort \(cohort) written to \(folder)/\(name)/")
        }
      },
      matched: { staged?.matched($0) })
    let files = RunFolderFiles.assemble(result: result, snapshot: snapshot)
    // The outputs are hashed for the manifest on another core while they are written.
    let outputFiles = result.files
    let outputDigests = BackgroundJob { RunManifest.digests(outputFiles) }

    let runsDirectory = options.dryRun ? config.state.dryRunsDirectory : config.state.runsDirectory
    try PrivateFiles.makeDirectory(runsDirectory)
    // With `[email]`, the emails are also staged for the outbox as they are
    // written, so that publishing after the commit is one rename.
    let writer = RunFolderWriter(
      runsDirectory: runsDirectory, pid: options.pid, crash: options.crash,
      links: config.email != nil && staged != nil ? (from: RunEmailPlan.folder, into: stagedOutbox) : nil)
    // Emails are composed a batch at a time and written as they come, so the
    // run never holds them all; the manifest, which hashes them, goes last.
    var emails = RunEmailTally()
    // (wall, CPU) seconds spent composing, to split the emails stage from the write stage.
    var composing = (0.0, 0.0)
    let writeStart = (seconds(), ProcessUsage.cpuSeconds)
    try writer.write(runID: identity.runID, files: files) { (add) throws(StateError) in
      var batchStart = (seconds(), ProcessUsage.cpuSeconds)
      func addComposing() {
        composing.0 += seconds() - batchStart.0
        composing.1 += ProcessUsage.cpuSeconds - batchStart.1
      }
      emails = try result.emails.tally { (batch) throws(StateError) in
        addComposing()
        // In plan order: the plan gives each email a file name of its own.
        try add(folder: RunEmailPlan.folder, batch.map { ($0.fileName, $0.bytes) })
        batchStart = (seconds(), ProcessUsage.cpuSeconds)
      }
      addComposing()
      let manifest = RunFolderFiles.manifest(
        result: result, outputs: outputDigests.wait(), emails: emails, digests: digests, context: context)
      return [RunManifest.fileName: manifest.encoded()]
    }
    logStage("emails", wall: composing.0, cpu: composing.1)
    logStage("write", wall: seconds() - writeStart.0 - composing.0, cpu: ProcessUsage.cpuSeconds - writeStart.1 - composing.1)
    let folder = writer.folder(runID: identity.runID)
    options.crash.hit("after-run-folder")
    if let staged {
      stagedEnded = true
      try measure("state") {
        _ = try staged.finish(notifications: emails.notifications)
        // From here the folder proves the commit, should the database be lost or replaced by an older copy.
        try StateContinuity.markCommitted(runFolder: folder)
      }
      options.crash.hit("after-commit")
      try measure("publish") {
        let names = emails.notifications.map(\.fileName)
        // A config without `[email]` sends nothing, so its runs get no outbox;
        // with `[email]` the outbox is made even on a night with no emails,
        // for the relay that reads it.
        if config.email != nil { try publish(fileNames: names, from: folder, listing: false) }
        options.crash.hit("after-publish")
        // With no emails there is nothing to mark: no write transaction.
        // Every email the run owes is in the outbox now.
        if !names.isEmpty { _ = try store.markPublished(runID: identity.runID) }
      }
    }
    let summary = RunSummary(
      runID: identity.runID, runFolder: folder, alreadyDone: false,
      lines: summaryLines(result, emails: emails, dryRun: options.dryRun))
    // Freeing the run's data, value by value, and closing the database,
    // which copies the write-ahead log into the database file (SQLite's
    // checkpoint on close), take milliseconds at the end of a short run; a
    // thread of its own does both while the command prints its summary and
    // exits. Exit may cut either short: the memory goes back to the system,
    // and a checkpoint cut short is finished by the next open (the commit
    // is durable in the log already).
    let leftovers = (context, snapshot, result, files, emails, store)
    Thread { withExtendedLifetime(leftovers) {} }.start()
    return summary
  }

  /// Writes `problem` as `edges.csv` and `caps.csv` in `folder`
  /// (``RunOptions/solverProblems``).
  static func writeSolverProblem(_ problem: MatchingProblem, into folder: String) throws(PrivateFiles.WriteError) {
    let files = EdgeList.files(of: problem)
    try PrivateFiles.makeDirectory(folder)
    try PrivateFiles.write(into: folder, ["edges.csv": files.edges, "caps.csv": files.capacities])
  }

  /// How many rejected records the log names one by one; `rejects.csv` has them all.
  static let rejectsLogged = 20

  /// Publishes emails a crashed run committed but did not publish, from that
  /// run's folder. Returns how many, how many it had published already but
  /// not recorded (now recorded, not published again), and how many each
  /// run whose folder is gone still owes (those stay owed, and nothing is
  /// made in its place).
  static func publishOwed(store: StateStore, runsDirectory: String) throws
    -> (published: Int, recorded: Int, stranded: [(runID: String, count: Int)])
  {
    let owed = try store.unpublishedNotifications()
    var published = 0
    var recorded = 0
    var stranded: [(runID: String, count: Int)] = []
    for runID in Set(owed.map(\.runID)).sorted() {
      let folder = (runsDirectory as NSString).appendingPathComponent(runID)
      let names = owed.filter { $0.runID == runID }.map(\.fileName)
      guard FileManager.default.fileExists(atPath: folder) else {
        stranded.append((runID, names.count))
        continue
      }
      if publishedWhole(folder) {
        // Published by the interrupted run itself: only the record is missing.
        recorded += try store.markPublished(runID: runID, fileNames: names)
        continue
      }
      let present = try publish(fileNames: names, from: folder)
      published += try store.markPublished(runID: runID, fileNames: present)
    }
    return (published, recorded, stranded)
  }

  /// Whether a run folder's staged outbox was renamed into `outbox/new/`
  /// whole: the staged folder is gone and its completion marker
  /// (``RunFolderWriter/completeMarker(linksInto:)``) is there. A run
  /// stopped between that rename and recording it has published every
  /// email; linking them again would send twice any that a relay has sent
  /// and deleted from `new/` since, as maildir allows.
  static func publishedWhole(_ folder: String) -> Bool {
    let marker = RunFolderWriter.completeMarker(linksInto: stagedOutbox)
    return !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(stagedOutbox))
      && FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(marker))
  }

  /// The run folder's emails staged for its outbox: hard links of
  /// `emails/<name>`, written with the folder and made durable with it.
  static let stagedOutbox = ".outbox-new"

  /// Publishes a run folder's emails to its maildir outbox: in one rename
  /// of the staged folder (``stagedOutbox``) when the run staged them, else
  /// (a run of an earlier version) by hard-linking each `emails/<name>`, so
  /// the outbox costs no second copy. Names whose file is missing are
  /// skipped. Returns, when `listing`, the names published (or there
  /// already): sorted after a rename, by name within each of the two lists
  /// after linking.
  @discardableResult
  static func publish(fileNames: [String], from folder: String, listing: Bool = true) throws -> [String] {
    let outbox = MaildirOutbox(directory: (folder as NSString).appendingPathComponent("outbox"))
    if try outbox.publish(renaming: (folder as NSString).appendingPathComponent(stagedOutbox)) {
      guard listing else { return [] }
      let present = try outbox.publishedNames()
      return MaildirOutbox.uniqueSorted(fileNames).filter(present.contains)
    }
    let publication = try outbox.publish(
      linking: fileNames, from: (folder as NSString).appendingPathComponent(RunEmailPlan.folder))
    return publication.written + publication.alreadyPresent
  }

  private static func summaryLines(_ result: RunResult, emails: RunEmailTally, dryRun: Bool) -> [String] {
    var lines: [String] = []
    if result.cohorts.isEmpty, (result.counts["records_read"] ?? 0) == 0 {
      // Else a failed export and a quiet night would print the same one line.
      lines.append("no sign-ups: the exports hold a header and no rows, so nobody was matched (is the export complete?)")
    }
    for cohort in result.cohorts {
      lines.append(cohortLine(cohort.cohort, counts: cohort.report.counts, pairs: cohort.pairs, checker: cohort.checker))
    }
    lines.append("emails: \(emails.notifications.count) written\(dryRun ? " (dry run: not published)" : "")")
    for problem in emails.problems { lines.append("email problem: \(problem)") }
    return lines
  }

  /// A cohort's summary line: `ddat-2026: 65 sign-ups, 39 new pairs (39
  /// mentees, 26 mentors), 1 mentee still waiting, 2 rejected rows; …`.
  static func cohortLine(_ cohort: String, counts c: CohortReport.Counts, pairs: Int, checker: String) -> String {
    "\(cohort): \(CountedNoun.phrase(c.signupsRead, "sign-up")), \(CountedNoun.phrase(pairs, "new pair")) "
      + "(\(CountedNoun.phrase(c.menteesNewlyMatched, "mentee")), \(CountedNoun.phrase(c.mentorsNewlyMatched, "mentor"))), "
      + "\(CountedNoun.phrase(c.menteesWaiting, "mentee")) still waiting, \(CountedNoun.phrase(c.rejected, "rejected row")); \(checker)"
  }
}
