import Foundation

/// Progress of one long step whose work is done on several threads: counts
/// what is done and reports each tenth of it once (10 %, 20 %, … 100 %), so a
/// log gets ten lines however big the cohort. Steps too small to be worth
/// watching get no reporter at all.
final class TenthsProgress: @unchecked Sendable {
  /// Below this many items a step is over before a line would help.
  static let smallest = 10_000

  private let step: String
  private let item: String
  private let total: Int
  private let report: @Sendable (RunProgress) -> Void
  private let lock = NSLock()
  private var done = 0
  private var tenthsReported = 0

  /// A reporter for `total` items of `step` (on `item`, a cohort), or nil
  /// below ``smallest``.
  init?(step: String, item: String, total: Int, report: @escaping @Sendable (RunProgress) -> Void) {
    guard total >= Self.smallest else { return nil }
    self.step = step
    self.item = item
    self.total = total
    self.report = report
  }

  /// Counts `count` more items done; reports when a new tenth is reached.
  /// The lock is held while reporting, so lines come one at a time and in order.
  @Sendable func add(_ count: Int) {
    lock.lock()
    defer { lock.unlock() }
    done = min(total, done + count)
    let tenths = done * 10 / total
    guard tenths > tenthsReported else { return }
    tenthsReported = tenths
    report(RunProgress(step: step, done: done, total: total, item: item))
  }
}
