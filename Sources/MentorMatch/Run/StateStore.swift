import Foundation
import GRDB

/// The SQLite state of matches across nightly runs, through GRDB
/// (<https://github.com/groue/GRDB.swift>).
///
/// On a file the database runs in WAL mode (<https://sqlite.org/wal.html>) with
/// `PRAGMA synchronous = FULL`, so a committed transaction survives power loss;
/// foreign keys are on; every write is one transaction. The schema is in
/// ``StateSchema`` as named migrations, applied on open.
///
/// Callers that write (the nightly run, `pairs end`, `forget`) hold ``RunLock`` first.
///
/// Another process holding the database (a backup, an `sqlite3` shell) is met
/// with SQLite's busy timeout (<https://sqlite.org/c3ref/busy_timeout.html>):
/// each statement waits up to ``busyTimeout`` for the lock, then the store
/// throws ``StateError/databaseBusy(path:)`` (exit 75). Opening the store takes
/// the write lock once, so a held database fails the run within one timeout,
/// before anything is written, rather than at commit.
public final class StateStore: Sendable {
  /// How long one statement waits for a lock another process holds.
  public static let busyTimeout: TimeInterval = 10

  /// The database path, or `:memory:`, for messages.
  public let path: String
  let writer: any DatabaseWriter
  let emailSalt: String
  /// The test hook; ``commit(run:people:newPairs:notifications:)`` calls step
  /// `state-commit-in-transaction` after its inserts, before the commit.
  let crash: CrashPoint

