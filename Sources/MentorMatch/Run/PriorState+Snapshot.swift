/// Reading `prior-pairs.csv` back, so `audit` rebuilds a run's starting state
/// from its run folder alone.
extension PriorState {
  /// Parses the bytes ``snapshotCSV()`` wrote. Rows an erasure redacted
  /// (every field `[redacted]`) are left out.
  public static func parse(snapshot bytes: [UInt8], name: String) throws -> PriorState {
    var pairs: [PairRecord] = []
    var sawHeader = false
    try CSVReader(bytes: bytes, name: name).forEachRow { row in
      guard case .record(let record) = row else {
        throw RunError.badSnapshot(file: name, line: row.line, message: "unreadable row")
      }
      guard sawHeader else {
        sawHeader = true
        return
      }
      let f = record.fields
      // A row `forget` redacted was the erased person's pair: the run knew
      // it, but nothing re-run from the folder can.
      if !f.isEmpty, f.allSatisfy({ $0 == Erasure.placeholder }) { return }
      guard f.count == 8, let score = Int(f[4]) else {
        throw RunError.badSnapshot(file: name, line: record.line, message: "expected 8 fields with an integer score")
      }
      pairs.append(
        PairRecord(
          rowID: nil, menteeID: f[0], mentorID: f[1], cohort: f[2], runID: f[3], score: score, status: f[5],
          endedReason: f[6].isEmpty ? nil : f[6], endedAsOf: f[7].isEmpty ? nil : f[7]))
    }
    return PriorState(pairs: pairs, people: [], lastRun: nil)
  }
}
