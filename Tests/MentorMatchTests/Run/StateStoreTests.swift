import Foundation
import GRDB
import Testing
@testable import MentorMatch

@Suite struct StateStoreTests {
  @Test func freshDatabaseGetsEveryMigration() throws {
    let store = try StateStore.inMemory()
    #expect(try store.appliedMigrations() == ["v1-runs-people-pairs", "v2-notifications-salt"])
    #expect(try store.integrityCheck() == ["ok"])
  }

  @Test func existingDatabaseIsMigratedForwardAndKeepsItsData() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    // A database from before the second migration, with a run in it.
    do {
      let queue = try DatabaseQueue(path: path)
      try StateSchema.migrator.migrate(queue, upTo: "v1-runs-people-pairs")
      try queue.write { db in try sampleRun().insert(db) }
    }
    let store = try StateStore(path: path)
    #expect(try store.appliedMigrations() == ["v1-runs-people-pairs", "v2-notifications-salt"])
    #expect(try store.hasCommittedRun(id: "run-1"))
    // Opening again applies nothing and keeps the salt.
    let digest = store.emailDigest("a@b.c")
    let again = try StateStore(path: path)
    #expect(again.emailDigest("a@b.c") == digest)
    #expect(try again.runs().map(\.id) == ["run-1"])
  }

  /// A database a newer version migrated further is refused before anything
  /// is written to it, naming the migrations this version does not know.
  @Test func databaseFromANewerVersionIsRefusedUntouched() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    do {
      let store = try StateStore(path: path)
      try store.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future'), ('v3-later')")
      }
    }
    // The schema and the migrations recorded, as a plain connection reads them.
    func schema() throws -> [String] {
      try DatabaseQueue(path: path).read { db in
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
          + String.fetchAll(db, sql: "SELECT name || ': ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
      }
    }
    let before = try schema()
    #expect(before.prefix(4) == ["v1-runs-people-pairs", "v2-notifications-salt", "v3-later", "v9-future"])
    #expect(throws: StateError.newerSchema(path: path, unknownMigrations: ["v3-later", "v9-future"])) {
      _ = try StateStore(path: path)
    }
    let error = StateError.newerSchema(path: path, unknownMigrations: ["v3-later", "v9-future"])
    #expect(error.exitStatus == .dataError)
    #expect("\(error)".hasPrefix("\(path): the state was migrated by a newer mentormatch (schema v3-later, v9-future, "))
    #expect(try schema() == before)
  }

  /// A damaged database file, or one that is not SQLite, says so and what to
  /// do, instead of quoting the query that tripped on it.
  @Test(arguments: ["truncated", "garbage"])
  func damagedDatabaseIsNamedDamaged(_ damage: String) throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    do {
      let store = try StateStore(path: path)
      try store.write { db in try sampleRun().insert(db) }
    }
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    try (damage == "garbage" ? Data("not a database at all".utf8) : whole.prefix(5_000))
      .write(to: URL(fileURLWithPath: path))
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    do {
      _ = try StateStore(path: path)
      Issue.record("a \(damage) database opened")
    } catch {
      guard case .damaged(let at, _) = error else { Issue.record("not reported as damaged: \(error)"); return }
      #expect(at == path)
      #expect(error.exitStatus == .ioError)
      #expect("\(error)".hasSuffix("restore it from a backup (a fresh state would forget every pair made and every email owed)"))
    }
  }

  /// A `[state] database` that names a folder (or a FIFO) is named as such,
  /// not as SQLite's "unable to open database file"; nothing is created in it.
  @Test func aFolderWhereTheDatabaseGoesIsNamed() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("mentormatch.sqlite")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let expected = StateError.cannotCreate(path: path, reason: "a folder of that name is in the way (the state database is a file)")
    #expect(throws: expected) { _ = try StateStore(path: path) }
    #expect(expected.exitStatus == .cannotCreate)
    #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
    let fifo = (folder as NSString).appendingPathComponent("fifo.sqlite")
    try #require(mkfifo(fifo, 0o600) == 0)
    #expect(throws: StateError.cannotCreate(
      path: fifo, reason: "not a regular file (a FIFO, a device or a socket?): the state database is a file")) {
      _ = try StateStore(path: fifo)
    }
  }

  @Test func fileDatabaseUsesWALAndFullSyncAndIsPrivate() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state/mentormatch.sqlite")
    let store = try StateStore(path: path)
    let (journal, synchronous, foreignKeys) = try store.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
        try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(journal == "wal")
    #expect(synchronous == 2)  // FULL
    #expect(foreignKeys == 1)
    #expect(mode(of: path) == 0o600)
    #expect(mode(of: (path as NSString).deletingLastPathComponent) == 0o700)
  }

  @Test func theWriterCommitsWithFullSync() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    // Both a new database and one opened again: GRDB sets its writer to
    // NORMAL when it turns on WAL, which would not sync the WAL at commit.
    for _ in 0..<2 {
      let store = try StateStore(path: path)
      let (synchronous, tempStore) = try store.writer.writeWithoutTransaction { db in
        (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA temp_store"))
      }
      #expect(synchronous == 2)  // FULL
      #expect(tempStore == 2)  // MEMORY: the commit's statement journals stay off the disk
    }
  }

  @Test func aNewDatabaseIsBuiltAsideAndEqualsOneMigratedInPlace() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let fresh = (folder as NSString).appendingPathComponent("fresh/mentormatch.sqlite")
    let inPlace = (folder as NSString).appendingPathComponent("in-place.sqlite")
    // An empty file takes the old way: opened where it is and migrated there.
    #expect(FileManager.default.createFile(atPath: inPlace, contents: Data()))
    func schema(_ store: StateStore) throws -> [String] {
      try store.read { db in
        try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name")
      }
    }
    do {
      let made = try StateStore(path: fresh)
      let migrated = try StateStore(path: inPlace)
      #expect(try made.appliedMigrations() == ["v1-runs-people-pairs", "v2-notifications-salt"])
      #expect(try schema(made) == schema(migrated))
      #expect(try made.integrityCheck() == ["ok"])
      #expect(made.emailSalt.count == 32)
      try made.commit(run: sampleRun(), people: samplePeople, newPairs: [], notifications: [])
      let journal = try made.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
      #expect(journal == "wal")
    }
    #expect(mode(of: fresh) == 0o600)
    // Only the database is left in its folder: no file from building it aside.
    let names = try FileManager.default.contentsOfDirectory(atPath: (fresh as NSString).deletingLastPathComponent)
    #expect(names == ["mentormatch.sqlite"])
    let reopened = try StateStore(path: fresh)
    #expect(try reopened.runs().map(\.id) == ["run-1"])
  }

  @Test func aDatabaseAnotherProcessMadeFirstIsKept() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    let first = try StateStore(path: path)
    try first.commit(run: sampleRun(), people: samplePeople, newPairs: [], notifications: [])
    // Building aside again (as a second process racing the first would) links nothing over it.
    #expect(try StateStore.createMigrated(at: path))
    #expect(try StateStore(path: path).runs().map(\.id) == ["run-1"])
  }

  @Test func commitStoresRunPeoplePairsAndOwedNotifications() throws {
    let store = try StateStore.inMemory()
    let outcome = try store.commit(
      run: sampleRun(), people: samplePeople,
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)],
      notifications: [
        OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "b.eml"),
        OwedNotification(recipientID: "R1", kind: "mentor-match", fileName: "a.eml"),
      ])
    #expect(outcome == .committed)
    let prior = try store.loadPriorState()
    #expect(prior.lastRun?.sequence == 1)
    #expect(prior.people.map(\.id) == ["E1", "E2", "R1", "R2"])
    #expect(prior.people.first?.emailSHA256 == store.emailDigest(" ann@example.GOV.uk"))
    #expect(prior.activePairs(cohort: "spring").map(\.menteeID) == ["E1"])
    #expect(try store.unpublishedNotifications().map(\.fileName) == ["a.eml", "b.eml"])
    #expect(try store.markPublished(runID: "run-1", fileNames: ["a.eml", "zzz.eml"]) == 1)
    #expect(try store.unpublishedNotifications().map(\.fileName) == ["b.eml"])
    #expect(String(decoding: prior.snapshotCSV(), as: UTF8.self).contains("E1,R1,spring,run-1,40,active,,\r\n"))
  }

  /// `pairs list`: active pairs only, cohort filter, and ids that would be
  /// spreadsheet formulas neutralised.
  @Test func activePairsCSVListsActivePairsFormulaSafe() throws {
    let store = try StateStore.inMemory()
    let people = samplePeople + [PersonSeen(id: "=HYPERLINK(\"x\")", cohort: "spring", role: "mentee", email: nil)]
    try store.commit(
      run: sampleRun(), people: people,
      newPairs: [
        NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
        NewPair(menteeID: "=HYPERLINK(\"x\")", mentorID: "R1", cohort: "spring", score: 7),
        NewPair(menteeID: "E2", mentorID: "R2", cohort: "autumn", score: 3),
      ],
      notifications: [])
    let all = String(decoding: try store.activePairsCSV(), as: UTF8.self)
    #expect(all.hasPrefix("mentee,mentor,cohort,run,score,status\r\n"))
    #expect(all.contains("\"'=HYPERLINK(\"\"x\"\")\",R1,spring,run-1,7,active\r\n"), "\(all)")
    #expect(all.split(separator: "\r\n").count == 4)
    let autumn = String(decoding: try store.activePairsCSV(cohort: "autumn"), as: UTF8.self)
    #expect(autumn == "mentee,mentor,cohort,run,score,status\r\nE2,R2,autumn,run-1,3,active\r\n")
  }

  @Test func commitStoresTypedValuesInListOrder() throws {
    let store = try StateStore.inMemory()
    let people = samplePeople + [PersonSeen(id: "N\u{1}\"x", cohort: "spring", role: "mentee", email: nil)]
    try store.commit(
      run: sampleRun(), people: people,
      newPairs: [
        NewPair(menteeID: "E2", mentorID: "R2", cohort: "spring", score: -3),
        NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
      ],
      notifications: [
        OwedNotification(recipientID: "R1", kind: "mentor-match", fileName: "z.eml"),
        OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "a.eml"),
      ])
    let rows = try store.read { db in
      (
        pairs: try Row.fetchAll(db, sql: "SELECT mentee_id, typeof(score) AS t, score FROM pair ORDER BY id"),
        notes: try String.fetchAll(db, sql: "SELECT file_name FROM notification ORDER BY id"),
        odd: try Row.fetchOne(db, sql: "SELECT id, email_sha256 IS NULL AS bare, last_seen_run FROM person WHERE id = ?", arguments: ["N\u{1}\"x"])
      )
    }
    // Ids follow the lists' order; scores stay integers, negative ones too.
    #expect(rows.pairs.map { $0["mentee_id"] as String } == ["E2", "E1"])
    #expect(rows.pairs.map { $0["t"] as String } == ["integer", "integer"])
    #expect(rows.pairs.map { $0["score"] as Int } == [-3, 40])
    #expect(rows.notes == ["z.eml", "a.eml"])
    // Control characters and quotes in ids survive the JSON; no email stores no digest.
    #expect(rows.odd?["bare"] as Bool? == true)
    #expect(rows.odd?["last_seen_run"] as String? == "run-1")
  }

  /// A whole run's emails at once: only that run's, only those still owed.
  @Test func markPublishedForAWholeRun() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let store = try StateStore(path: (folder as NSString).appendingPathComponent("state.sqlite"))
    let owed = [
      OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "a.eml"),
      OwedNotification(recipientID: "R1", kind: "mentor-match", fileName: "b.eml"),
    ]
    _ = try store.commit(run: sampleRun("run-1"), people: samplePeople, newPairs: [], notifications: owed)
    _ = try store.commit(run: sampleRun("run-2"), people: samplePeople, newPairs: [], notifications: owed)
    #expect(try store.markPublished(runID: "run-1", fileNames: ["a.eml"]) == 1)
    #expect(try store.markPublished(runID: "run-1") == 1)
    #expect(try store.markPublished(runID: "run-1") == 0)
    #expect(try store.notifications(runID: "run-1").allSatisfy { $0.status == "published" })
    #expect(try store.unpublishedNotifications().map(\.runID) == ["run-2", "run-2"])
  }

  @Test func markPublishedTakesManyAndAwkwardNamesAtOnce() throws {
    let store = try StateStore.inMemory()
    let awkward = ["q\"uote.eml", "back\\slash.eml", "Zoë/é.eml", "a,b.eml", "line\nbreak.eml"]
    let plenty = (0..<5_000).map { String(format: "%05d.eml", $0) }
    try store.commit(
      run: sampleRun(), people: samplePeople, newPairs: [],
      notifications: (awkward + plenty).map { OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: $0) })
    // Unknown names, repeats and another run's id change nothing.
    #expect(try store.markPublished(runID: "other-run", fileNames: awkward) == 0)
    #expect(try store.markPublished(runID: "run-1", fileNames: awkward + awkward + ["nope.eml"]) == awkward.count)
    #expect(try store.markPublished(runID: "run-1", fileNames: awkward) == 0)
    #expect(try store.unpublishedNotifications().map(\.fileName) == plenty)
    #expect(try store.markPublished(runID: "run-1", fileNames: plenty.reversed()) == plenty.count)
    #expect(try store.unpublishedNotifications().isEmpty)
    #expect(try store.markPublished(runID: "run-1", fileNames: []) == 0)
  }

  @Test func failedCommitLeavesNothing() throws {
    let store = try StateStore.inMemory()
    // The second pair names a mentor nobody has seen: the foreign key fails
    // after the run, the people and the first pair were inserted.
    #expect(throws: StateError.self) {
      try store.commit(
        run: sampleRun(), people: samplePeople,
        newPairs: [
          NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
          NewPair(menteeID: "E2", mentorID: "GHOST", cohort: "spring", score: 10),
        ],
        notifications: [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "a.eml")])
    }
    #expect(try store.hasCommittedRun(id: "run-1") == false)
    let prior = try store.loadPriorState()
    #expect(prior.pairs.isEmpty)
    #expect(prior.people.isEmpty)
    #expect(try store.unpublishedNotifications().isEmpty)
  }

  /// The nightly run reads the prior state without the people: the same
  /// pairs and last run as the whole prior state, and the same copy for the
  /// run folder.
  @Test func thePriorStateWithoutPeopleHasEverythingElse() throws {
    let store = try StateStore.inMemory()
    try store.commit(
      run: sampleRun(), people: samplePeople,
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)], notifications: [])
    let whole = try store.loadPriorState()
    let withoutPeople = try store.loadPriorState(includingPeople: false)
    #expect(!whole.people.isEmpty && whole.pairs.count == 1 && whole.lastRun != nil)
    #expect(withoutPeople == PriorState(pairs: whole.pairs, people: [], lastRun: whole.lastRun))
    #expect(withoutPeople.snapshotCSV() == whole.snapshotCSV())
  }

  @Test func committingTheSameRunTwiceIsANoOp() throws {
    let store = try StateStore.inMemory()
    let pairs = [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)]
    let notes = [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "a.eml")]
    #expect(try store.commit(run: sampleRun(), people: samplePeople, newPairs: pairs, notifications: notes) == .committed)
    #expect(
      try store.commit(run: sampleRun(), people: samplePeople, newPairs: pairs, notifications: notes) == .alreadyCommitted)
    #expect(try store.loadPriorState().pairs.count == 1)
    #expect(try store.unpublishedNotifications().count == 1)
    var other = sampleRun()
    other.inputsSHA256 = "changed"
    #expect(throws: StateError.runConflict(runID: "run-1")) {
      try store.commit(run: other, people: [], newPairs: [], notifications: [])
    }
  }

  @Test func secondRunUpdatesLastSeenAndRejectsADuplicateActivePair() throws {
    let store = try StateStore.inMemory()
    let pair = NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)
    try store.commit(run: sampleRun("run-1"), people: samplePeople, newPairs: [pair], notifications: [])
    try store.commit(run: sampleRun("run-2"), people: [samplePeople[0]], newPairs: [], notifications: [])
    let people = try store.loadPriorState().people
    #expect(people.first { $0.id == "E1" }?.firstSeenRun == "run-1")
    #expect(people.first { $0.id == "E1" }?.lastSeenRun == "run-2")
    #expect(people.first { $0.id == "E2" }?.lastSeenRun == "run-1")
    #expect(throws: StateError.self) {
      try store.commit(run: sampleRun("run-3"), people: [], newPairs: [pair], notifications: [])
    }
    #expect(try store.runs().map(\.sequence) == [1, 2])
  }

  @Test func endingAPairFreesItButKeepsItForNoRepeat() throws {
    let store = try StateStore.inMemory()
    try store.commit(
      run: sampleRun(), people: samplePeople,
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)], notifications: [])
    let ended = try store.endPair(mentee: "E1", mentor: "R1", reason: "moved on", asOf: "2026-11-10T09:00:00Z")
    #expect(ended.status == "ended")
    #expect(try store.activePairs().isEmpty)
    let prior = try store.loadPriorState()
    #expect(prior.werePaired(mentee: "E1", mentor: "R1"))
    #expect(prior.pairs.first?.endedReason == "moved on")
    #expect(throws: StateError.noActivePair(mentee: "E1", mentor: "R1")) {
      try store.endPair(mentee: "E1", mentor: "R1", reason: "again", asOf: "2026-11-11T09:00:00Z")
    }
    // Ended, the pair can be made again by a later run only if the rules allow it; the index allows it.
    try store.commit(
      run: sampleRun("run-2"), people: [],
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)], notifications: [])
    #expect(try store.activePairs(cohort: "spring").count == 1)
  }

  @Test func forgetByIDAndByEmailRemoveEverythingOfThePerson() throws {
    let store = try StateStore.inMemory()
    try store.commit(
      run: sampleRun(), people: samplePeople,
      newPairs: [
        NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
        NewPair(menteeID: "E2", mentorID: "R1", cohort: "spring", score: 30),
      ],
      notifications: [
        OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "e1.eml"),
        OwedNotification(recipientID: "R1", kind: "mentor-match", fileName: "r1.eml"),
      ])
    let preview = try store.erasurePreview(personID: nil, email: "ANN@example.gov.uk")
    #expect(preview.personIDs == ["E1"])
    #expect(try store.loadPriorState().people.count == 4)  // a preview changes nothing
    let byEmail = try store.forget(email: "ann@example.gov.uk ")
    #expect(byEmail.personIDs == ["E1"])
    #expect(byEmail.pairsRemoved == 1)
    #expect(byEmail.notifications.map(\.fileName) == ["e1.eml"])
    let byID = try store.forget(personID: "R1")
    #expect(byID.personIDs == ["R1"])
    #expect(byID.pairsRemoved == 1)
    let prior = try store.loadPriorState()
    #expect(prior.people.map(\.id) == ["E2", "R2"])
    #expect(prior.pairs.isEmpty)
    #expect(try store.unpublishedNotifications().isEmpty)
    #expect(try store.forget(personID: "nobody") == ForgetReport(personIDs: [], pairsRemoved: 0, notifications: []))
    #expect(try store.integrityCheck() == ["ok"])
  }

  @Test func integrityCheckReportsACorruptFile() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let path = (folder as NSString).appendingPathComponent("state.sqlite")
    do {
      let store = try StateStore(path: path)
      try store.commit(run: sampleRun(), people: samplePeople, newPairs: [], notifications: [])
      #expect(try store.integrityCheck() == ["ok"])
    }
    // Checkpoint the WAL into the main file, then scribble over an index page.
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    let rootPage = try queue.read { db in
      try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'person_email'") ?? 0
    }
    try queue.close()
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64((rootPage - 1) * 4096 + 8))
    try handle.write(contentsOf: Data(repeating: 0xFF, count: 64))
    try handle.close()
    let report = try? StateStore(path: path).integrityCheck()
    #expect(report != ["ok"])
  }
}

