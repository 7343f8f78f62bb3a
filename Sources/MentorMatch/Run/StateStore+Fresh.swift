#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB

extension StateStore {
  /// Creates a new state database at `path`, already migrated and in WAL
  /// mode, with one fsync of the file.
  ///
  /// Opened in place, a new file costs a rollback-journal transaction only
  /// to switch it to WAL (four syncs: journal, folder, journal, database),
  /// then a synced commit for the migrations. Here the file is built beside
  /// its final name, `.<name>.new-<pid>`, with `synchronous = OFF` and an
  /// in-memory journal (nothing can see it, and a crash leaves only that
  /// name behind), fsynced once, and given its final name by link(2), which
  /// fails rather than replace a database another process made meanwhile.
  /// The folder is fsynced after the link, so the database is there after
  /// a power loss whenever anything was committed to it.
  ///
  /// - Returns: false when the file system cannot link (the caller then
  ///   creates the database in place, the slow way); true when `path` exists
  ///   afterwards, made here or by another process.
  static func createMigrated(at path: String) throws(StateError) -> Bool {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".\(name).new-\(getpid())")
    _ = unlink(temporary)
    defer { _ = unlink(temporary) }
    // Created 0600 before SQLite opens it: SQLite keeps the mode, and gives
    // the -wal and -shm files the database's mode.
    let fd = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw StateError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    guard fchmod(fd, 0o600) == 0 else { throw StateError.io(path: path, reason: String(cString: strerror(errno))) }
    do {
      var configuration = configuration(synchronous: "OFF")
      configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = MEMORY") }
      let queue = try DatabaseQueue(path: temporary, configuration: configuration)
      try StateSchema.migrator.migrate(queue)
      // Sets the WAL flag in the file's header, so opening it does not write.
      let mode = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
      guard mode == "wal" else { throw StateError.database(path: path, message: "cannot switch to WAL mode") }
      try queue.close()
    } catch let error as StateError {
      throw error
    } catch {
      throw StateError.wrapping(error, path: path)
    }
    guard fsync(fd) == 0 else { throw StateError.io(path: path, reason: "fsync failed: \(String(cString: strerror(errno)))") }
    guard link(temporary, path) == 0 else {
      switch errno {
      case EEXIST: return true
      case EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK: return false
      default: throw StateError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
      }
    }
    try DurableFile.syncFolder(folder.isEmpty ? "." : folder)
    return true
  }
}
