#ifndef MENTORMATCH_CFILESYNC_H
#define MENTORMATCH_CFILESYNC_H

/// Flushes the file system that holds the open file `fd` to disk and returns
/// 0, or -1 with errno set: syncfs(2) on Linux, where Swift's Glibc module
/// does not export it (it is a GNU extension); sync(2) elsewhere.
int mentormatch_syncfs(int fd);

/// Sets glibc's M_TOP_PAD (mallopt(3)): how much more than asked each heap
/// grows by, and how much a trim leaves at its top. Returns 0, or -1 when the
/// C library refused; does nothing (0) on other C libraries.
int mentormatch_heap_top_pad(unsigned int megabytes);

/// SQLite's prepared statement (<https://sqlite.org/c3ref/stmt.html>), as
/// GRDB prepares it; only its pointer passes through here.
struct sqlite3_stmt;

/// Binds `length` bytes of UTF-8 at `text` to parameter `index` (from 1),
/// copied by SQLite (SQLITE_TRANSIENT). Returns SQLite's result code.
int mentormatch_sqlite_bind_text(struct sqlite3_stmt *statement, int index, const char *text, int length);

/// Binds a whole number to parameter `index`. Returns SQLite's result code.
int mentormatch_sqlite_bind_int64(struct sqlite3_stmt *statement, int index, long long value);

/// Binds NULL to parameter `index`. Returns SQLite's result code.
int mentormatch_sqlite_bind_null(struct sqlite3_stmt *statement, int index);

/// Steps a statement that returns no rows to its end and resets it:
/// SQLITE_DONE (101) when it ran, otherwise SQLite's error code.
int mentormatch_sqlite_run(struct sqlite3_stmt *statement);

/// SQLite's connection (<https://sqlite.org/c3ref/sqlite3.html>), as GRDB
/// opens it; only its pointer passes through here.
struct sqlite3;

/// Writes the connection's dirty pages (in WAL mode, as frames of the log
/// that no commit marks yet) without ending the open transaction:
/// sqlite3_db_cacheflush (<https://sqlite.org/c3ref/db_cacheflush.html>).
/// Returns SQLite's result code.
int mentormatch_sqlite_cache_flush(struct sqlite3 *connection);

#endif
