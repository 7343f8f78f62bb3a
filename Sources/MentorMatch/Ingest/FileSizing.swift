/// Estimates how many more records a file holds from its size and a sample
/// of its first records, so that the validator can reserve room for their
/// sign-ups once rather than let the array double (and copy every sign-up)
/// as it grows.
///
/// Only capacity follows from it, never a result: a wrong estimate costs
/// memory that is never touched (too high) or one more doubling (too low).
struct FileSizing: Sendable {
  /// Records sampled before estimating: few enough that an export of a
  /// thousand rows is reserved for too (its array otherwise doubled, and
  /// copied, some ten times while it was read).
  static let sampleSize = 128
  /// The most records reserved for; past it the array grows as usual.
  static let largestReservation = 4_000_000

  let fileBytes: Int
  private var records = 0
  private var bytes = 0

  init(fileBytes: Int) {
    self.fileBytes = fileBytes
  }

  /// Adds a record to the sample; once the sample is full, returns how many
  /// records the rest of the file should hold, with an eighth to spare.
  mutating func sample(_ record: CSVRecordView) -> Int? {
    records += 1
    // Each field is followed by a delimiter or, at the end, a line end.
    bytes += record.byteCount + record.count + 1
    guard records == Self.sampleSize, bytes > 0 else { return nil }
    let remaining = max(0, fileBytes - bytes) / max(1, bytes / records)
    // A file of tiny rows could ask for more than memory holds at once.
    return min(remaining + remaining / 8, Self.largestReservation)
  }
}
