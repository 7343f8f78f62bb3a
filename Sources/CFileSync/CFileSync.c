// syncfs(2) is declared only with _GNU_SOURCE, which this file defines for
// itself rather than for every C module Swift imports.
#define _GNU_SOURCE
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#ifdef __linux__
#include <malloc.h>
#include <sys/mman.h>
#endif

#include <sqlite3.h>

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

int mentormatch_prepare_heap(unsigned int megabytes) {
#ifdef __linux__
  const size_t huge = (size_t)2 << 20;
  const size_t pad = (size_t)megabytes << 20;
  // Grow the heap in large steps, keep what is freed for reuse, serve
  // blocks below the pad from the heap rather than from fresh mappings, and
  // let every thread allocate there (one arena), so all of it is covered.
  if (!mallopt(M_TOP_PAD, (int)pad) || !mallopt(M_TRIM_THRESHOLD, (int)(2 * pad)) ||
      !mallopt(M_MMAP_THRESHOLD, (int)(pad / 2)) || !mallopt(M_ARENA_MAX, 1)) {
    return -1;
  }
  // One allocation past the heap's top makes malloc extend it by the pad
  // now; the pad then lies between the allocation and the new break.
  char *probe = malloc(pad / 4);
  if (probe == NULL) return -1;
  char *end = sbrk(0);
  free(probe);
  uintptr_t first = ((uintptr_t)probe + huge - 1) & ~(uintptr_t)(huge - 1);
  if ((uintptr_t)end <= first + huge) return -1;
  return madvise((void *)first, (uintptr_t)end - first, MADV_HUGEPAGE);
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
