import Foundation

/// The exports of one ingest, handed out one at a time to the threads that
/// read them side by side, and what reading each gave.
///
/// The caller's thread reads too, and takes whatever no other thread has
/// claimed yet: a thread that the scheduler starts late (on a busy machine,
/// a few milliseconds) finds the files taken and ends at once. The caller
/// waits only for a file another thread is reading, never for a thread to
/// start.
final class ExportQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var next = 0
  private var results: [Result<SignupValidator, IngestError>?]

  init(count: Int) {
    results = Array(repeating: nil, count: count)
  }

  /// The next file no thread has claimed, or nil when every one has been.
  func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    guard next < results.count else { return nil }
    next += 1
    return next - 1
  }

  /// Keeps what reading a claimed file gave.
  func store(_ index: Int, _ result: Result<SignupValidator, IngestError>) {
    condition.lock()
    results[index] = result
    condition.broadcast()
    condition.unlock()
  }

  /// Every file's result in file order, once each has been stored. The
  /// queue lets go of them, so the caller holds the only copies.
  func waitForAll() -> [Result<SignupValidator, IngestError>] {
    condition.lock()
    defer { condition.unlock() }
    while results.contains(where: { $0 == nil }) { condition.wait() }
    let all = results.compactMap { $0 }
    results = []
    return all
  }
}
