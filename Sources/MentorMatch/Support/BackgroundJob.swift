import Dispatch

/// Work started on another thread now and collected later, so two stages
/// that read different files can run side by side. The semaphore orders the
/// worker's write of the value before the reader's `wait()`.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var value: Value?

  /// Starts `work` on a global queue at once.
  init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async {
      self.value = work()
      self.done.signal()
    }
  }

  /// Waits until the work has finished and returns its value. Call once.
  func wait() -> Value {
    done.wait()
    guard let value else { preconditionFailure("a background job signalled without a value") }
    return value
  }
}
