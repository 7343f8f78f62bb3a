#ifndef MENTORMATCH_CFILESYNC_H
#define MENTORMATCH_CFILESYNC_H

/// Flushes the file system that holds the open file `fd` to disk and returns
/// 0, or -1 with errno set: syncfs(2) on Linux, where Swift's Glibc module
/// does not export it (it is a GNU extension); sync(2) elsewhere.
int mentormatch_syncfs(int fd);

#endif
