/// What a search accumulates for one mentor position, kept together so one
/// posting costs one cache line.
struct Accumulator {
  /// Generation stamps: touched by a list, marked (deduplicating within one
  /// rule or one wanted skill), excluded by a constraint.
  var touchedAt: UInt32 = 0
  var markedAt: UInt32 = 0
  var excludedAt: UInt32 = 0
  /// Required list rules the mentor passes.
  var hits: Int32 = 0
  /// Points of the scored list rules (`same`, `contains`, minus failed `different`).
  var points = 0
  /// The skills rule's Σ weight × credit: exact, one credit per wanted skill.
  var covered = 0
}

/// Per-worker scratch for ``CandidateIndex/search(_:k:scratch:)``: dense
/// accumulators over mentor positions, reset lazily by generation stamps so a
/// search costs what it touches, not the number of mentors.
struct SearchScratch {
  var slots: [Accumulator]
  var touched: [Int32] = []
  var generation: UInt32 = 0
  var mark: UInt32 = 0
  /// Score bound per touched mentor (parallel to `touched`, `Int.min` when
  /// ineligible) and the histogram of bounds.
  var bounds: [Int] = []
  var histogram: [Int32] = []
  /// The dense path's arrays.
  var dense: DenseScratch

  init(mentors: Int) {
    slots = Array(repeating: Accumulator(), count: mentors)
    dense = DenseScratch(mentors: mentors)
  }
}

extension [Accumulator] {
  /// Starts a search: the next generation, so every stamp from the last one is stale.
  mutating func nextGeneration(_ generation: inout UInt32) {
    if generation >= UInt32.max - 1 {
      for index in indices {
        self[index].touchedAt = 0
        self[index].excludedAt = 0
      }
      generation = 0
    }
    generation += 1
  }

  /// A fresh stamp for `markedAt`. Marks only deduplicate within one rule or
  /// one wanted skill, so clearing them all on wrap-around is safe mid-search.
  mutating func nextMark(_ mark: inout UInt32) -> UInt32 {
    if mark == UInt32.max {
      for index in indices { self[index].markedAt = 0 }
      mark = 0
    }
    mark += 1
    return mark
  }

  /// Starts the position's accumulators for this generation on first touch.
  @inline(__always)
  mutating func touch(_ pos: Int, _ generation: UInt32, _ touched: inout [Int32]) {
    if self[pos].touchedAt != generation {
      self[pos] = Accumulator(touchedAt: generation, markedAt: self[pos].markedAt,
                              excludedAt: self[pos].excludedAt)
      touched.append(Int32(pos))
    }
  }
}
