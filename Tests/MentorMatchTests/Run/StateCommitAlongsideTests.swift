import Foundation
import GRDB
import Testing
@testable import MentorMatch

@Suite struct StateCommitAlongsideTests {
  /// Every row of every table, ids included, as text; of the salted email
  /// digest (the salt differs per database) only whether there is one.
  static func dump(_ store: StateStore) throws -> [String] {
    let queries = [
      "SELECT * FROM run ORDER BY rowid",
      "SELECT id, cohort, role, email_sha256 IS NULL, first_seen_run, last_seen_run FROM person ORDER BY rowid",
      "SELECT * FROM pair ORDER BY rowid",
      "SELECT * FROM notification ORDER BY rowid",
      "SELECT name, seq FROM sqlite_sequence ORDER BY name",
    ]
    return try store.read { db in try queries.flatMap { sql in try Row.fetchAll(db, sql: sql).map { "\($0)" } } }
  }

  /// A seeded random run over `people` people, with pairs among them and emails owed.
  static func randomRun(seed: UInt64) -> (people: [PersonSeen], pairs: [NewPair], notes: [OwedNotification]) {
    var random = SplitMix64(seed: seed)
    let count = 2 + Int(random.next() % 40)
    let people = (0..<count).map { index in
      PersonSeen(
        id: "P\(index)-\(random.next() % 1000)", cohort: ["a", "b"][Int(random.next() % 2)],
        role: index % 2 == 0 ? "mentee" : "mentor",
        email: random.next() % 4 == 0 ? nil : "p\(index)@example.gov.uk")
    }
    var pairs: [NewPair] = []
    var seen: Set<String> = []
    for _ in 0..<Int(random.next() % 60) {
      let mentee = people[Int(random.next() % UInt64(count))].id
      let mentor = people[Int(random.next() % UInt64(count))].id
      guard seen.insert("\(mentee)|\(mentor)").inserted else { continue }
      pairs.append(NewPair(menteeID: mentee, mentorID: mentor, cohort: "a", score: Int(random.next() % 50) - 10))
    }
    let notes = pairs.enumerated().map { index, pair in
      OwedNotification(recipientID: pair.menteeID, kind: "mentee-match", fileName: "\(index)-\(random.next() % 100).eml")
    }
    return (people, pairs, notes)
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func leavesTheSameStateAsOneCommitAfterTheWork(seed: UInt64) throws {
    let (people, pairs, notes) = Self.randomRun(seed: seed)
    let simple = try StateStore.inMemory()
    let alongside = try StateStore.inMemory()
    // Two nights, so the second upserts people the first inserted.
    for night in ["run-1", "run-2"] {
      let pairsTonight = night == "run-1" ? Array(pairs.prefix(pairs.count / 2)) : Array(pairs.dropFirst(pairs.count / 2))
      let notesTonight = night == "run-1" ? Array(notes.prefix(notes.count / 2)) : Array(notes.dropFirst(notes.count / 2))
      let expected = try simple.commit(run: sampleRun(night), people: people, newPairs: pairsTonight, notifications: notesTonight)
      var workRan = false
      let outcome = try alongside.commit(run: sampleRun(night), people: people, newPairs: pairsTonight) {
        workRan = true
        return notesTonight
      }
      #expect(workRan)
      #expect(outcome == expected)
    }
    #expect(try Self.dump(alongside) == Self.dump(simple))
    #expect(try alongside.unpublishedNotifications() == simple.unpublishedNotifications())
    // The salts differ per database, so each digest is checked through its own store.
    #expect(
      try alongside.loadPriorState().people.map(\.emailSHA256)
        == people.sorted { $0.id < $1.id }.map { $0.email.map(alongside.emailDigest) })
  }

  @Test func nothingIsCommittedBeforeTheWorkReturns() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    let store = try StateStore(path: path)
    var config = Configuration()
    config.readonly = true
    let observer = try DatabaseQueue(path: path, configuration: config)
    try store.commit(run: sampleRun(), people: samplePeople, newPairs: [
      NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
    ]) {
      // Let the other thread insert everything it can first.
      Thread.sleep(forTimeInterval: 0.2)
      let seen = try observer.read { db in
        (try Int.fetchOne(db, sql: "SELECT count(*) FROM run"), try Int.fetchOne(db, sql: "SELECT count(*) FROM person"))
      }
      #expect(seen.0 == 0)
      #expect(seen.1 == 0)
      return [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "e1.eml")]
    }
    #expect(try observer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pair") } == 1)
    #expect(try store.unpublishedNotifications().map(\.fileName) == ["e1.eml"])
  }

  struct WorkFailed: Error, Equatable {}

  @Test func aFailedWorkRollsEverythingBackAndIsRethrown() throws {
    let store = try StateStore.inMemory()
    #expect(throws: WorkFailed()) {
      try store.commit(run: sampleRun(), people: samplePeople, newPairs: [
        NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
      ]) { throw WorkFailed() }
    }
    #expect(try store.hasCommittedRun(id: "run-1") == false)
    #expect(try store.loadPriorState() == PriorState(pairs: [], people: [], lastRun: nil))
    // The store is usable afterwards.
    #expect(try store.commit(run: sampleRun(), people: samplePeople, newPairs: []) { [] } == .committed)
  }

  @Test func aFailedInsertFailsTheCommitAfterTheWorkRan() throws {
    let store = try StateStore.inMemory()
    var workRan = false
    #expect(throws: StateError.self) {
      try store.commit(run: sampleRun(), people: samplePeople, newPairs: [
        NewPair(menteeID: "E1", mentorID: "GHOST", cohort: "spring", score: 40),
      ]) {
        workRan = true
        return []
      }
    }
    #expect(workRan)
    #expect(try store.hasCommittedRun(id: "run-1") == false)
    #expect(try store.loadPriorState().people.isEmpty)
  }

  @Test func aRunCommittedAlreadyIsANoOpAndAConflictIsThrown() throws {
    let store = try StateStore.inMemory()
    let notes = [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "a.eml")]
    #expect(try store.commit(run: sampleRun(), people: samplePeople, newPairs: []) { notes } == .committed)
    #expect(try store.commit(run: sampleRun(), people: samplePeople, newPairs: []) { notes } == .alreadyCommitted)
    #expect(try store.unpublishedNotifications().count == 1)
    var other = sampleRun()
    other.inputsSHA256 = "changed"
    #expect(throws: StateError.runConflict(runID: "run-1")) {
      try store.commit(run: other, people: [], newPairs: []) { [] }
    }
  }
}
