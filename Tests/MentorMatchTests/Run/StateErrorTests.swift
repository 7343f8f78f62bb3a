import Foundation
import GRDB
import Testing
@testable import MentorMatch

/// How SQLite failures read in the run's one line.
@Suite struct StateErrorWordingTests {
  /// A full disk at commit came out as `SQLite error 13: not an error`:
  /// SQLite's message had been cleared before it was read.
  @Test func aFullDiskSaysTheDiskIsFull() {
    let full = StateError.wrapping(
      DatabaseError(resultCode: .SQLITE_FULL, message: "not an error"), path: "state/mentormatch.sqlite")
    #expect(full.description
      == "state/mentormatch.sqlite: database error: the disk is full (SQLITE_FULL); free space and run again")
    #expect(full.exitStatus == .ioError)
    let cleared = StateError.wrapping(DatabaseError(resultCode: .SQLITE_IOERR, message: "not an error"), path: "db")
    #expect(cleared.description == "db: database error: SQLite error 10 (disk I/O error)")
  }

  /// A -shm file left read-only (by another user, or after the database's
  /// own mode was fixed) failed every later run with GRDB's statement text.
  @Test func aReadOnlyDatabaseSaysWhichFilesNeedWriting() {
    let error = StateError.wrapping(
      DatabaseError(
        resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database", sql: "BEGIN IMMEDIATE TRANSACTION"),
      path: "state/mentormatch.sqlite")
    #expect(error.description
      == "state/mentormatch.sqlite: database error: cannot write it (SQLITE_READONLY): the user running mentormatch needs "
        + "write permission on it and on its -wal and -shm files, which another user (a command run with sudo?) may own")
    #expect(error.exitStatus == .ioError)
  }
}
