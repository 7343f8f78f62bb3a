import Testing

@testable import MentorMatch

/// ``ParallelWork`` keeps results in job order whatever the thread count.
@Suite struct ParallelWorkTests {
  @Test(arguments: [0, 1, 2, 3, 17, 1_000])
  func mapKeepsJobOrder(_ count: Int) {
    let expected = (0..<count).map { $0 * $0 }
    for concurrency in [1, 2, 8] {
      #expect(ParallelWork.map(count, concurrency: concurrency) { $0 * $0 } == expected)
    }
  }

  @Test(arguments: [0, 1, 511, 512, 1_024, 1_025, 10_007])
  func chunkedMapEqualsPlainMap(_ count: Int) {
    let items = (0..<count).map { "item \($0)" }
    for concurrency in [1, 2, 3, 8] {
      for perThread in [1, 4] {
        let mapped = ParallelWork.map(
          chunking: items, minimumChunk: 512, concurrency: concurrency, chunksPerThread: perThread) { $0.uppercased() }
        #expect(mapped == items.map { $0.uppercased() }, "concurrency \(concurrency), \(perThread) per thread")
      }
    }
  }
}
