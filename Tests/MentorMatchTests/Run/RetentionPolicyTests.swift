import Foundation
import Testing
@testable import MentorMatch

@Suite struct RetentionPolicyTests {
  @Test(arguments: [("90d", 90), ("7", 7), (" 0d ", 0)])
  func parsesDays(text: String, days: Int) throws {
    #expect(try RetentionPolicy(parsing: text).days == days)
  }

  @Test(arguments: ["ninety", "-1d", "3w", ""])
  func rejectsOtherUnits(text: String) {
    #expect(throws: StateError.badRetention(text: text)) { try RetentionPolicy(parsing: text) }
  }

  /// Every form the ISO 8601 formatter read before (Z or an offset, with or
  /// without a fraction, or a bare date) reads to the same second, and the
  /// forms `run --as-of` also takes read as it reads them.
  @Test func readsAsOfsAsTheFormatterDidAndAsRunDoes() throws {
    let full = ISO8601DateFormatter()
    full.formatOptions = [.withInternetDateTime]
    let fraction = ISO8601DateFormatter()
    fraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    for text in ["2026-11-28T02:00:00Z", "2024-02-29T23:59:59Z", "2026-11-28T02:00:00+01:00", "1999-12-31T23:30:00-05:30"] {
      #expect(RetentionPolicy.parseAsOf(text) == full.date(from: text), "\(text)")
    }
    for text in ["2026-11-28T02:00:00.750Z", "2026-01-01T00:00:00.001+00:00"] {
      let expected = try #require(fraction.date(from: text))
      #expect(RetentionPolicy.parseAsOf(text) == Date(timeIntervalSince1970: expected.timeIntervalSince1970.rounded(.down)), "\(text)")
    }
    #expect(RetentionPolicy.parseAsOf("2026-11-27") == day.date(from: "2026-11-27"))
    #expect(RetentionPolicy.parseAsOf("27/11/2026 09:30") == full.date(from: "2026-11-27T09:30:00Z"))
    for text in ["", "yesterday", "2026-13-01", "2026-11-28T25:00:00Z"] {
      #expect(RetentionPolicy.parseAsOf(text) == nil, "\(text)")
    }
  }

  @Test func prunesOnlyRunsOlderThanTheCutoffByManifestAsOf() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    func run(_ id: String, asOf: String) throws {
      let manifest = RunManifest(
        runID: id, asOf: asOf, algorithm: "stable", objective: "o", configSHA256: "c", inputs: [:], taxonomy: [:],
        priorStateSHA256: "p", counts: [:], outputs: [:])
      try RunFolderWriter(runsDirectory: runs, pid: 1).write(runID: id, files: [RunManifest.fileName: manifest.encoded()])
    }
    try run("old", asOf: "2026-08-01T02:00:00Z")
    try run("edge", asOf: "2026-08-30T12:00:00Z")
    try run("new", asOf: "2026-11-27")
    try FileManager.default.createDirectory(atPath: runs + "/mystery", withIntermediateDirectories: true)
    let now = try #require(RetentionPolicy.parseAsOf("2026-11-28T12:00:00Z"))
    let policy = RetentionPolicy(days: 90)
    let dry = try policy.prune(runsDirectory: runs, now: now, dryRun: true)
    #expect(dry.map(\.action) == [.kept, .skipped, .kept, .removed])
    // A dry run says what it would do, never that it did it.
    #expect(dry.last?.line == "would remove old (as of 2026-08-01T02:00:00Z)")
    #expect(FileManager.default.fileExists(atPath: runs + "/old"))
    let decisions = try policy.prune(runsDirectory: runs, now: now)
    #expect(decisions.map(\.line) == [
      "kept edge (as of 2026-08-30T12:00:00Z)", "skipped mystery (no readable manifest or as-of)",
      "kept new (as of 2026-11-27)", "removed old (as of 2026-08-01T02:00:00Z)",
    ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs).sorted() == ["edge", "mystery", "new"])
  }

  /// A run whose emails are still owed is held back however old; a state
  /// with no database owes nothing, and pruning it creates none.
  @Test func holdsRunsThatStillOweEmails() throws {
    let state = makeTemporaryFolder()
    defer { removeFolder(state) }
    let runs = state + "/runs"
    for id in ["owing", "paid"] {
      let manifest = RunManifest(
        runID: id, asOf: "2026-08-01T02:00:00Z", algorithm: "stable", objective: "o", configSHA256: "c", inputs: [:],
        taxonomy: [:], priorStateSHA256: "p", counts: [:], outputs: [:])
      try RunFolderWriter(runsDirectory: runs, pid: 1).write(runID: id, files: [RunManifest.fileName: manifest.encoded()])
    }
    let now = try #require(RetentionPolicy.parseAsOf("2026-11-28T12:00:00Z"))
    let decisions = try RetentionPolicy(days: 90).prune(runsDirectory: runs, now: now, dryRun: true, owedBy: ["owing"])
    #expect(decisions.map(\.line) == [
      "kept owing (as of 2026-08-01T02:00:00Z): its emails are still owed; the next run publishes them from it",
      "would remove paid (as of 2026-08-01T02:00:00Z)",
    ])
    let settings = StateSettings(
      stateDirectory: state, databasePath: state + "/mentormatch.sqlite", runsDirectory: runs, retentionDays: 90)
    #expect(try RetentionPolicy(days: 90).prune(settings, now: now).map(\.action) == [.removed, .removed])
    #expect(!FileManager.default.fileExists(atPath: settings.databasePath))
  }

  /// `run --dry-run` writes under `dry-runs/`: those folders hold the same
  /// personal data and age like any other, and the folder holding them is not
  /// itself a run folder to report as skipped.
  @Test func prunesDryRunsByTheirOwnAsOf() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    func run(_ id: String, asOf: String, under folder: String) throws {
      let manifest = RunManifest(
        runID: id, asOf: asOf, algorithm: "stable", objective: "o", configSHA256: "c", inputs: [:], taxonomy: [:],
        priorStateSHA256: "p", counts: [:], outputs: [:])
      try RunFolderWriter(runsDirectory: folder, pid: 1).write(runID: id, files: [RunManifest.fileName: manifest.encoded()])
    }
    let dryRuns = runs + "/" + StateSettings.dryRunsFolderName
    try run("old", asOf: "2026-08-01T02:00:00Z", under: runs)
    try run("old", asOf: "2026-08-01T02:00:00Z", under: dryRuns)
    try run("new", asOf: "2026-11-27T02:00:00Z", under: dryRuns)
    let now = try #require(RetentionPolicy.parseAsOf("2026-11-28T12:00:00Z"))
    let decisions = try RetentionPolicy(days: 90).prune(runsDirectory: runs, now: now)
    #expect(decisions.map(\.line) == [
      "removed old (as of 2026-08-01T02:00:00Z)",
      "kept dry-runs/new (as of 2026-11-27T02:00:00Z)", "removed dry-runs/old (as of 2026-08-01T02:00:00Z)",
    ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == ["dry-runs"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dryRuns) == ["new"])
  }
}

@Suite struct CrashPointTests {
  @Test func firesOnlyAtItsStep() {
    let point = CrashPoint.fromEnvironment(["MENTORMATCH_CRASH_AT": "after-commit"])
    #expect(point.fires(at: "after-commit"))
    #expect(!point.fires(at: "before-commit"))
    #expect(!CrashPoint.fromEnvironment([:]).fires(at: "after-commit"))
    #expect(!CrashPoint.fromEnvironment(["MENTORMATCH_CRASH_AT": ""]).fires(at: ""))
    CrashPoint.none.hit("anything")  // returns
  }
}
