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
    let salted = people.map { ($0, $0.email.map(emailDigest)) }
    return try write { db in
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
      // One prepared statement for every person: re-preparing it per row dominated large commits.
      let upsert = try db.cachedStatement(
          sql: """
            INSERT INTO person (id, cohort, role, email_sha256, first_seen_run, last_seen_run)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET
              cohort = excluded.cohort, role = excluded.role,
              email_sha256 = coalesce(excluded.email_sha256, person.email_sha256),
              last_seen_run = excluded.last_seen_run
            """)
      for (person, digest) in salted {
        try upsert.execute(arguments: [person.id, person.cohort, person.role, digest, run.id, run.id])
      }
      let insertPair = try db.cachedStatement(
        sql: "INSERT INTO pair (mentee_id, mentor_id, cohort, run_id, score, status) VALUES (?, ?, ?, ?, ?, 'active')")
      for pair in newPairs {
        try insertPair.execute(arguments: [pair.menteeID, pair.mentorID, pair.cohort, run.id, pair.score])
      }
      let insertNotification = try db.cachedStatement(
        sql: "INSERT INTO notification (run_id, recipient_id, kind, file_name, status) VALUES (?, ?, ?, ?, 'owed')")
      for owed in notifications {
        try insertNotification.execute(arguments: [run.id, owed.recipientID, owed.kind, owed.fileName])
      }
      crash.hit("state-commit-in-transaction")
      return .committed
    }
  }
}
