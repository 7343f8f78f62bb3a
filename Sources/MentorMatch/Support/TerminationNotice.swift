#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Says in the log that the process was stopped by SIGTERM or SIGINT, then
/// lets the signal end it as it would have (the exit status is still the
/// signal's, 143 or 130 to a shell).
///
/// A run stopped by a signal is finished by the next run like any crash,
/// but without this a cron log just ends mid-stage, and nothing in it says
/// the run did not complete. The signals are taken by dispatch sources
/// (<https://developer.apple.com/documentation/dispatch/dispatchsource>),
/// not a C handler, so the line is written from an ordinary thread.
///
/// A signal the parent set to be ignored stays ignored, as POSIX has it
/// across `exec`: a shell starts a background job (`mentormatch run &`)
/// with SIGINT ignored, so that an interrupt at the terminal does not stop
/// it. On Linux the ignored set is read from `/proc/self/status` (`SigIgn`).
public final class TerminationNotice {
  private let sources: [any DispatchSourceSignal]

  /// Starts listening; keep the value alive for as long as the notice should be given.
  ///
  /// - Parameter say: writes one line, given the signal's name (`SIGTERM`).
  public init(_ say: @escaping @Sendable (String) -> Void) {
    // A parent may hand the signals down blocked (a blocked mask survives
    // exec; test runners' threads block SIGTERM), and the process would then
    // not stop at all. Unblocked on this thread before any other starts, so
    // every thread of the run inherits the mask.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGTERM)
    sigaddset(&signals, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    var sources: [any DispatchSourceSignal] = []
    let ignored = Self.ignoredSignals()
    for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] where !ignored.contains(number) {
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        say(name)
        signal(number, SIG_DFL)
        kill(getpid(), number)
      }
      source.resume()
      #if canImport(Darwin)
      // kqueue sees a signal whatever its disposition, so the default action
      // is turned off, and only once the source listens: a signal before
      // this ends the process as before.
      signal(number, SIG_IGN)
      #else
      // Not SIG_IGN here: Linux discards an ignored signal before any
      // signalfd sees it. libdispatch registers the source on its own thread
      // after resume() returns and installs a handler of its own then, which
      // passes the signal to its signalfd; SIG_IGN set after that handler
      // left every SIGTERM ignored (one run in eight pinned to one core ran
      // on to the end). Until the handler is in, a signal ends the process
      // as before.
      #endif
      sources.append(source)
    }
    self.sources = sources
  }

  /// The signals this process ignores (see ``signals(_:status:)``).
  static func ignoredSignals() -> Set<Int32> { signals("SigIgn") }

  /// The signals in one mask of `/proc/self/status` (`SigIgn`, `SigCgt`, …:
  /// hexadecimal, bit n − 1 for signal n); empty where there is no such
  /// file or field (then every signal is taken, as before).
  static func signals(_ field: String, status: String? = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))
    -> Set<Int32>
  {
    guard let status,
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
      let mask = UInt64(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
    else { return [] }
    return Set((1...64).filter { mask & (1 << UInt64($0 - 1)) != 0 }.map { Int32($0) })
  }

  /// The line a run writes: why the log stops here, and that nothing is lost.
  public static func runStopped(by signal: String) -> String {
    "stopped by \(signal) before the run ended: the next run finishes its work (no pair or email is lost or made twice)"
  }

  deinit {
    for source in sources { source.cancel() }
  }
}
