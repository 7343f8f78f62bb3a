import CFileSync

/// How the C library's allocator grows its heaps, set once when a run starts.
///
/// glibc extends a thread's heap by what each allocation needs, and trims
/// it back when a free leaves more than the trim threshold at its top
/// (mallopt(3)). A run at 1,000 people per side made about 800 `mprotect`
/// calls that way, one kernel round trip per step, and touched some pages
/// again after each trim. With `M_TOP_PAD` at 16 MiB each step asks for
/// 16 MiB more than it needs and a trim keeps 16 MiB: 18 `mprotect` calls,
/// and the LGBT+ comparison run about 7 % faster (docs/performance.md).
/// The pad is address space, not memory, until a page is first written.
///
/// An earlier trial that also forced one arena for every thread and
/// transparent huge pages was left out: no gain, and untested risks at
/// 500,000 people.
public enum ProcessHeap {
  /// Each heap step's extra, in MiB.
  public static let topPadMiB: UInt32 = 16

  /// Sets the pad; returns false when the C library refused (the run then
  /// goes on with glibc's defaults). Call before the run's threads start.
  @discardableResult
  public static func growInLargeSteps() -> Bool {
    mentormatch_heap_top_pad(topPadMiB) == 0
  }
}
