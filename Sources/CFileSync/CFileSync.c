// syncfs(2) is declared only with _GNU_SOURCE, which this file defines for
// itself rather than for every C module Swift imports.
#define _GNU_SOURCE
#include <unistd.h>

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
