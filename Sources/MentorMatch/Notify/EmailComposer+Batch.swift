import Dispatch
import Foundation

/// Composing many emails at once, on several cores.
extension EmailComposer {
  /// Composes every request, in order, on up to `concurrency` threads. Each
  /// result is the email or the reason that person's email cannot be written
  /// (reject the person). The output does not depend on `concurrency`.
  public func composeAll(_ requests: [EmailRequest], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount)
    -> [Result<ComposedEmail, NotifyError>]
  {
    // Four chunks per thread: the threads that write and publish take turns
    // on the same cores, and with one chunk per core the batch waited for
    // whichever chunk lost most time to them.
    composeAll(requests, concurrency: concurrency) { $0 }
  }

  /// ``composeAll(_:concurrency:)``, each result passed through `each` on the
  /// thread that composed it.
  func composeAll<Value: Sendable>(
    _ requests: [EmailRequest], concurrency: Int, each: @Sendable (Result<ComposedEmail, NotifyError>) -> Value
  ) -> [Value] {
    ParallelWork.map(chunking: requests, minimumChunk: 256, concurrency: concurrency, chunksPerThread: 4) {
      each(composeResult($0))
    }
  }

  private func composeResult(_ request: EmailRequest) -> Result<ComposedEmail, NotifyError> {
    do { return .success(try compose(request)) } catch { return .failure(error) }
  }
}

/// Composing in batches while the caller writes: batches k + 1 and k + 2
/// are composed on the other cores while the caller's `body` handles batch
/// k (writing files is one thread in the kernel), so composing and writing
/// overlap, and a batch that takes longer to compose (the writer's kernel
/// work took its core for a while) is made up by the one after.
extension EmailComposer {
  /// Composes requests `0..<count`, made a batch at a time by `requests`,
  /// and hands each batch's results to `body` in order, on the caller's
  /// thread. The results do not depend on `size`, `ahead` or the overlap;
  /// if `body` throws, the batches being composed are finished and dropped.
  public func composeBatches<Failure: Error>(
    count: Int, size: Int = 4_096, ahead: Int = 2, requests: @escaping @Sendable (Range<Int>) -> [EmailRequest],
    _ body: (_ results: [Result<ComposedEmail, NotifyError>]) throws(Failure) -> Void
  ) throws(Failure) {
    try composeBatches(count: count, size: size, ahead: ahead, requests: requests, each: { $0 }, body)
  }

  /// ``composeBatches(count:size:ahead:requests:_:)``, each result first passed
  /// through `each` on the thread that composed it (work on the message,
  /// such as hashing it, that then stays off the caller's thread).
  /// - Parameter ahead: how many batches are composed ahead of the one
  ///   `body` handles (at least 1); each holds up to `size` results.
  public func composeBatches<Value: Sendable, Failure: Error>(
    count: Int, size: Int = 4_096, ahead: Int = 2, requests: @escaping @Sendable (Range<Int>) -> [EmailRequest],
    each: @escaping @Sendable (Result<ComposedEmail, NotifyError>) -> Value,
    _ body: (_ results: [Value]) throws(Failure) -> Void
  ) throws(Failure) {
    let size = max(1, size)
    guard count > 0 else { return }
    let composer = self
    var next = 0
    func nextRange() -> Range<Int> {
      let range = next..<min(count, next + size)
      next = range.upperBound
      return range
    }
    var current = composeAll(requests(nextRange()), concurrency: ParallelWork.cores, each: each)
    // In request order; started in that order on a global queue.
    var inFlight: [BatchInFlight<Value>] = []
    func fill() {
      while inFlight.count < max(1, ahead), next < count {
        let range = nextRange()
        inFlight.append(BatchInFlight { composer.composeAll(requests(range), concurrency: ParallelWork.cores, each: each) })
      }
    }
    // Batches still composing when `body` throws are finished and dropped.
    defer { for batch in inFlight { _ = batch.wait() } }
    while true {
      fill()
      try body(current)
      guard !inFlight.isEmpty else { return }
      current = inFlight.removeFirst().wait()
    }
  }

  /// ``composeBatches(count:size:ahead:requests:_:)`` over a list of requests.
  public func composeBatches<Failure: Error>(
    _ requests: [EmailRequest], size: Int = 4_096, ahead: Int = 2,
    _ body: (_ results: [Result<ComposedEmail, NotifyError>]) throws(Failure) -> Void
  ) throws(Failure) {
    try composeBatches(count: requests.count, size: size, ahead: ahead, requests: { Array(requests[$0]) }, body)
  }
}

/// One batch being composed on a global queue; `wait()` returns its results.
/// The group's leave and wait order the write of `results` before its read.
private final class BatchInFlight<Value: Sendable>: @unchecked Sendable {
  private let group = DispatchGroup()
  private var results: [Value] = []

  init(_ work: @escaping @Sendable () -> [Value]) {
    group.enter()
    DispatchQueue.global().async {
      self.results = work()
      self.group.leave()
    }
  }

  func wait() -> [Value] {
    group.wait()
    return results
  }
}
