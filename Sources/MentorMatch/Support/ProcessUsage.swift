#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's peak resident memory and CPU time so far, for stage log
/// lines. Never part of an output.
public enum ProcessUsage {
  #if canImport(Glibc)
  // Glibc imports RUSAGE_SELF as an enum case; getrusage takes its raw value.
  private static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
  #else
  private static let RUSAGE_SELF_WHO = RUSAGE_SELF
  #endif

  /// Peak resident set size in MiB (`getrusage(2)`'s `ru_maxrss`: KiB on
  /// Linux, bytes on macOS); 0 when the call fails.
  public static var peakMiB: Int {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return 0 }
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / (1024 * 1024)
    #else
    return Int(usage.ru_maxrss) / 1024
    #endif
  }

  /// CPU seconds the process has used so far, user plus system, across all
  /// its threads (`getrusage(2)`); 0 when the call fails. On a loaded machine
  /// this says far more about a stage's own cost than its wall time.
  public static var cpuSeconds: Double {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return 0 }
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// CPU seconds the calling thread has used so far
  /// (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`); 0 when the call fails. For
  /// a stage that runs beside another, where the process's total mixes both.
  public static var threadCPUSeconds: Double {
    var time = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
  }
}
