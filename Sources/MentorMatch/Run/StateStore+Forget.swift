import GRDB

/// What an erasure removed from the state.
public struct ForgetReport: Sendable, Equatable {
  /// The person ids erased, sorted (empty when nobody matched).
  public var personIDs: [String]
  /// Pairs deleted, active and ended, where the person was mentee or mentor.
  public var pairsRemoved: Int
  /// The notifications deleted, sorted by run then file name: the caller
  /// removes these .eml files from the run folders.
  public var notifications: [NotificationRecord]

  /// Creates a value from its parts.
  public init(personIDs: [String], pairsRemoved: Int, notifications: [NotificationRecord]) {
    self.personIDs = personIDs
    self.pairsRemoved = pairsRemoved
    self.notifications = notifications
  }
}

extension StateStore {
  /// Erases a person (UK GDPR art. 17): their person row, every pair they
  /// were in and every notification addressed to them, in one transaction.
  /// Runs stay: they hold no personal data. Pairs of the other person with
  /// them are gone too, so the `no-repeat` rule no longer knows of them.
  public func forget(personID: String) throws(StateError) -> ForgetReport {
    try write { db in try Self.forget(ids: [personID], db) }
  }

  /// Erases everyone whose salted email digest matches `email`.
  public func forget(email: String) throws(StateError) -> ForgetReport {
    let digest = emailDigest(email)
    return try write { db in
      let ids = try String.fetchAll(db, sql: "SELECT id FROM person WHERE email_sha256 = ? ORDER BY id", arguments: [digest])
      return try Self.forget(ids: ids, db)
    }
  }

  /// What ``forget(personID:)`` would remove, without removing it: the
  /// erasure looks here first, redacts the run folders, then forgets, so that
  /// a crash in between leaves the state still able to guide a second try.
  public func erasurePreview(personID: String?, email: String?) throws(StateError) -> ForgetReport {
    let digest = email.map(emailDigest)
    return try read { db in
      var ids: [String] = []
      if let personID { ids.append(personID) }
      if let digest {
        ids += try String.fetchAll(db, sql: "SELECT id FROM person WHERE email_sha256 = ?", arguments: [digest])
      }
      ids = Array(Set(ids)).sorted()
      var report = ForgetReport(personIDs: [], pairsRemoved: 0, notifications: [])
      for id in ids {
        let notes = try NotificationRecord.filter(Column("recipient_id") == id).fetchAll(db)
        let pairs = try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM pair WHERE mentee_id = ? OR mentor_id = ?", arguments: [id, id]) ?? 0
        let known = try PersonRecord.exists(db, key: id)
        guard known || pairs > 0 || !notes.isEmpty else { continue }
        report.personIDs.append(id)
        report.pairsRemoved += pairs
        report.notifications += notes
      }
      report.notifications.sort { ($0.runID, $0.fileName) < ($1.runID, $1.fileName) }
      return report
    }
  }

  private static func forget(ids: [String], _ db: Database) throws -> ForgetReport {
    var report = ForgetReport(personIDs: [], pairsRemoved: 0, notifications: [])
    for id in ids {
      report.notifications += try NotificationRecord.filter(Column("recipient_id") == id).fetchAll(db)
      try db.execute(sql: "DELETE FROM notification WHERE recipient_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM pair WHERE mentee_id = ? OR mentor_id = ?", arguments: [id, id])
      report.pairsRemoved += db.changesCount
      try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id])
      if db.changesCount > 0 || !report.notifications.isEmpty { report.personIDs.append(id) }
    }
    report.personIDs.sort()
    report.notifications.sort { ($0.runID, $0.fileName) < ($1.runID, $1.fileName) }
    return report
  }
}
