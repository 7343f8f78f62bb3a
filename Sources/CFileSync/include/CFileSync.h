#ifndef MENTORMATCH_CFILESYNC_H
#define MENTORMATCH_CFILESYNC_H

/// Flushes the file system that holds the open file `fd` to disk and returns
/// 0, or -1 with errno set: syncfs(2) on Linux, where Swift's Glibc module
/// does not export it (it is a GNU extension); sync(2) elsewhere.
int mentormatch_syncfs(int fd);

/// On Linux with glibc: grows malloc's heap by `megabytes` at once
/// (mallopt M_TOP_PAD, with M_TRIM_THRESHOLD and M_MMAP_THRESHOLD to match)
/// and asks for transparent huge pages over it (madvise MADV_HUGEPAGE), so a
/// short process takes one page fault per 2 MiB instead of one per 4 KiB.
/// Returns 0, or -1 when malloc or madvise refused (nothing is undone; the
/// process works as before). Does nothing elsewhere.
int mentormatch_prepare_heap(unsigned int megabytes);

#endif
