import Foundation
import GRDB
import Testing
@testable import MentorMatch

/// The commit's multi-row INSERTs against GRDB records inserted one at a
/// time, across the statement-size boundary.
@Suite struct StateCommitRowsTests {
  static func rows(_ reader: some DatabaseReader) throws -> [String] {
    try reader.read { db in
      try ["run", "person", "pair", "notification"].flatMap { table in
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
      }
    }
  }

  @Test(arguments: [0, 1, 63, 64, 65, 129, 200])
  func chunkedInsertsEqualOneRowAtATime(count: Int) throws {
    #expect(StateStore.rowsPerStatement == 64)
    let people = (0..<count).map {
      PersonSeen(id: "P\($0)", cohort: "c", role: $0 % 2 == 0 ? "mentee" : "mentor", email: $0 % 3 == 0 ? nil : "p\($0)@x.gov.uk")
    }
    let pairs = stride(from: 0, to: count - 1, by: 2).map {
      NewPair(menteeID: "P\($0)", mentorID: "P\($0 + 1)", cohort: "c", score: $0 - 5)
    }
    let notes = pairs.reversed().map {
      OwedNotification(recipientID: $0.menteeID, kind: "mentee-match", fileName: "\($0.menteeID).eml")
    }
    // The second night sees every other person again, in another cohort, and none of the emails.
    let again = people.enumerated().filter { $0.offset % 2 == 1 }.map {
      PersonSeen(id: $0.element.id, cohort: "d", role: $0.element.role, email: $0.offset % 4 == 1 ? nil : "new\($0.offset)@x.gov.uk")
    }
    let store = try StateStore.inMemory()
    try store.commit(run: sampleRun("run-1"), people: people, newPairs: pairs, notifications: notes)
    try store.commit(run: sampleRun("run-2"), people: again, newPairs: [], notifications: [])

    let reference = try DatabaseQueue()
    try StateSchema.migrator.migrate(reference)
    try reference.write { db in
      for (sequence, (night, seen)) in [("run-1", people), ("run-2", again)].enumerated() {
        try RunRecord(id: night, asOf: sampleRun(night).asOf, configSHA256: "c0", inputsSHA256: "i-\(night)", sequence: sequence + 1)
          .insert(db)
        for person in seen {
          let digest = person.email.map(store.emailDigest)
          if var known = try PersonRecord.fetchOne(db, key: person.id) {
            known.cohort = person.cohort
            known.role = person.role
            known.emailSHA256 = digest ?? known.emailSHA256
            known.lastSeenRun = night
            try known.update(db)
          } else {
            try PersonRecord(
              id: person.id, cohort: person.cohort, role: person.role, emailSHA256: digest, firstSeenRun: night,
              lastSeenRun: night
            ).insert(db)
          }
        }
        guard night == "run-1" else { continue }
        for pair in pairs {
          var record = PairRecord(
            rowID: nil, menteeID: pair.menteeID, mentorID: pair.mentorID, cohort: pair.cohort, runID: night,
            score: pair.score, status: "active", endedReason: nil, endedAsOf: nil)
          try record.insert(db)
        }
        for note in notes {
          var record = NotificationRecord(
            rowID: nil, runID: night, recipientID: note.recipientID, kind: note.kind, fileName: note.fileName, status: "owed")
          try record.insert(db)
        }
      }
    }
    #expect(try Self.rows(store.writer) == Self.rows(reference))
  }

  @Test func textIsBoundWholeWhateverItHolds() throws {
    let awkward = ["nul\u{0}inside", "Zoë ✓ 𝄞", "quote' \"and\" \\", "", String(repeating: "x", count: 300)]
    let store = try StateStore.inMemory()
    let people = awkward.enumerated().map { PersonSeen(id: $0.element, cohort: "c\($0.offset)", role: "mentee", email: nil) }
    try store.commit(run: sampleRun(), people: people, newPairs: [], notifications: [])
    let stored = try store.read { db in
      try Row.fetchAll(db, sql: "SELECT hex(CAST(id AS BLOB)) AS bytes, typeof(id) AS t, length(CAST(id AS BLOB)) AS n FROM person ORDER BY rowid")
    }
    // Compared as bytes: a NUL inside the text is stored, though a C string would stop there.
    #expect(stored.map { $0["bytes"] as String } == awkward.map { $0.utf8.map { String(format: "%02X", $0) }.joined() })
    #expect(stored.map { $0["t"] as String } == Array(repeating: "text", count: awkward.count))
    #expect(stored.map { $0["n"] as Int } == awkward.map(\.utf8.count))
  }

  @Test func aFailedStatementNamesSQLitesReason() throws {
    let store = try StateStore.inMemory()
    let error = #expect(throws: StateError.self) {
      try store.commit(
        run: sampleRun(), people: samplePeople,
        newPairs: [NewPair(menteeID: "E1", mentorID: "GHOST", cohort: "spring", score: 1)], notifications: [])
    }
    #expect(error?.description.contains("FOREIGN KEY constraint failed") == true)
  }

  @Test func emptyListsStillEnterTheirTablesInSQLiteSequence() throws {
    let store = try StateStore.inMemory()
    try store.commit(run: sampleRun(), people: [], newPairs: [], notifications: [])
    let sequence = try store.read { db in try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence ORDER BY name") }
    #expect(sequence.map { "\($0["name"] as String)=\($0["seq"] as Int)" } == ["notification=0", "pair=0"])
  }
}
