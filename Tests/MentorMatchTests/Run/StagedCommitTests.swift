import Foundation
import Testing

@testable import MentorMatch

/// ``StagedCommit``: the nightly commit filled while the run works. It must
/// store exactly what one commit stores, show nothing before it ends, and
/// leave nothing when abandoned.
@Suite struct StagedCommitTests {
  static let pairs = [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)]
  static let owed = [
    OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "b.eml"),
    OwedNotification(recipientID: "R1", kind: "mentor-match", fileName: "a.eml"),
  ]

  @Test func storesWhatOneCommitStores() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let staged = try StateStore(path: (folder as NSString).appendingPathComponent("staged.sqlite"))
    let direct = try StateStore(path: (folder as NSString).appendingPathComponent("direct.sqlite"))
    let commit = StagedCommit(store: staged, run: sampleRun(), people: samplePeople)
    commit.matched(Self.pairs)
    #expect(try commit.finish(notifications: Self.owed) == .committed)
    #expect(try direct.commit(run: sampleRun(), people: samplePeople, newPairs: Self.pairs, notifications: Self.owed) == .committed)
    #expect(try staged.runs().map(\.id) == direct.runs().map(\.id))
    #expect(try staged.activePairs() == direct.activePairs())
    #expect(try staged.notifications(runID: "run-1") == direct.notifications(runID: "run-1"))
  }

  /// The transaction (and SQLite's write lock) begins only once a solver
  /// starts: until then another connection can still write.
  @Test func theTransactionBeginsWhenASolverStarts() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    let store = try StateStore(path: path)
    let commit = StagedCommit(store: store, run: sampleRun(), people: samplePeople)
    let other = try StateStore(path: path)
    #expect(try other.commit(run: sampleRun("run-0"), people: [], newPairs: [], notifications: []) == .committed)
    commit.solving()
    commit.solving()  // a second cohort's solver: nothing more
    commit.matched(Self.pairs)
    #expect(try commit.finish(notifications: Self.owed) == .committed)
    #expect(try other.runs().map(\.id).sorted() == ["run-0", "run-1"])
    #expect(try other.activePairs().count == 1)
  }

  /// Another connection sees nothing of the run until the emails owed are
  /// handed over, which the nightly run does only once its folder is durable.
  @Test func nothingIsVisibleBeforeTheFinish() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    let store = try StateStore(path: path)
    // Opened first: opening a store waits for the write lock, which the staged commit holds.
    let reader = try StateStore(path: path)
    let commit = StagedCommit(store: store, run: sampleRun(), people: samplePeople)
    commit.matched(Self.pairs)
    // The pairs may or may not be in the open transaction yet; neither is visible.
    #expect(try reader.runs().isEmpty)
    #expect(try reader.activePairs().isEmpty)
    _ = try commit.finish(notifications: Self.owed)
    #expect(try reader.runs().map(\.id) == ["run-1"])
    #expect(try reader.activePairs().count == 1)
  }

  /// The rows handed over so far reach the write-ahead log before the
  /// finish (so the commit has little left to write), yet stay invisible,
  /// and an abandoned transaction leaves them ignored.
  @Test func rowsAreWrittenAheadButOnlyTheCommitShowsThem() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    let store = try StateStore(path: path)
    let reader = try StateStore(path: path)
    func logSize() -> Int {
      ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
    }
    let before = logSize()
    let people = samplePeople + (0..<500).map { PersonSeen(id: "P\($0)", cohort: "spring", role: "mentee", email: "p\($0)@example.gov.uk") }
    let commit = StagedCommit(store: store, run: sampleRun(), people: people)
    commit.matched(Self.pairs)
    // The commit's thread inserts and writes ahead on its own; wait for it.
    let deadline = Date().addingTimeInterval(10)
    while logSize() <= before, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    #expect(logSize() > before, "the pages reach the log before the finish")
    #expect(try reader.runs().isEmpty)
    #expect(try reader.activePairs().isEmpty)
    commit.abandon()
    #expect(try reader.runs().isEmpty)
    #expect(try store.integrityCheck() == ["ok"])
    #expect(try store.commit(run: sampleRun(), people: people, newPairs: Self.pairs, notifications: Self.owed) == .committed)
    #expect(try reader.activePairs().count == 1)
  }

  @Test(arguments: [false, true])
  func abandoningLeavesNothing(afterPairs: Bool) throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let store = try StateStore(path: (folder as NSString).appendingPathComponent("state.sqlite"))
    let commit = StagedCommit(store: store, run: sampleRun(), people: samplePeople)
    if afterPairs { commit.matched(Self.pairs) }
    commit.abandon()
    #expect(try store.runs().isEmpty)
    #expect(try store.activePairs().isEmpty)
    // The store is free again: a later commit of the same run goes in.
    #expect(try store.commit(run: sampleRun(), people: samplePeople, newPairs: Self.pairs, notifications: Self.owed) == .committed)
  }
}

@Suite struct HandoffTests {
  @Test func theValueCrossesThreads() throws {
    let handoff = Handoff<[Int]>()
    let job = BackgroundJob(ownThread: true) { Result { () throws(Handoff<[Int]>.Abandoned) in try handoff.take() } }
    handoff.put([1, 2, 3])
    handoff.put([4])  // ignored: the first value stands
    #expect(try job.wait().get() == [1, 2, 3])
  }

  @Test func abandoningWakesTheConsumer() {
    let handoff = Handoff<Int>()
    let job = BackgroundJob { Result { () throws(Handoff<Int>.Abandoned) in try handoff.take() } }
    handoff.abandon()
    handoff.put(7)  // too late
    #expect(throws: Handoff<Int>.Abandoned.self) { try job.wait().get() }
  }
}
