/// Damerau–Levenshtein distance in its optimal-string-alignment form: the
/// fewest insertions, deletions, substitutions and transpositions of adjacent
/// characters that turn one string into the other, no substring edited twice
/// (Damerau 1964, "A technique for computer detection and correction of
/// spelling errors", CACM 7(3); Levenshtein 1966).
///
/// Strings are compared as arrays of Unicode scalar values. The working rows
/// are kept between calls so that the fuzzy stage allocates nothing per pair.
struct EditDistance {
  private var previousPrevious: [Int] = []
  private var previous: [Int] = []
  private var current: [Int] = []

  /// The distance between `a` and `b`; once it is sure to exceed `limit`,
  /// some number above `limit` (so callers that only need "within limit?" stop early).
  mutating func distance(_ a: [UInt32], _ b: [UInt32], limit: Int = .max) -> Int {
    let n = a.count
    let m = b.count
    if n == 0 { return m }
    if m == 0 { return n }
    if previous.count < m + 1 {
      previousPrevious = Array(repeating: 0, count: m + 1)
      previous = Array(repeating: 0, count: m + 1)
      current = Array(repeating: 0, count: m + 1)
    }
    for j in 0...m { previous[j] = j }
    var previousMinimum = 0
    for i in 1...n {
      current[0] = i
      var rowMinimum = i
      let ai = a[i - 1]
      for j in 1...m {
        let bj = b[j - 1]
        let cost = ai == bj ? 0 : 1
        var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, ai == b[j - 2], a[i - 2] == bj {
          best = min(best, previousPrevious[j - 2] + 1)
        }
        current[j] = best
        rowMinimum = min(rowMinimum, best)
      }
      // A row's minimum never decreases two rows on (a transposition reaches back only one row).
      if rowMinimum > limit, i > 1, previousMinimum > limit { return rowMinimum }
      previousMinimum = rowMinimum
      swap(&previousPrevious, &previous)
      swap(&previous, &current)
    }
    return previous[m]
  }

  /// Similarity from 0 to 1000: `1000 × (1 − distance / longer length)`, rounded down.
  /// Below `floor` the exact value is not needed: some score below `floor` is returned.
  mutating func similarity(_ a: [UInt32], _ b: [UInt32], floor: Int = 0) -> Int {
    let longer = max(a.count, b.count)
    guard longer > 0 else { return 1000 }
    let limit = floor <= 0 ? Int.max : (longer * (1000 - floor)) / 1000
    let distance = min(distance(a, b, limit: limit), longer)
    return (1000 * (longer - distance)) / longer
  }
}
