#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test hook that kills the process at a named step, as if by `kill -9`,
/// so that crash recovery can be tested at every step of a run.
///
/// The edge reads `MENTORMATCH_CRASH_AT` once and hands the value in; the
/// core calls ``hit(_:)`` at each named step. With no target it does nothing.
public struct CrashPoint: Sendable, Equatable {
  /// The environment variable naming the step to die at.
  public static let environmentKey = "MENTORMATCH_CRASH_AT"
  /// The exit status used: 128 + SIGKILL, what a shell reports for `kill -9`.
  public static let exitStatus: Int32 = 137

  /// The step to die at, or nil.
  public let target: String?

  /// Creates a value from its parts.
  public init(target: String?) {
    self.target = target.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Never crashes.
  public static let none = CrashPoint(target: nil)

  /// Reads the target from an environment (the CLI passes `ProcessInfo.processInfo.environment`).
  public static func fromEnvironment(_ environment: [String: String]) -> CrashPoint {
    CrashPoint(target: environment[environmentKey])
  }

  /// Whether ``hit(_:)`` would end the process at this step.
  public func fires(at name: String) -> Bool { target == name }

  /// Ends the process at once with status 137 when `name` is the target:
  /// no cleanup, no buffered output flushed, no deinit, like a SIGKILL.
  public func hit(_ name: String) {
    guard fires(at: name) else { return }
    _exit(Self.exitStatus)
  }
}
