import Foundation
import Testing

@testable import MentorMatch

/// ``MadeAhead`` makes values in order on its own thread, ahead of the taker,
/// and stops at an error or when told.
@Suite struct MadeAheadTests {
  /// Which indices `make` was called with, in call order.
  final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var indices: [Int] = []
    func add(_ index: Int) { lock.withLock { indices.append(index) } }
    var all: [Int] { lock.withLock { indices } }
  }

  struct Refused: Error, Equatable { let index: Int }

  @Test(arguments: [0, 1, 2, 50])
  func takesEveryValueInOrder(_ count: Int) throws {
    let calls = Calls()
    let values = MadeAhead(count: count) { index in
      calls.add(index)
      return index * index
    }
    defer { values.stop() }
    #expect(try (0..<count).map { try values.take($0) } == (0..<count).map { $0 * $0 })
    #expect(calls.all == Array(0..<count))
  }

  /// Value 1 is made while the taker still works on value 0: the taker
  /// waits for a signal that only making value 1 gives.
  @Test func makesTheNextValueWhileTheTakerWorks() throws {
    let madeOne = DispatchSemaphore(value: 0)
    let values = MadeAhead(count: 2) { index in
      if index == 1 { madeOne.signal() }
      return index
    }
    defer { values.stop() }
    #expect(try values.take(0) == 0)
    #expect(madeOne.wait(timeout: .now() + 30) == .success, "value 1 was not made while value 0 was in use")
    #expect(try values.take(1) == 1)
  }

  /// The values before an error are taken as usual; the error comes with its
  /// own index, and nothing after it is made.
  @Test func anErrorEndsTheMaking() throws {
    let calls = Calls()
    let values = MadeAhead(count: 10) { index in
      calls.add(index)
      if index == 3 { throw Refused(index: index) }
      return index
    }
    defer { values.stop() }
    #expect(try (0..<3).map { try values.take($0) } == [0, 1, 2])
    #expect(throws: Refused(index: 3)) { try values.take(3) }
    values.stop()
    #expect(calls.all == [0, 1, 2, 3])
  }

  /// `stop()` lets the value being made finish, makes nothing after it, and
  /// returns only once the maker's thread has ended.
  @Test func stopEndsTheMakingAfterTheValueBeingMade() throws {
    let calls = Calls()
    let started = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let finished = Calls()
    let values = MadeAhead(count: 100) { index in
      calls.add(index)
      if index == 1 {
        started.signal()
        gate.wait()
        finished.add(index)
      }
      return index
    }
    #expect(try values.take(0) == 0)
    #expect(started.wait(timeout: .now() + 30) == .success)
    // Opened only once `stop()` has asked the maker to stop.
    Thread {
      while !values.stopRequested { usleep(1_000) }
      gate.signal()
    }.start()
    values.stop()
    #expect(finished.all == [1], "stop() returned before the value being made was finished")
    #expect(calls.all == [0, 1])
  }
}
