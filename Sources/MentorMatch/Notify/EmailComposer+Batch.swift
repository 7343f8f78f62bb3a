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
    let chunkCount = max(1, min(concurrency, requests.count / 256))
    if chunkCount == 1 { return requests.map(composeResult) }
    let chunkSize = (requests.count + chunkCount - 1) / chunkCount
    let results = ChunkResults(count: chunkCount)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let range = (chunk * chunkSize)..<min(requests.count, (chunk + 1) * chunkSize)
      results.store(chunk, requests[range].map(composeResult))
    }
    return results.joined()
  }

  private func composeResult(_ request: EmailRequest) -> Result<ComposedEmail, NotifyError> {
    do { return .success(try compose(request)) } catch { return .failure(error) }
  }
}

/// Per-chunk results filled from several threads; the lock makes that safe.
private final class ChunkResults: @unchecked Sendable {
  private let lock = NSLock()
  private var chunks: [[Result<ComposedEmail, NotifyError>]]

  init(count: Int) { chunks = Array(repeating: [], count: count) }

  func store(_ index: Int, _ results: [Result<ComposedEmail, NotifyError>]) {
    lock.withLock { chunks[index] = results }
  }

  func joined() -> [Result<ComposedEmail, NotifyError>] {
    lock.withLock { chunks.flatMap { $0 } }
  }
}
