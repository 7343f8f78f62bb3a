import Foundation

/// Values `0..<count` made one after another on a thread of their own, ahead
/// of a caller that takes them in the same order: the caller's work on value
/// `i` runs beside the making of `i + 1`, `i + 2`, …, as far ahead as the
/// maker gets. ``RunCore`` searches cohorts ahead of its solver this way.
///
/// Making stops at the first error, which ``take(_:)`` throws for that index
/// (the values before it are taken as usual), and at ``stop()``. The caller
/// calls ``stop()`` before it returns, also when it throws, so that no value
/// is made for nobody; the maker's own errors thus come after every error
/// the caller meets with the values before.
final class MadeAhead<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  /// Made and not yet taken, by index.
  private var made: [Int: Result<Value, any Error>] = [:]
  /// Set by ``stop()``: make nothing more.
  private var stopping = false
  /// Set by the maker's thread as it ends.
  private var ended = false

  /// Starts making `make(0)`, `make(1)`, … `make(count - 1)` on a thread of
  /// its own (the values' own work may use every core through ``ParallelWork``).
  init(count: Int, _ make: @escaping @Sendable (Int) throws -> Value) {
    Thread { [self] in
      for index in 0..<count {
        condition.lock()
        let stop = stopping
        condition.unlock()
        if stop { break }
        let value = Result { try make(index) }
        condition.lock()
        made[index] = value
        condition.broadcast()
        condition.unlock()
        if case .failure = value { break }
      }
      condition.lock()
      ended = true
      condition.broadcast()
      condition.unlock()
    }.start()
  }

  /// Value `index`, waiting until it is made; each index is taken once, in order.
  /// Throws the error that making it threw.
  func take(_ index: Int) throws -> Value {
    condition.lock()
    defer { condition.unlock() }
    while made[index] == nil {
      // Only a stopped maker or an earlier error ends without making `index`.
      guard !ended else { preconditionFailure("value \(index) is taken after making stopped") }
      condition.wait()
    }
    return try made.removeValue(forKey: index)!.get()
  }

  /// Whether ``stop()`` has been called.
  var stopRequested: Bool {
    condition.lock()
    defer { condition.unlock() }
    return stopping
  }

  /// Asks the maker to make nothing after the value it is making, and waits
  /// until its thread has ended. Values made and not taken are dropped.
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    stopping = true
    while !ended { condition.wait() }
    made = [:]
  }
}
