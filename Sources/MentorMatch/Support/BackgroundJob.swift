import Dispatch
import Foundation

/// Work started on another thread now and collected later, so two stages
/// that read different files can run side by side. The semaphore orders the
/// worker's write of the value before the reader's `wait()`.
///
/// The work, and whatever it captured, is let go before the value is handed
/// over: once `wait()` returns, the caller holds the only references left to
/// values it shared with the work, and can change them in place without a copy.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var value: Value?
  /// Read and cleared once, by the worker.
  private var work: (@Sendable () -> Value)?

  /// Starts `work` at once: on a global queue, or on a thread of its own
  /// when `ownThread` is set, for work that waits a long time on something
  /// and must not hold one of the threads that the cores' parallel work uses.
  init(ownThread: Bool = false, _ work: @escaping @Sendable () -> Value) {
    self.work = work
    let run: @Sendable () -> Void = {
      do {
        guard let work = self.work.take() else { preconditionFailure("a background job ran twice") }
        self.value = work()
      }
      self.done.signal()
    }
    if ownThread {
      Thread(block: run).start()
    } else {
      DispatchQueue.global().async(execute: run)
    }
  }

  /// Waits until the work has finished and returns its value. Call once.
  func wait() -> Value {
    done.wait()
    guard let value else { preconditionFailure("a background job signalled without a value") }
    return value
  }
}
