import Dispatch
import Foundation

/// One value handed from one thread to another that waits for it: the
/// producer calls ``put(_:)`` once, or ``abandon()`` when it has failed and
/// the value will never come; the consumer's ``take()`` waits for either.
final class Handoff<Value: Sendable>: @unchecked Sendable {
  /// What ``take()`` throws when the producer abandoned the handoff.
  struct Abandoned: Error {}

  private let lock = NSLock()
  private let ready = DispatchSemaphore(value: 0)
  private var outcome: Result<Value, Abandoned>?

  /// Hands over `value`; a second call, or a call after ``abandon()``, does nothing.
  func put(_ value: Value) { settle(.success(value)) }

  /// Tells the consumer the value will never come; does nothing once settled.
  func abandon() { settle(.failure(Abandoned())) }

  /// Waits for the value; throws ``Abandoned`` if the producer gave up.
  /// One consumer, one call.
  func take() throws(Abandoned) -> Value {
    ready.wait()
    let settled = lock.withLock { outcome }
    guard let settled else { preconditionFailure("a handoff signalled without an outcome") }
    return try settled.get()
  }

  private func settle(_ result: Result<Value, Abandoned>) {
    let first = lock.withLock { () -> Bool in
      guard outcome == nil else { return false }
      outcome = result
      return true
    }
    if first { ready.signal() }
  }
}