/// The ASCII path of ``StateStore/emailDigest(_:)`` gives the digest the
/// Unicode definition gives, on every ASCII byte and on seeded addresses.
@Suite struct EmailDigestTests {
  /// The definition: trim Unicode whitespace, lowercase, salt, hash.
  func reference(_ email: String, salt: String) -> String {
    var scalars = Substring(email).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return SHA256Hex.of(Array("\(salt):\(String(scalars).lowercased())".utf8))
  }

  @Test func asciiPathEqualsTheUnicodeDefinition() throws {
    let store = try StateStore.inMemory()
    for byte in UInt8(0)..<0x80 {
      let text = String(decoding: [byte, 0x41, byte, 0x7A, byte], as: UTF8.self)
      #expect(store.emailDigest(text) == reference(text, salt: store.emailSalt), "byte \(byte)")
    }
    var random = SplitMix64(seed: 31)
    let pieces = [" ", "\t", "\r\n", "\u{0B}", "\u{0C}", "\u{1F}", "A", "z", "Q.", "@", "-", "_", "+", "0", "É", "\u{00A0}", "\u{2003}", "ß"]
    for _ in 0..<2_000 {
      let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      #expect(store.emailDigest(text) == reference(text, salt: store.emailSalt), "\(Array(text.utf8))")
    }
  }
}
