import CFileSync
import GRDB

/// Binds a multi-row INSERT's values straight through SQLite's C API
/// (<https://sqlite.org/c3ref/bind_blob.html>) and runs it: GRDB's own
/// argument path (an array of existentials mapped through a key path, then
/// checked and bound) cost more CPU than SQLite's inserts themselves.
/// The statement is still prepared, cached and finalised by GRDB, and runs
/// inside GRDB's transaction.
struct StatementRows {
  /// One value: text, a whole number or SQL NULL.
  enum Value {
    case text(String)
    case integer(Int)
    case null
  }

  /// The values, in placeholder order.
  var values: [Value] = []

  mutating func append(_ text: String) { values.append(.text(text)) }
  mutating func append(_ text: String?) { values.append(text.map(Value.text) ?? .null) }
  mutating func append(_ number: Int) { values.append(.integer(number)) }

  /// Binds the values to the statement's placeholders 1, 2, … and runs it
  /// once. Throws GRDB's `DatabaseError` with SQLite's message on failure,
  /// as `Statement.execute()` would.
  func run(_ statement: Statement, _ db: Database) throws {
    let handle = statement.sqliteStatement
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .text(let text): code = mentormatch_sqlite_bind_text(handle, index, text, Int32(text.utf8.count))
      case .integer(let number): code = mentormatch_sqlite_bind_int64(handle, index, Int64(number))
      case .null: code = mentormatch_sqlite_bind_null(handle, index)
      }
      guard code == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index)") }
    }
    let code = mentormatch_sqlite_run(handle)
    guard code == 101 else {  // SQLITE_DONE
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
  }
}

extension Database {
  /// Writes this connection's dirty pages to the write-ahead log inside the
  /// open transaction (``mentormatch_sqlite_cache_flush``): SQLite's own
  /// cache spill, done on purpose. Frames no commit marks are ignored by
  /// recovery, so durability is unchanged; the commit then writes only what
  /// changed since. Throws GRDB's `DatabaseError` on failure.
  func writeDirtyPages() throws {
    guard let connection = sqliteConnection else { return }
    let code = mentormatch_sqlite_cache_flush(connection)
    guard code == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: lastErrorMessage) }
  }
}
