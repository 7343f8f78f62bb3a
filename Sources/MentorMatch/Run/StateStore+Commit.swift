import Foundation
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
    try commit(run: run, people: people, newPairs: { newPairs }, notifications: { notifications })
  }

  /// ``commit(run:people:newPairs:notifications:)`` in stages, for a caller
  /// that starts it before it has everything (``StagedCommit``): the run row
  /// and the people go in first, then `newPairs()` is called, then
  /// `notifications()`, all in the one transaction. Either may wait until
  /// its rows exist; when either throws, nothing is committed and the error
  /// is rethrown as ``StateError/wrapping(_:path:)`` gives it.
  ///
  /// With `writeAheadWhileWaiting`, the pages the rows so far changed are
  /// written to the write-ahead log before each wait
  /// (``GRDB/Database/writeDirtyPages()``), so that the commit at the end
  /// writes only the last rows' pages: the log's writes move off the run's
  /// critical path into the time it spends matching and writing its folder.
  @discardableResult
  public func commit(
    run: RunRecord, people: [PersonSeen], newPairs: () throws -> [NewPair],
    notifications: () throws -> [OwedNotification], writeAheadWhileWaiting: Bool = false
  ) throws(StateError) -> CommitOutcome {
    try write { db in
      if let done = try insertRun(run, db) { return done }
      try insert(people: people, runID: run.id, db)
      if writeAheadWhileWaiting { try db.writeDirtyPages() }
      try insert(newPairs: try newPairs(), runID: run.id, db)
      if writeAheadWhileWaiting { try db.writeDirtyPages() }
      try insert(notifications: try notifications(), runID: run.id, db)
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

  // Rows go in as multi-row `INSERT … VALUES (…), (…), …` statements of
  // ``rowsPerStatement`` rows, each size prepared once and reused, with the
  // values bound in list order (``StatementRows``), so pair and notification
  // ids follow the lists. A statement per row cost several times SQLite's
  // own work; one statement over a JSON array (`json_each`) made SQLite
  // parse the JSON and sort the rows back into order (twice the
  // instructions of these inserts); bound values cost neither.

  /// Rows per INSERT statement: on this schema 32–200 rows took the same
  /// time, about a third less than `json_each`; far longer statements cost
  /// more to prepare than they save.
  static let rowsPerStatement = 64

  /// Upserts the people.
  func insert(people: [PersonSeen], runID: String, _ db: Database) throws {
    let run = runID
    try Self.insertRows(
      people, db,
      head: "INSERT INTO person (id, cohort, role, email_sha256, first_seen_run, last_seen_run) VALUES ",
      row: "(?, ?, ?, ?, ?, ?)",
      tail: """
         ON CONFLICT(id) DO UPDATE SET
          cohort = excluded.cohort, role = excluded.role,
          email_sha256 = coalesce(excluded.email_sha256, person.email_sha256),
          last_seen_run = excluded.last_seen_run
        """
    ) { person, values in
      values.append(person.id)
      values.append(person.cohort)
      values.append(person.role)
      values.append(person.email.map(emailDigest))
      values.append(run)
      values.append(run)
    }
  }

  /// Inserts the new pairs as `active`.
  func insert(newPairs: [NewPair], runID: String, _ db: Database) throws {
    let run = runID
    try Self.insertRows(
      newPairs, db, head: "INSERT INTO pair (mentee_id, mentor_id, cohort, run_id, score, status) VALUES ",
      row: "(?, ?, ?, ?, ?, 'active')"
    ) { pair, values in
      values.append(pair.menteeID)
      values.append(pair.mentorID)
      values.append(pair.cohort)
      values.append(run)
      values.append(pair.score)
    }
  }

  /// Inserts the emails owed as `owed`.
  func insert(notifications: [OwedNotification], runID: String, _ db: Database) throws {
    let run = runID
    try Self.insertRows(
      notifications, db, head: "INSERT INTO notification (run_id, recipient_id, kind, file_name, status) VALUES ",
      row: "(?, ?, ?, ?, 'owed')"
    ) { notification, values in
      values.append(run)
      values.append(notification.recipientID)
      values.append(notification.kind)
      values.append(notification.fileName)
    }
  }

  /// Runs `head` + `row` × n + `tail` for each run of up to
  /// ``rowsPerStatement`` items, binding the values `bind` appends for each
  /// item (as many as `row` has placeholders) in order.
  static func insertRows<Item>(
    _ items: [Item], _ db: Database, head: String, row: String, tail: String = "",
    bind: (Item, inout StatementRows) -> Void
  ) throws {
    guard !items.isEmpty else {
      // An INSERT that adds no row still enters its AUTOINCREMENT table in
      // `sqlite_sequence` (seq 0), as the json_each statements did for an
      // empty list; kept, so that the state's contents stay as they were.
      let select = "SELECT " + row.dropFirst().dropLast().replacingOccurrences(of: "?", with: "NULL") + " WHERE false"
      try db.execute(sql: String(head.dropLast("VALUES ".count)) + select + tail)
      return
    }
    let placeholders = row.utf8.count(where: { $0 == UInt8(ascii: "?") })
    // One SQL text per statement size, so GRDB's statement cache finds it.
    func sql(rows: Int) -> String { head + repeatElement(row, count: rows).joined(separator: ", ") + tail }
    let full = items.count >= rowsPerStatement ? sql(rows: rowsPerStatement) : ""
    var start = items.startIndex
    var rows = StatementRows()
    rows.values.reserveCapacity(rowsPerStatement * placeholders)
    while start < items.endIndex {
      let end = min(items.endIndex, start + rowsPerStatement)
      let statement = try db.cachedStatement(sql: end - start == rowsPerStatement ? full : sql(rows: end - start))
      rows.values.removeAll(keepingCapacity: true)
      for item in items[start..<end] { bind(item, &rows) }
      guard rows.values.count == (end - start) * placeholders else {
        throw StateError.database(path: "", message: "\(rows.values.count) values for \(end - start) rows of \(placeholders)")
      }
      try rows.run(statement, db)
      start = end
    }
  }
}
