import Foundation

/// Reads every export named in the settings through ``CSVReader`` and
/// validates it. The only part of ingest that touches files.
public enum SignupIngest {
  /// Reads and validates the exports. Several files are read side by side,
  /// each into a ``SignupValidator`` of its own, joined in file order: the
  /// result, and the first file's error when there are several, are those of
  /// reading them one after the other.
  ///
  /// - Parameter open: opens a file; by default the live path with the
  ///   settings' CSV options. The audit passes one that reads the run
  ///   folder's copies instead.
  public static func read(
    settings: InputSettings,
    open: (@Sendable (InputFile) throws(CSVError) -> CSVReader)? = nil
  ) throws(IngestError) -> IngestResult {
    try read(settings: settings, concurrency: ParallelWork.cores, open: open)
  }

  /// ``read(settings:open:)`` on at most `concurrency` threads (1: one file after the other).
  ///
  /// The caller's thread and up to `concurrency - 1` threads of their own,
  /// started here, take the files one at a time from an ``ExportQueue``.
  /// Not the global queue's threads: during a run the taxonomy loads on one
  /// of those, and the second export then waited for it, often to be read
  /// after the first on the caller's thread (measured 1.2–2.8 ms late in a
  /// 5 ms stage).
  static func read(
    settings: InputSettings, concurrency: Int,
    open: (@Sendable (InputFile) throws(CSVError) -> CSVReader)?
  ) throws(IngestError) -> IngestResult {
    let files = settings.files
    if files.isEmpty {
      var empty = SignupValidator(settings: settings)
      return try empty.finish()
    }
    let queue = ExportQueue(count: files.count)
    @Sendable func readClaimed() {
      while let index = queue.claim() {
        queue.store(
          index,
          Result { () throws(IngestError) in
            var validator = SignupValidator(settings: settings, firstFile: index)
            try read(files[index], into: &validator, settings: settings, open: open)
            return validator
          })
      }
    }
    for _ in 1..<max(1, min(concurrency, files.count)) { Thread(block: readClaimed).start() }
    readClaimed()
    // In file order, so the first file's error is the one thrown.
    var later: [SignupValidator] = []
    for result in queue.waitForAll() { later.append(try result.get()) }
    // The first file's validator is the join (its sign-ups are not copied),
    // with room made once for the later files' sign-ups.
    var validator = later.removeFirst()
    validator.reserve(moreSignups: later.reduce(0) { $0 + $1.acceptedCount })
    // Taken out of the array, so that each is the only holder of its sign-ups and they move.
    while !later.isEmpty { validator.append(later.removeFirst()) }
    return try validator.finish()
  }

  private static func read(
    _ file: InputFile, into validator: inout SignupValidator, settings: InputSettings,
    open: ((InputFile) throws(CSVError) -> CSVReader)?
  ) throws(IngestError) {
    var endsWithLineBreak = true
    do {
      let reader = try open?(file) ?? CSVReader(path: file.path, options: settings.csv)
      validator.begin(file: file, byteCount: reader.byteCount)
      try reader.forEachRowView { row in try validator.consume(row) }
      endsWithLineBreak = reader.endsWithLineBreak
    } catch let error as IngestError {
      throw error
    } catch let error as CSVError {
      throw .csv(error)
    } catch {
      throw .csv(CSVError(file: file.name, kind: .readFailed(reason: "\(error)")))
    }
    try validator.end(endsWithLineBreak: endsWithLineBreak)
  }
}
