import Foundation
import Testing

@testable import MentorMatch

/// ``ThreadPriority`` lowers the calling thread only.
@Suite struct ThreadPriorityTests {
  @Test func lowersTheCallingThreadAndNoOther() throws {
    #if os(Linux)
    let before = try #require(ThreadPriority.currentNice)
    let done = DispatchSemaphore(value: 0)
    final class Seen: @unchecked Sendable { var nice: Int32? }
    let seen = Seen()
    Thread {
      ThreadPriority.lowerCurrentThread(by: 10)
      seen.nice = ThreadPriority.currentNice
      done.signal()
    }.start()
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(seen.nice == min(19, before + 10))
    #expect(ThreadPriority.currentNice == before, "the calling thread's priority changed")
    #endif
  }
}