  /// Opens (creating if needed, mode 0600 in a 0700 folder) the state database
  /// at `path` and applies pending migrations. `crash` is the injected test hook.
  public convenience init(path: String, crash: CrashPoint = .none) throws(StateError) {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
      try DurableFile.makeFolders(folder)
    }
    var status = stat()
    let exists = stat(path, &status) == 0
    // SQLite would say only "unable to open database file".
    if exists, status.st_mode & S_IFMT != S_IFREG {
      throw StateError.cannotCreate(
        path: path,
        reason: status.st_mode & S_IFMT == S_IFDIR
          ? "a folder of that name is in the way (the state database is a file)"
          : "not a regular file (a FIFO, a device or a socket?): the state database is a file")
    }
    if !exists || status.st_size == 0 {
      // A new database is built aside and linked into place (one fsync
      // instead of six); an empty file, or a file system without links,
      // takes the old way below.
      let created = exists ? false : try Self.createMigrated(at: path)
      if !created {
        // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the same mode.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        let modeSet = fchmod(fd, 0o600) == 0
        close(fd)
        guard modeSet else { throw StateError.io(path: path, reason: String(cString: strerror(errno))) }
      }
    }
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: Self.configuration())
    } catch {
      throw StateError.wrapping(error, path: path)
    }
    try self.init(writer: pool, path: path, crash: crash)
  }

  /// An in-memory database, for tests.
  public static func inMemory() throws(StateError) -> StateStore {
    do {
      return try StateStore(writer: DatabaseQueue(configuration: configuration()), path: ":memory:")
    } catch let error as StateError {
      throw error
    } catch {
      throw StateError.wrapping(error, path: ":memory:")
    }
  }

  init(writer: any DatabaseWriter, path: String, crash: CrashPoint = .none) throws(StateError) {
    self.writer = writer
    self.path = path
    self.crash = crash
    do {
      // An older binary must not write into a schema it does not know:
      // it would drop what the newer one records.
      let migrator = StateSchema.migrator
      let unknown = try writer.read { db in
        try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
      }
      if !unknown.isEmpty { throw StateError.newerSchema(path: path, unknownMigrations: unknown) }
      try migrator.migrate(writer)
      try writer.writeWithoutTransaction { db in
        // GRDB's DatabasePool sets the writer to `synchronous = NORMAL` when
        // it switches on WAL, after `prepareDatabase` ran; NORMAL would not
        // sync the WAL at commit, so FULL is set again here, where it lasts.
        try db.execute(sql: "PRAGMA synchronous = FULL")
        // The commit's multi-row INSERTs each keep a statement journal of
        // the pages they change that earlier ones changed already; past
        // 64 KiB SQLite spills it to a temporary file (3,000 writes a
        // night at 1,000 per side). In memory it is a copy per page.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        // Reads never wait in WAL mode and migrations write only when some are
        // pending, so without this the first wait would come at commit, after
        // the run folder is written.
        try db.inTransaction(.immediate) { .rollback }
      }
      emailSalt = try writer.read { db in
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'email_salt'") ?? ""
      }
    } catch let error as StateError {
      throw error
    } catch {
      throw StateError.wrapping(error, path: path)
    }
  }

  /// The connections' settings; `synchronous` is FULL but while a new
  /// database is built aside (``createMigrated(at:)``).
  static func configuration(synchronous: String = "FULL") -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
      // A nightly commit touches every person's row; SQLite's default 2 MiB
      // page cache spills to the WAL mid-transaction at civil-service scale.
      try db.execute(sql: "PRAGMA cache_size = -65536")
    }
    return configuration
  }

  /// The names of the migrations applied, in order.
  public func appliedMigrations() throws(StateError) -> [String] {
    try read { db in try StateSchema.migrator.appliedMigrations(db) }
  }

  /// The salted SHA-256 (hex) of an email, trimmed and lowercased: what
  /// `person.email_sha256` holds and what `forget --email` looks up.
  public func emailDigest(_ email: String) -> String {
    // ASCII (nearly every address) is trimmed and lowercased byte by byte:
    // the same bytes as the Unicode path below, without its per-scalar
    // property lookups (a run hashes every sign-up's address).
    let bytes = Array(email.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) {
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
      var low = 0
      var high = bytes.count
      while low < high, isSpace(bytes[low]) { low += 1 }
      while high > low, isSpace(bytes[high - 1]) { high -= 1 }
      var message = Array("\(emailSalt):".utf8)
      message.reserveCapacity(message.count + high - low)
      for byte in bytes[low..<high] { message.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
      return SHA256Hex.of(message)
    }
    var scalars = Substring(email).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    let normal = String(scalars).lowercased()
    return SHA256Hex.of(Array("\(emailSalt):\(normal)".utf8))
  }

  /// Runs `body` in one write transaction, mapping errors to ``StateError``.
  func write<T>(_ body: (Database) throws -> T) throws(StateError) -> T {
    do {
      return try writer.write(body)
    } catch let error as StateError {
      throw error
    } catch {
      throw StateError.wrapping(error, path: path)
    }
  }

  /// Runs `body` in a read transaction, mapping errors to ``StateError``.
  func read<T>(_ body: (Database) throws -> T) throws(StateError) -> T {
    do {
      return try writer.read(body)
    } catch let error as StateError {
      throw error
    } catch {
      throw StateError.wrapping(error, path: path)
    }
  }

  /// `PRAGMA integrity_check` (<https://sqlite.org/pragma.html#pragma_integrity_check>):
  /// `["ok"]` when the database is sound, otherwise SQLite's list of problems.
  public func integrityCheck() throws(StateError) -> [String] {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// Whether a run id is committed.
  public func hasCommittedRun(id: String) throws(StateError) -> Bool {
    try read { db in try RunRecord.exists(db, key: id) }
  }

  /// All committed runs in commit order.
  public func runs() throws(StateError) -> [RunRecord] {
    try read { db in try RunRecord.order(Column("sequence")).fetchAll(db) }
  }

  /// The state a run starts from: every pair, every person, the last run.
  ///
  /// - Parameter includingPeople: `false` leaves ``PriorState/people``
  ///   empty. The nightly run matches from the pairs alone, and on a later
  ///   night of 500,000 people decoding every person's row took about 0.4 s
  ///   of CPU beside the ingest.
  public func loadPriorState(includingPeople: Bool = true) throws(StateError) -> PriorState {
    try read { db in
      let pairs = try PairRecord.fetchAll(
        db, sql: "SELECT * FROM pair ORDER BY cohort, mentee_id, mentor_id, run_id, id")
      let people = includingPeople ? try PersonRecord.order(Column("id")).fetchAll(db) : []
      let lastRun = try RunRecord.order(Column("sequence").desc).fetchOne(db)
      return PriorState(pairs: pairs, people: people, lastRun: lastRun)
    }
  }
}
