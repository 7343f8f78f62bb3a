import Foundation
import Testing
@testable import MentorMatch

/// Kills a real process at the folder writer's crash points and checks what
/// is left on disk. The child is this test bundle, re-run with a filter that
/// selects ``RunFolderCrashChild``.
@Suite struct RunFolderCrashTests {
  static let files: [String: [UInt8]] = [
    "manifest.json": Array("{}\n".utf8), "matches.csv": Array("a\r\n".utf8), "inputs/signups.csv": Array("b\r\n".utf8),
  ]

  func crashChild(runs: String, at step: String) throws -> Int32 {
    let bundle = try #require(CommandLine.arguments.first { $0.hasSuffix(".xctest") })
    return try runProcess(
      bundle, ["--testing-library", "swift-testing", "--filter", "RunFolderCrashChild"],
      environment: ["MENTORMATCH_TEST_CHILD_RUNS": runs, CrashPoint.environmentKey: step]
    ).status
  }

  @Test func killedBeforeTheRenameLeavesNoRunFolderAndTheNextWriteFinishes() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    #expect(try crashChild(runs: runs, at: "run-folder-files-written") == 137)
    let left = try FileManager.default.contentsOfDirectory(atPath: runs)
    #expect(left.count == 1)
    #expect(left.first?.hasPrefix(".tmp-r1-") == true)
    #expect(try RunFolderWriter(runsDirectory: runs, pid: getpid()).write(runID: "r1", files: Self.files) == .written)
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == ["r1"])
  }

  @Test func killedAfterTheRenameLeavesAWholeFolderThatAReRunAccepts() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    #expect(try crashChild(runs: runs, at: "run-folder-renamed") == 137)
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == ["r1"])
    #expect(try RunFolderWriter(runsDirectory: runs, pid: getpid()).write(runID: "r1", files: Self.files) == .alreadyPresent)
  }
}

/// The child side of ``RunFolderCrashTests``: does nothing unless that suite
/// started this process with `MENTORMATCH_TEST_CHILD_RUNS` set.
@Suite struct RunFolderCrashChild {
  @Test func writeUntilTheCrashPoint() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let runs = environment["MENTORMATCH_TEST_CHILD_RUNS"] else { return }
    let writer = RunFolderWriter(runsDirectory: runs, pid: getpid(), crash: .fromEnvironment(environment))
    try writer.write(runID: "r1", files: RunFolderCrashTests.files)
    Issue.record("the crash point '\(environment[CrashPoint.environmentKey] ?? "")' did not fire")
  }
}

/// Kills a process in the middle of a commit transaction: the next open sees
/// nothing of it, the database is sound and the commit can be redone.
@Suite struct StateCommitCrashTests {
  /// `staged`: through ``StagedCommit``, whose transaction runs on another thread.
  @Test(arguments: [false, true])
  func killedInsideTheTransactionLeavesNothing(staged: Bool) throws {
    let folder = makeTemporaryFolder("\(#function)-\(staged)")
    defer { removeFolder(folder) }
    let path = folder + "/state/mentormatch.sqlite"
    let bundle = try #require(CommandLine.arguments.first { $0.hasSuffix(".xctest") })
    var environment = ["MENTORMATCH_TEST_CHILD_DB": path, CrashPoint.environmentKey: "state-commit-in-transaction"]
    if staged { environment["MENTORMATCH_TEST_CHILD_STAGED"] = "1" }
    let child = try runProcess(
      bundle, ["--testing-library", "swift-testing", "--filter", "StateCommitCrashChild"], environment: environment)
    #expect(child.status == 137)
    let store = try StateStore(path: path)
    #expect(try store.integrityCheck() == ["ok"])
    #expect(try store.hasCommittedRun(id: "run-1") == false)
    #expect(try store.loadPriorState() == PriorState(pairs: [], people: [], lastRun: nil))
    #expect(try StateCommitCrashChild.commit(store) == .committed)
  }
}

/// The child side of ``StateCommitCrashTests``: does nothing unless started by it.
@Suite struct StateCommitCrashChild {
  static func commit(_ store: StateStore) throws -> CommitOutcome {
    try store.commit(
      run: sampleRun(), people: samplePeople,
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)],
      notifications: [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "e1.eml")])
  }

  @Test func commitUntilTheCrashPoint() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let path = environment["MENTORMATCH_TEST_CHILD_DB"] else { return }
    let store = try StateStore(path: path, crash: .fromEnvironment(environment))
    if environment["MENTORMATCH_TEST_CHILD_STAGED"] != nil {
      let staged = StagedCommit(store: store, run: sampleRun(), people: samplePeople)
      staged.matched([NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)])
      _ = try staged.finish(notifications: [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "e1.eml")])
    } else {
      _ = try Self.commit(store)
    }
    Issue.record("the crash point did not fire")
  }
}
