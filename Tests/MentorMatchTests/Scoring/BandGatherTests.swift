import Testing

@testable import MentorMatch

@Suite struct BandGatherTests {
  /// What ``BandGather/gather(_:floor:into:level:)`` gives at `level`.
  static func gathered(_ covered: [Int], floor: Int, level: Int) -> [Int32] {
    var store = [Int32](repeating: -1, count: covered.count + 8)
    var out = store.mutableSpan
    let found = BandGather.gather(covered.span, floor: floor, into: &out, level: level)
    _ = consume out
    return Array(store.prefix(found))
  }

  /// Every way of gathering this processor has (eight positions a step on
  /// AVX-512F, eight by a table on AVX2, the plain loop) gives exactly the
  /// offsets a filter gives: every length from 0 to 40 (so every tail after
  /// the eight-position steps), floors from `Int.min` (everything) to
  /// `Int.max` (nothing), coverages up to 2⁶² and runs of equal values at the floor.
  @Test func gathersExactlyThePositionsAtOrAboveTheFloor() {
    var random = SplitMix64(seed: 9)
    let ways = Array(0...BandGather.level)
    for count in 0...40 {
      for _ in 0..<25 {
        let scale = [4, 1_000, 1 << 62][Int(random.next() % 3)]
        let covered = (0..<count).map { _ in Int(random.next() % UInt64(scale)) }
        let floors = [Int.min, -1, 0, 1, scale / 2, covered.first ?? 0, covered.max() ?? 0, Int.max]
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

  /// Every pattern of eight positions, at and under the floor, in one band:
  /// each step's offsets come from a table on AVX2, and every entry is read.
  @Test func gathersEveryPatternOfEightPositions() {
    let covered = (0..<256 * 8).map { position in (position / 8) >> (position % 8) & 1 == 1 ? 7 : 6 }
    let expected = covered.indices.filter { covered[$0] >= 7 }.map { Int32($0) }
    for level in 0...BandGather.level {
      #expect(Self.gathered(covered, floor: 7, level: level) == expected, "level \(level)")
    }
  }
}
