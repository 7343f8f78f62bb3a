import Testing

@testable import MentorMatch

@Suite struct BandGatherTests {
  /// What ``BandGather/gather(_:floor:into:level:)`` gives at `level`.
  static func gathered(_ covered: [Int32], floor: Int32, level: Int) -> [Int32] {
    var store = [Int32](repeating: -1, count: covered.count + 16)
    var out = store.mutableSpan
    let found = BandGather.gather(covered.span, floor: floor, into: &out, level: level)
    _ = consume out
    return Array(store.prefix(found))
  }

  /// Every way of gathering this processor has (sixteen positions a step on
  /// AVX-512F, eight by a table on AVX2, the plain loop) gives exactly the
  /// offsets a filter gives: every length from 0 to 40 (so every tail after
  /// the sixteen- and eight-position steps), floors from `Int32.min`
  /// (everything) to `Int32.max` (nothing), coverages up to 2³⁰ and runs of
  /// equal values at the floor.
  @Test func gathersExactlyThePositionsAtOrAboveTheFloor() {
    var random = SplitMix64(seed: 9)
    let ways = Array(0...BandGather.level)
    for count in 0...40 {
      for _ in 0..<25 {
        let scale = [4, 1_000, 1 << 30][Int(random.next() % 3)]
        let covered = (0..<count).map { _ in Int32(random.next() % UInt64(scale)) }
        let floors = [Int32.min, -1, 0, 1, Int32(scale / 2), covered.first ?? 0, covered.max() ?? 0, Int32.max]
        for floor in floors {
          let expected = covered.indices.filter { covered[$0] >= floor }.map { Int32($0) }
          for level in ways {
            #expect(
              Self.gathered(covered, floor: floor, level: level) == expected,
              "count \(count), floor \(floor), level \(level)")
          }
        }
      }
    }
  }

  /// The 64-bit gather, for bands whose coverages do not fit 32 bits, on
  /// the same cases with coverages up to 2⁶².
  @Test func gathersExactly64BitCoveragesAtOrAboveTheFloor() {
    var random = SplitMix64(seed: 10)
    for count in 0...40 {
      for _ in 0..<25 {
        let scale = [4, 1_000, 1 << 62][Int(random.next() % 3)]
        let covered = (0..<count).map { _ in Int(random.next() % UInt64(scale)) }
        let floors = [Int.min, -1, 0, 1, scale / 2, covered.first ?? 0, covered.max() ?? 0, Int.max]
        for floor in floors {
          let expected = covered.indices.filter { covered[$0] >= floor }.map { Int32($0) }
          for level in 0...BandGather.level {
            var store = [Int32](repeating: -1, count: covered.count + 16)
            var out = store.mutableSpan
            let found = BandGather.gather(covered.span, floor: floor, into: &out, level: level)
            _ = consume out
            #expect(Array(store.prefix(found)) == expected, "count \(count), floor \(floor), level \(level)")
          }
        }
      }
    }
  }

  /// Every pattern of eight positions, at and under the floor, in one band:
  /// each step's offsets come from a table on AVX2, and every entry is read.
  @Test func gathersEveryPatternOfEightPositions() {
    let covered: [Int32] = (0..<256 * 8).map { position in (position / 8) >> (position % 8) & 1 == 1 ? 7 : 6 }
    let expected = covered.indices.filter { covered[$0] >= 7 }.map { Int32($0) }
    for level in 0...BandGather.level {
      #expect(Self.gathered(covered, floor: 7, level: level) == expected, "level \(level)")
    }
  }
}
