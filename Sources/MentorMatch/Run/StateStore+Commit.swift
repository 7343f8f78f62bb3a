import GRDB

extension StateStore {
  /// Commits a run in ONE transaction: the run row, the people it saw, the
  /// pairs it made and the notifications it owes. Either all of it is in the
  /// state afterwards or none of it is.
  ///
  /// Idempotent: committing a run id that is already committed with the same
  /// config and input hashes changes nothing and returns
  /// ``CommitOutcome/alreadyCommitted``; with other hashes it throws
  /// ``StateError/runConflict(runID:)`` (the orchestrator derives run ids from
  /// the as-of and the input hashes, so that can only be a bug).
  ///
  /// - Parameters:
  ///   - run: the run; its `sequence` is assigned here.
  ///   - people: everyone in this run's export. Each is inserted, or updated
  ///     (cohort, role, email digest, last seen run). Every mentee and mentor in
  ///     `newPairs` must be among them or already known.
  ///   - newPairs: the pairs made, inserted as `active`. A pair that is already
  ///     active fails the whole commit.
  ///   - notifications: the emails owed, inserted as `owed`.
  @discardableResult
  public func commit(
    run: RunRecord, people: [PersonSeen], newPairs: [NewPair], notifications: [OwedNotification]
  ) throws(StateError) -> CommitOutcome {
    try write { db in
      if let done = try insertRun(run, db) { return done }
      try insert(people: people, newPairs: newPairs, runID: run.id, db)
      try insert(notifications: notifications, runID: run.id, db)
      crash.hit("state-commit-in-transaction")
      return .committed
    }
  }

  /// Inserts the run row with the next sequence number; returns
  /// ``CommitOutcome/alreadyCommitted`` instead when the run is there with
  /// the same hashes, and throws ``StateError/runConflict(runID:)`` when it
  /// is there with others.
  func insertRun(_ run: RunRecord, _ db: Database) throws -> CommitOutcome? {
    if let existing = try RunRecord.fetchOne(db, key: run.id) {
      guard existing.configSHA256 == run.configSHA256, existing.inputsSHA256 == run.inputsSHA256 else {
        throw StateError.runConflict(runID: run.id)
      }
      return .alreadyCommitted
    }
    var row = run
    row.status = "committed"
    row.sequence = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM run") ?? 0) + 1
    try row.insert(db)
    return nil
  }

  // Each table's rows go in as ONE statement over a JSON array
  // (<https://sqlite.org/json1.html#jeach>): a statement per row cost
  // several times SQLite's own work. `ORDER BY key` keeps the list's order,
  // so pair and notification ids follow it; `WHERE true` is SQLite's
  // documented way to let an INSERT … SELECT take an upsert clause.

  /// Upserts the people and inserts the new pairs as `active`.
  func insert(people: [PersonSeen], newPairs: [NewPair], runID: String, _ db: Database) throws {
    let personRows = JSONRows.encode(people) {
      [.text($0.id), .text($0.cohort), .text($0.role), $0.email.map { .text(emailDigest($0)) } ?? .null]
    }
    let pairRows = JSONRows.encode(newPairs) {
      [.text($0.menteeID), .text($0.mentorID), .text($0.cohort), .integer($0.score)]
    }
    try db.execute(
      sql: """
        INSERT INTO person (id, cohort, role, email_sha256, first_seen_run, last_seen_run)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, ?1, ?1 FROM json_each(?2) WHERE true ORDER BY key
        ON CONFLICT(id) DO UPDATE SET
          cohort = excluded.cohort, role = excluded.role,
          email_sha256 = coalesce(excluded.email_sha256, person.email_sha256),
          last_seen_run = excluded.last_seen_run
        """,
      arguments: [runID, personRows])
    try db.execute(
      sql: """
        INSERT INTO pair (mentee_id, mentor_id, cohort, run_id, score, status)
        SELECT value ->> 0, value ->> 1, value ->> 2, ?1, value ->> 3, 'active' FROM json_each(?2) ORDER BY key
        """,
      arguments: [runID, pairRows])
  }

  /// Inserts the emails owed as `owed`.
  func insert(notifications: [OwedNotification], runID: String, _ db: Database) throws {
    let notificationRows = JSONRows.encode(notifications) {
      [.text($0.recipientID), .text($0.kind), .text($0.fileName)]
    }
    try db.execute(
      sql: """
        INSERT INTO notification (run_id, recipient_id, kind, file_name, status)
        SELECT ?1, value ->> 0, value ->> 1, value ->> 2, 'owed' FROM json_each(?2) ORDER BY key
        """,
      arguments: [runID, notificationRows])
  }
}
