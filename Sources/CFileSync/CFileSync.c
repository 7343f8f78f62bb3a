// syncfs(2) is declared only with _GNU_SOURCE, which this file defines for
// itself rather than for every C module Swift imports.
#define _GNU_SOURCE
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>

#include <sqlite3.h>
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

#include "CFileSync.h"

int mentormatch_syncfs(int fd) {
#ifdef __linux__
  return syncfs(fd);
#else
  (void)fd;
  sync();
  return 0;
#endif
}

int mentormatch_heap_top_pad(unsigned int megabytes) {
#if defined(__linux__) && defined(__GLIBC__)
  return mallopt(M_TOP_PAD, (int)(megabytes << 20)) == 1 ? 0 : -1;
#else
  (void)megabytes;
  return 0;
#endif
}

int mentormatch_sqlite_bind_text(struct sqlite3_stmt *statement, int index, const char *text, int length) {
  return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

int mentormatch_sqlite_bind_int64(struct sqlite3_stmt *statement, int index, long long value) {
  return sqlite3_bind_int64(statement, index, value);
}

int mentormatch_sqlite_bind_null(struct sqlite3_stmt *statement, int index) {
  return sqlite3_bind_null(statement, index);
}

int mentormatch_sqlite_run(struct sqlite3_stmt *statement) {
  int code = sqlite3_step(statement);
  while (code == SQLITE_ROW) code = sqlite3_step(statement);
  // sqlite3_reset repeats the step's error code; the step's is the one to report.
  sqlite3_reset(statement);
  return code;
}

int mentormatch_sqlite_cache_flush(struct sqlite3 *connection) {
  return sqlite3_db_cacheflush(connection);
}
