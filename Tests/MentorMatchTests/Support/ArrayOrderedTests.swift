import Testing

@testable import MentorMatch

/// ``Array/ordered(by:)`` gives what `sorted(by:)` gives, whether or not the
/// array is in order already.
@Suite struct ArrayOrderedTests {
  @Test func equalsSortedOnSeededArrays() {
    var random = SplitMix64(seed: 20261129)
    for round in 0..<500 {
      var values = (0..<Int(random.next() % 40)).map { _ in (key: Int(random.next() % 10), tag: Int(random.next() % 1000)) }
      if round % 2 == 0 { values.sort { $0.key < $1.key } }
      let ordered = values.ordered { $0.key < $1.key }
      let sorted = values.sorted { $0.key < $1.key }
      // Stable, as sorted(by:) is: equal keys keep their order.
      #expect(ordered.map(\.key) == sorted.map(\.key))
      #expect(ordered.map(\.tag) == sorted.map(\.tag))
    }
  }
}
