import Foundation
@testable import MentorMatch
import MentorMatchTestSupport
import Testing

/// ``EmailComposer/composeBatches(count:size:ahead:requests:_:)``: the overlap of
/// composing and handling batches changes nothing in the results.
@Suite struct ComposeBatchesTests {
  struct Stop: Error, Equatable {}

  static let requests: [EmailRequest] = {
    var rng = SeededGenerator(seed: 2026)
    // Some with control characters, so that failures travel in order too.
    return (0..<300).map { index in SplicingSamples.request(&rng, headerSafe: index % 3 != 0) }
  }()

  /// The results composed one at a time, on one thread.
  static let expected: [String] = summary((try? NotifyFixtures.composer().composeAll(requests, concurrency: 1)) ?? [])

  static func summary(_ results: [Result<ComposedEmail, NotifyError>]) -> [String] {
    results.map { result in
      switch result {
      case .success(let email): "\(email.fileName) \(SHA256Hex.of(email.bytes))"
      case .failure(let error): "\(error)"
      }
    }
  }

  @Test(arguments: [1, 7, 256, 299, 300, 5_000], [1, 2, 3, 64])
  func batchesInOrderEqualComposingAllAtOnce(_ size: Int, ahead: Int) throws {
    let requests = Self.requests
    let composer = try NotifyFixtures.composer()
    let expected = Self.expected
    var seen: [String] = []
    var sizes: [Int] = []
    composer.composeBatches(requests, size: size, ahead: ahead) { (results: [Result<ComposedEmail, NotifyError>]) in
      sizes.append(results.count)
      seen += Self.summary(results)
    }
    #expect(seen == expected)
    #expect(sizes.dropLast().allSatisfy { $0 == size } && sizes.reduce(0, +) == requests.count)
    #expect(expected.count == requests.count && expected.contains { $0.contains("control character") })
  }

  /// What `each` makes of a result on the composing threads arrives in
  /// order, as if worked out from the batch afterwards.
  @Test(arguments: [7, 300])
  func eachRunsOnEveryResultInOrder(_ size: Int) throws {
    let requests = Self.requests
    var seen: [String] = []
    try NotifyFixtures.composer().composeBatches(
      count: requests.count, size: size, requests: { Array(requests[$0]) }, each: { Self.summary([$0])[0] }
    ) { (summaries: [String]) in seen += summaries }
    #expect(seen == Self.expected)
  }

  /// Whatever is being composed ahead when `body` throws is finished (the
  /// requests of every batch started are made) and dropped: no more calls.
  @Test(arguments: [1, 2, 4])
  func aThrowingBodyStopsTheBatches(ahead: Int) throws {
    let composer = try NotifyFixtures.composer()
    let requests = Self.requests
    let made = Counter()
    var calls = 0
    #expect(throws: Stop()) {
      try composer.composeBatches(
        count: requests.count, size: 50, ahead: ahead,
        requests: { range in
          made.add(range.count)
          return Array(requests[range])
        }
      ) { (_: [Result<ComposedEmail, NotifyError>]) throws(Stop) in
        calls += 1
        if calls == 2 { throw Stop() }
      }
    }
    #expect(calls == 2)
    // The two batches handed over, and those composed ahead of the second.
    #expect(made.value == 50 * min(6, 2 + ahead))
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.withLock { count += n } }
    var value: Int { lock.withLock { count } }
  }

  @Test func noRequestsNoCalls() throws {
    var calls = 0
    try NotifyFixtures.composer().composeBatches([], size: 10) { (_: [Result<ComposedEmail, NotifyError>]) in calls += 1 }
    #expect(calls == 0)
  }
}
