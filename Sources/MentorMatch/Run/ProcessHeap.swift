import CFileSync

/// The process's memory set-up for a run, done once at start-up.
///
/// A run at 1,000 people per side took about 7,000 page faults, one per
/// 4 KiB page its heap first touched: a sixth of its CPU time went to the
/// kernel, most of it there. Growing glibc's heap in one 64 MiB step backed
/// by transparent huge pages (<https://docs.kernel.org/admin-guide/mm/transhuge.html>,
/// when the system allows them on request, `madvise` mode) takes that to
/// about 1,400. Freed memory is kept for reuse rather than returned, which
/// suits a batch job that exits when done.
public enum ProcessHeap {
  /// How much heap to set up at once, in MiB.
  public static let megabytes: UInt32 = 64

  /// Sets the heap up; returns false when the C library or the kernel
  /// refused (the run then goes on as before).
  @discardableResult
  public static func prepareForRun() -> Bool {
    mentormatch_prepare_heap(megabytes) == 0
  }
}
