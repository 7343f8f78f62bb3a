import Dispatch
import Foundation

/// Independent pieces of work spread over the machine's cores, their results
/// kept in the pieces' order: what comes out never depends on how many
/// threads ran or which finished first.
enum ParallelWork {
  /// The cores this process may use, asked once: Foundation reads the
  /// process's CPU affinity and cgroup quota files each time it is asked.
  static let cores = ProcessInfo.processInfo.activeProcessorCount

  /// Runs `job(0) … job(count - 1)`, up to `concurrency` at a time, and
  /// returns their results in index order. With one job, or a concurrency of
  /// 1, everything runs on the caller's thread.
  static func map<T: Sendable>(_ count: Int, concurrency: Int = cores, _ job: @Sendable (Int) -> T) -> [T] {
    guard count > 1, concurrency > 1 else { return (0..<max(0, count)).map(job) }
    let slots = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.store(index, job(index)) }
    return slots.values()
  }

  /// Maps `items` in contiguous chunks, `chunksPerThread` per thread, each
  /// chunk at least `minimumChunk` long (smaller inputs stay on one thread,
  /// where spreading would cost more than it saves). More chunks than threads
  /// even out chunks that other work on the same cores slows down. Results
  /// are in `items` order.
  static func map<Item: Sendable, T: Sendable>(
    chunking items: [Item], minimumChunk: Int, concurrency: Int = cores, chunksPerThread: Int = 1,
    _ transform: @Sendable (Item) -> T
  ) -> [T] {
    guard concurrency > 1 else { return items.map(transform) }
    let chunks = max(1, min(concurrency * max(1, chunksPerThread), items.count / max(1, minimumChunk)))
    guard chunks > 1 else { return items.map(transform) }
    let size = (items.count + chunks - 1) / chunks
    return map(chunks, concurrency: concurrency) { chunk in
      items[(chunk * size)..<min(items.count, (chunk + 1) * size)].map(transform)
    }.flatMap { $0 }
  }
}

/// One slot per job, each written once by the thread that ran the job; the
/// lock makes the writes and the final read safe.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [T?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ index: Int, _ value: T) {
    lock.withLock { slots[index] = value }
  }

  /// Every slot's value; each job has stored one by the time `concurrentPerform` returns.
  func values() -> [T] {
    lock.withLock { slots.map { $0! } }
  }
}
