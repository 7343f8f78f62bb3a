import Testing

@testable import MentorMatch

/// `BackgroundJob` lets go of its work, and of what the work captured, before
/// `wait()` returns: the caller is then the only holder of values it shared
/// with the work and changes them in place (the solver's tight lists, about
/// 130 MB for a cohort of 500,000 people, rely on it).
@Suite struct BackgroundJobTests {
  final class Witness: Sendable {}

  @Test(arguments: [false, true])
  func theWorkIsLetGoBeforeTheValueIsHandedOver(ownThread: Bool) {
    // A late release loses the race only sometimes: so, many times.
    var heldAfterwards = 0
    for _ in 0..<1_000 {
      var witness: Witness? = Witness()
      weak let watched = witness
      let job = BackgroundJob(ownThread: ownThread) { [captured = witness] in captured.map { _ in 7 } ?? 0 }
      witness = nil
      #expect(job.wait() == 7)
      heldAfterwards += watched == nil ? 0 : 1
    }
    #expect(heldAfterwards == 0, "the work still held what it captured \(heldAfterwards) times of 1,000")
  }
}
