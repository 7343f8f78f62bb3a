import GRDB

extension StateStore {
  /// Active pairs, sorted by cohort, mentee, mentor; of one cohort when given.
  /// The active pairs as CSV for `pairs list` (`mentee,mentor,cohort,run,score,status`,
  /// CRLF), every cell neutralised against spreadsheet formulas: the ids
  /// come from the exports, and HR opens the list in a spreadsheet.
  public func activePairsCSV(cohort: String? = nil) throws(StateError) -> [UInt8] {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(["mentee", "mentor", "cohort", "run", "score", "status"])
    for pair in try activePairs(cohort: cohort) {
      writer.write([pair.menteeID, pair.mentorID, pair.cohort, pair.runID, String(pair.score), pair.status])
    }
    return writer.bytes
  }

  /// For `pairs list --cohort`: when `cohort` has no active pair, a note
  /// naming the cohorts that have some, since a misspelt cohort would
  /// otherwise list only the header; nil when it has pairs.
  public func noActivePairsNote(cohort: String) throws(StateError) -> String? {
    let cohorts = try read { db in
      try String.fetchAll(db, sql: "SELECT DISTINCT cohort FROM pair WHERE status = 'active' ORDER BY cohort")
    }
    guard !cohorts.contains(cohort) else { return nil }
    let known = cohorts.isEmpty ? "no cohort has any" : "cohorts with active pairs: \(cohorts.joined(separator: ", "))"
    return "no active pairs in cohort '\(cohort)' (\(known))"
  }

  public func activePairs(cohort: String? = nil) throws(StateError) -> [PairRecord] {
    try read { db in
      var request = PairRecord.filter(Column("status") == "active")
      if let cohort { request = request.filter(Column("cohort") == cohort) }
      return try request.order(Column("cohort"), Column("mentee_id"), Column("mentor_id")).fetchAll(db)
    }
  }

  /// Ends the active pair of a mentee and mentor, freeing the mentor's
  /// capacity. The pair stays in the state as `ended`, so it is never proposed again.
  ///
  /// - Parameters:
  ///   - reason: free text from HR, stored as is.
  ///   - asOf: when it ended (ISO 8601), given by the caller.
  /// - Returns: the ended pair.
  /// - Throws: ``StateError/noActivePair(mentee:mentor:)`` when there is none.
  @discardableResult
  public func endPair(mentee: String, mentor: String, reason: String, asOf: String) throws(StateError) -> PairRecord {
    try write { db in
      guard
        var pair = try PairRecord
          .filter(Column("mentee_id") == mentee && Column("mentor_id") == mentor && Column("status") == "active")
          .fetchOne(db)
      else {
        throw StateError.noActivePair(mentee: mentee, mentor: mentor)
      }
      pair.status = "ended"
      pair.endedReason = reason
      pair.endedAsOf = asOf
      try pair.update(db)
      return pair
    }
  }
}
