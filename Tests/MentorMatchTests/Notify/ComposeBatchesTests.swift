@testable import MentorMatch
import MentorMatchTestSupport
import Testing

/// ``EmailComposer/composeBatches(count:size:requests:_:)``: the overlap of
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

  @Test(arguments: [1, 7, 256, 299, 300, 5_000])
  func batchesInOrderEqualComposingAllAtOnce(_ size: Int) throws {
    let requests = Self.requests
    let composer = try NotifyFixtures.composer()
    let expected = Self.expected
    var seen: [String] = []
    var sizes: [Int] = []
    composer.composeBatches(requests, size: size) { (results: [Result<ComposedEmail, NotifyError>]) in
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

  @Test func aThrowingBodyStopsTheBatches() throws {
    let composer = try NotifyFixtures.composer()
    var calls = 0
    #expect(throws: Stop()) {
      try composer.composeBatches(Self.requests, size: 50) { (_: [Result<ComposedEmail, NotifyError>]) throws(Stop) in
        calls += 1
        if calls == 2 { throw Stop() }
      }
    }
    #expect(calls == 2)
  }

  @Test func noRequestsNoCalls() throws {
    var calls = 0
    try NotifyFixtures.composer().composeBatches([], size: 10) { (_: [Result<ComposedEmail, NotifyError>]) in calls += 1 }
    #expect(calls == 0)
  }
}
