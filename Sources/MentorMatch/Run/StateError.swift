import GRDB
/// A problem in the run stage's infrastructure: the SQLite state, the run
/// lock, the run folder, the manifest, erasure or retention.
///
/// Messages begin with where the problem is and never hold personal data
/// beyond the stable person ids HR already uses on the command line.
public enum StateError: Error, Equatable, CustomStringConvertible, ExitCoded {
  /// SQLite failed. GRDB leaves bound values out of the text.
  case database(path: String, message: String)
  /// Another process holds the database (SQLITE_BUSY / SQLITE_LOCKED): try again later (exit 75).
  case databaseBusy(path: String)
  /// The database file is damaged or is not a SQLite database (exit 74).
  case damaged(path: String, detail: String)
  /// A newer mentormatch migrated the database to a schema this one does not know (exit 65).
  case newerSchema(path: String, unknownMigrations: [String])
  /// The database file is missing or empty, but the runs folder holds run
  /// folders: a state existed and is lost (exit 66). A fresh one would pair
  /// everyone again and send their emails twice.
  case stateMissing(path: String, runsDirectory: String, lastRunFolder: String)
  /// The database does not know a run whose folder has published its
  /// emails: it is an older copy (exit 65). `runFolder` is the latest such
  /// folder, `unknownCount` how many there are.
  case stateBehind(path: String, runFolder: String, unknownCount: Int)
  /// `commit` was called for a run id already committed with other hashes.
  case runConflict(runID: String)
  /// `endPair` found no active pair for the mentee and mentor.
  case noActivePair(mentee: String, mentor: String)
  /// Another process holds the run lock.
  case lockHeld(path: String, holderPID: String, holderStartedAt: String)
  /// A file or folder cannot be created (exit 73).
  case cannotCreate(path: String, reason: String)
  /// Reading, writing, syncing or renaming failed (exit 74).
  case io(path: String, reason: String)
  /// A run folder already exists with other content than the run would write.
  case runFolderDiffers(path: String)
  /// A manifest cannot be read or decoded.
  case badManifest(path: String, reason: String)
  /// A relative path handed to the folder writer escapes its folder or is empty.
  case badRelativePath(path: String)
  /// A retention period that is not `<days>d`.
  case badRetention(text: String)

  public var description: String {
    switch self {
    case .database(let path, let message):
      return "\(path): database error: \(message)"
    case .damaged(let path, let detail):
      return "\(path): the state database is damaged (\(detail)); restore it from a backup "
        + "(a fresh state would forget every pair made and every email owed)"
    case .newerSchema(let path, let unknown):
      return "\(path): the state was migrated by a newer mentormatch (schema \(unknown.joined(separator: ", ")), "
        + "unknown to this one); run that version or a later one, so that nothing it records is lost"
    case .stateMissing(let path, let runs, let last):
      return "\(path): the state database is missing or empty, but \(runs) holds run folders (the latest \(last)): "
        + "a fresh state would pair everyone again and send their emails twice; restore the database from a backup, "
        + "or move the run folders out of \(runs) to start afresh"
    case .stateBehind(let path, let folder, let count):
      return "\(path): the state database does not know \(count == 1 ? "a committed run" : "\(count) committed runs") "
        + "(the latest \(folder)): it is an older copy (restored from a backup, or copied without its -wal file?), "
        + "and a run now would pair those people again and send their emails twice; restore the latest database"
    case .databaseBusy(let path):
      return "\(path): database error: locked by another process; try again later"
    case .runConflict(let runID):
      return "run '\(runID)': already committed with other config or input hashes"
    case .noActivePair(let mentee, let mentor):
      return "pairs: no active pair of mentee '\(TerminalText.visible(mentee))' and mentor '\(TerminalText.visible(mentor))'"
    case .lockHeld(let path, let pid, let startedAt):
      return "\(path): another run holds the lock (pid \(pid), started \(startedAt)); try again later"
    case .cannotCreate(let path, let reason):
      return "\(path): cannot create: \(reason)"
    case .io(let path, let reason):
      return "\(path): I/O error: \(reason)"
    case .runFolderDiffers(let path):
      return "\(path): run folder already exists with different content"
    case .badManifest(let path, let reason):
      return "\(path): unreadable manifest: \(reason)"
    case .badRelativePath(let path):
      return "'\(path)': not a relative path inside the run folder"
    case .badRetention(let text):
      return "--older-than: expected a number of days such as '90d' (0 to 36500), got '\(TerminalText.visible(text))'"
    }
  }

  public var exitStatus: ExitStatus {
    switch self {
    case .database, .io, .damaged: .ioError
    case .runConflict, .badRelativePath: .software
    case .badRetention: .usage
    case .noActivePair, .newerSchema, .stateBehind: .dataError
    case .stateMissing: .noInput
    case .lockHeld, .databaseBusy: .temporaryFailure
    case .cannotCreate, .runFolderDiffers: .cannotCreate
    case .badManifest: .dataError
    }
  }
}

extension StateError {
  /// A database failure as this stage reports it: another process holding
  /// the database is a temporary failure (exit 75), anything else exit 74.
  static func wrapping(_ error: any Error, path: String) -> StateError {
    if let database = error as? DatabaseError,
      database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED
    {
      return .databaseBusy(path: path)
    }
    if let database = error as? DatabaseError,
      database.resultCode == .SQLITE_CORRUPT || database.resultCode == .SQLITE_NOTADB
    {
      return .damaged(path: path, detail: database.message ?? "\(database.resultCode)")
    }
    if let database = error as? DatabaseError, database.resultCode.primaryResultCode == .SQLITE_FULL {
      return .database(path: path, message: "the disk is full (SQLITE_FULL); free space and run again")
    }
    if let database = error as? DatabaseError, database.resultCode.primaryResultCode == .SQLITE_READONLY {
      // Typically a -wal or -shm file left by another user (a command run once with sudo),
      // or the database's own mode: SQLite gives the two files the database's.
      return .database(
        path: path,
        message: "cannot write it (SQLITE_READONLY): the user running mentormatch needs write permission on it "
          + "and on its -wal and -shm files, which another user (a command run with sudo?) may own")
    }
    if let database = error as? DatabaseError, database.message == nil || database.message == "not an error" {
      // SQLite's message was cleared before it was read (by a later call on
      // the connection): its text for the code says what failed.
      return .database(path: path, message: "SQLite error \(database.resultCode)")
    }
    return .database(path: path, message: "\(error)")
  }
}
