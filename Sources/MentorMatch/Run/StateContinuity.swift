import Foundation

/// Checks that the state database is the one the run folders were made with,
/// before a run trusts it.
///
/// The database is the only record of who is paired and who was emailed. A
/// run against a database that has lost runs (deleted, emptied, or restored
/// from an older copy, such as `mentormatch.sqlite` copied without its
/// `-wal` file) pairs those people again and sends their emails a second
/// time. The run folders outlive such a loss, so they tell:
///
/// - a run folder (a folder under the runs folder holding `manifest.json`)
///   while the database file is missing or empty: a state existed;
/// - a run folder marked committed (``committedMarker``), or with an
///   `outbox/`, whose run the database does not know: a run marks its
///   folder and publishes its outbox only after its commit, so that run was
///   committed, into a database other than this one.
///
/// A run folder with neither may be a run stopped before its commit, which
/// the database rightly does not know; it proves nothing. Folders the
/// database knows are marked by the next run if they lack the mark
/// (``markKnown(knownRunIDs:runsDirectory:)``).
public enum StateContinuity {
  /// Before the database is opened (which creates it when missing or
  /// empty): throws ``StateError/stateMissing(path:runsDirectory:lastRunFolder:)``
  /// when the file is missing or empty and the runs folder holds run folders.
  public static func checkNotLost(databasePath: String, runsDirectory: String) throws(StateError) {
    var status = stat()
    if stat(databasePath, &status) == 0, status.st_size > 0 { return }
    guard let last = runFolders(in: runsDirectory).last else { return }
    throw .stateMissing(path: databasePath, runsDirectory: runsDirectory, lastRunFolder: last)
  }

  /// The empty file a run leaves in its folder once its commit is durable,
  /// with or without `[email]`.
  public static let committedMarker = ".committed"

  /// Marks a run folder committed (``committedMarker``), durably. Called
  /// right after the run's commit; a crash before it leaves a folder the
  /// database knows, which needs no mark.
  public static func markCommitted(runFolder: String) throws(StateError) {
    let path = (runFolder as NSString).appendingPathComponent(committedMarker)
    guard !FileManager.default.fileExists(atPath: path) else { return }
    try DurableFile.create(path, bytes: [])
    try DurableFile.syncFolder(runFolder)
  }

  /// Marks every run folder whose run the database knows and that lacks
  /// the mark: a run stopped between its commit and its mark (whose re-run
  /// then finds the night done and writes nothing), or one written before
  /// the mark existed. Called once the database is open, before a run.
  public static func markKnown(knownRunIDs: Set<String>, runsDirectory: String) throws(StateError) {
    for name in runFolders(in: runsDirectory) where knownRunIDs.contains(name) {
      try markCommitted(runFolder: (runsDirectory as NSString).appendingPathComponent(name))
    }
  }

  /// Once the database is open: throws ``StateError/stateBehind(path:runFolder:unknownCount:)``
  /// when a run folder marked committed, or with an outbox, belongs to a run `knownRunIDs` lacks.
  public static func checkNotBehind(knownRunIDs: Set<String>, databasePath: String, runsDirectory: String) throws(StateError) {
    let unknown = runFolders(in: runsDirectory).filter { name in
      guard !knownRunIDs.contains(name) else { return false }
      let folder = (runsDirectory as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(committedMarker))
        || FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("outbox"))
    }
    guard let last = unknown.last else { return }
    throw .stateBehind(
      path: databasePath, runFolder: (runsDirectory as NSString).appendingPathComponent(last), unknownCount: unknown.count)
  }

  /// The names of the run folders directly under `runsDirectory`, sorted
  /// (run ids begin with their as-of, so the last is the latest): folders
  /// holding `manifest.json`, not hidden. Dry runs live in `dry-runs/`,
  /// which holds no manifest of its own.
  static func runFolders(in runsDirectory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? []
    return names.filter { name in
      !name.hasPrefix(".")
        && FileManager.default.fileExists(
          atPath: (runsDirectory as NSString).appendingPathComponent(name + "/" + RunManifest.fileName))
    }.sorted()
  }
}

extension StateStore {
  /// Opens the state database of `settings`, as ``init(path:crash:)`` does,
  /// after ``StateContinuity/checkNotLost(databasePath:runsDirectory:)``:
  /// a missing or empty database is created only when no run folder shows
  /// that a state existed.
  public convenience init(settings: StateSettings, crash: CrashPoint = .none) throws(StateError) {
    try StateContinuity.checkNotLost(databasePath: settings.databasePath, runsDirectory: settings.runsDirectory)
    try self.init(path: settings.databasePath, crash: crash)
  }
}
