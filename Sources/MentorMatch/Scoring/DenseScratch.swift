/// Per-worker scratch for ``CandidateIndex/searchDense(_:k:band:scratch:)``:
/// one slot per mentor position of the grade band, in separate arrays so the
/// skill lists, which dominate, write only the 8-byte coverage of each mentor
/// and a 40,000-mentor band stays inside the core's L2 cache.
struct DenseScratch {
  /// The skills rule's Σ weight × credit per band position.
  var covered: [Int]
  /// Points of the scored list rules per band position.
  var points: [Int]
  /// Required list rules passed, or ``excluded`` when a constraint rules the mentor out.
  var state: [Int32]
  /// Score bound per band position, `Int.min` when ineligible.
  var bounds: [Int]
  /// Deduplication stamps (one rule or one wanted skill); see ``nextMark(_:_:)``.
  var marks: [UInt32]
  var mark: UInt32 = 0
  var histogram: [Int32] = []

  /// Far enough below zero that adding one per required list never reaches zero.
  static let excluded = Int32.min / 2

  init(mentors: Int) {
    covered = Array(repeating: 0, count: mentors)
    points = Array(repeating: 0, count: mentors)
    state = Array(repeating: 0, count: mentors)
    bounds = Array(repeating: 0, count: mentors)
    marks = Array(repeating: 0, count: mentors)
  }

  /// A fresh stamp for `marks`; stamps from earlier searches (at other band
  /// offsets) never equal it, and on wrap-around every mark is cleared.
  static func nextMark(_ mark: inout UInt32, _ marks: inout MutableSpan<UInt32>) -> UInt32 {
    if mark == UInt32.max {
      for x in marks.indices { marks[x] = 0 }
      mark = 0
    }
    mark += 1
    return mark
  }
}
