import GRDB

extension StateStore {
  /// Marks a run's emails as published, once each has been moved into the
  /// outbox. Names that are not owed (unknown, or already published) are skipped.
  ///
  /// - Returns: how many rows changed from `owed` to `published`.
  @discardableResult
  public func markPublished(runID: String, fileNames: [String]) throws(StateError) -> Int {
    // One statement for the whole list (SQLite's json_each,
    // <https://sqlite.org/json1.html#jeach>): a statement per name cost more
    // than the hard links it records.
    let names = JSONRows.encode(fileNames) { [.text($0)] }
    return try write { db in
      try db.execute(
        sql: """
          UPDATE notification SET status = 'published'
          WHERE run_id = ? AND status = 'owed' AND file_name IN (SELECT value ->> 0 FROM json_each(?))
          """, arguments: [runID, names])
      return db.changesCount
    }
  }

  /// Marks every email a run owes as published: what a run does once its
  /// whole outbox is published, without handing the names back to SQLite.
  ///
  /// - Returns: how many rows changed from `owed` to `published`.
  @discardableResult
  public func markPublished(runID: String) throws(StateError) -> Int {
    try write { db in
      try db.execute(
        sql: "UPDATE notification SET status = 'published' WHERE run_id = ? AND status = 'owed'", arguments: [runID])
      return db.changesCount
    }
  }

  /// Every email owed but not yet published, across runs, in commit order
  /// then file name: what a run that follows a crash publishes first.
  public func unpublishedNotifications() throws(StateError) -> [NotificationRecord] {
    try read { db in
      try NotificationRecord.fetchAll(
        db,
        sql: """
          SELECT notification.* FROM notification JOIN run ON run.id = notification.run_id
          WHERE notification.status = 'owed' ORDER BY run.sequence, notification.file_name
          """)
    }
  }

  /// Every notification of one run, sorted by file name.
  public func notifications(runID: String) throws(StateError) -> [NotificationRecord] {
    try read { db in
      try NotificationRecord.filter(Column("run_id") == runID).order(Column("file_name")).fetchAll(db)
    }
  }
}

extension StateStore {
  /// The ids of everyone who was ever sent an email of `kind`, sorted: a
  /// "still waiting" email goes to each person once, not every night.
  public func recipients(ofKind kind: String) throws(StateError) -> [String] {
    try read { db in
      try String.fetchAll(
        db, sql: "SELECT DISTINCT recipient_id FROM notification WHERE kind = ? ORDER BY recipient_id", arguments: [kind])
    }
  }
}
