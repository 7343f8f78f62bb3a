import Testing

@testable import MentorMatch

/// ``TopK`` keeps the best `k` under (score descending, rank ascending) and
/// hands them back best first; checked against a full sort.
@Suite struct TopKTests {
  @Test(arguments: [0, 1, 2, 7, 100] as [Int])
  func keepsAndSortsTheBestK(_ k: Int) {
    var random = SplitMix64(seed: UInt64(20261129 + k))
    for _ in 0..<200 {
      let count = Int(random.next() % 300)
      // Few distinct scores, so ties are common; ranks are unique, as mentor id ranks are.
      var ranks = Array(0..<Int32(count))
      for index in ranks.indices.reversed() where index > 0 { ranks.swapAt(index, Int(random.next() % UInt64(index + 1))) }
      let entries = ranks.enumerated().map { TopK.Entry(score: Int(random.next() % 9) - 4, rank: $0.element, mentor: Int32($0.offset)) }
      var top = TopK(k: k)
      for entry in entries { top.offer(entry) }
      let expected = entries.sorted { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }.prefix(k)
      #expect(top.sorted() == Array(expected))
    }
  }

  /// ``TopK/sorted()`` sorts packed integer keys when scores, ranks and
  /// positions fit one word, else falls back to heapsort: both give the list a
  /// full sort gives, for narrow spreads, spreads at the packing's limit and
  /// scores near the ends of `Int`.
  @Test(arguments: [1, 9, 1 << 23, 1 << 24, 1 << 40, Int.max] as [Int])
  func packedSortEqualsHeapsortAtEverySpread(_ spread: Int) {
    var random = SplitMix64(seed: UInt64(truncatingIfNeeded: spread) &+ 7)
    for round in 0..<100 {
      let count = Int(random.next() % 200)
      let k = 1 + Int(random.next() % 150)
      let base = round % 3 == 0 ? Int.min : (round % 3 == 1 ? -spread / 2 : Int.max - spread)
      var ranks = Array(0..<Int32(count)).map { $0 * (round % 2 == 0 ? 1 : 1_000_003) }
      for index in ranks.indices.reversed() where index > 0 { ranks.swapAt(index, Int(random.next() % UInt64(index + 1))) }
      let entries = ranks.enumerated().map {
        TopK.Entry(score: base + Int(random.next() % UInt64(spread)), rank: $0.element, mentor: Int32($0.offset))
      }
      var top = TopK(k: k)
      for entry in entries { top.offer(entry) }
      let expected = entries.sorted { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }.prefix(k)
      #expect(top.sorted() == Array(expected))
      #expect(top.heapSorted() == Array(expected))
    }
  }

  /// ``TopK/bestFirstByScore(_:)`` gives a full sort's order whether the
  /// entries come in rising runs of ranks (as the dense search gathers them,
  /// one run per grade block), shuffled, or with scores too spread to count.
  @Test(arguments: [1, 3, 40, 1 << 20] as [Int])
  func countingSortByScoreEqualsAFullSort(_ spread: Int) {
    var random = SplitMix64(seed: UInt64(spread) &+ 99)
    for round in 0..<200 {
      let count = Int(random.next() % 300)
      var ranks = Array(0..<Int32(count))
      for index in ranks.indices.reversed() where index > 0 { ranks.swapAt(index, Int(random.next() % UInt64(index + 1))) }
      if round % 2 == 0 {
        // Two or three blocks, each rising in rank, as a band is laid out.
        let cut = count / 3, cut2 = 2 * count / 3
        ranks = ranks[..<cut].sorted() + ranks[cut..<cut2].sorted() + ranks[cut2...].sorted()
      }
      let entries = ranks.enumerated().map {
        TopK.Entry(score: Int(random.next() % UInt64(spread)) - spread / 2, rank: $0.element, mentor: Int32($0.offset))
      }
      let expected = entries.sorted { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }
      #expect(TopK.bestFirstByScore(entries) == expected)
    }
  }
}
