#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scheduling priority of the calling thread.
enum ThreadPriority {
  /// Raises the calling thread's nice value by `steps` (a lower priority), so
  /// that it runs on what other threads leave: with nice 10 against 0, Linux
  /// gives it about a tenth of a core they both want. On Linux the nice value
  /// belongs to each thread (setpriority(2), "BUGS"), so the process's other
  /// threads keep theirs; elsewhere this does nothing. Never fails: a thread
  /// whose priority cannot change keeps running as it was.
  static func lowerCurrentThread(by steps: Int32) {
    #if os(Linux)
    errno = 0
    let now = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    guard errno == 0 else { return }
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, min(19, now + steps))
    #endif
  }

  /// The calling thread's nice value (Linux), or nil where it is not the thread's own.
  static var currentNice: Int32? {
    #if os(Linux)
    errno = 0
    let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    return errno == 0 ? value : nil
    #else
    return nil
    #endif
  }
}
