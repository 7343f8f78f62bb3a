/// The skills rule as one mentee sees it: `floor(points × covered / mass)`,
/// exactly or bounded from above by one multiplication.
struct SkillTerms {
  let points: Int
  /// The mentee's Σ weight × 1000 over wanted skills (full coverage).
  let mass: Int
  let required: Bool
  /// `ceil(points · 2⁵² / mass)`, or 0 when ``bound(_:)`` must divide.
  private let factor: UInt64

  init(points: Int, mass: Int, required: Bool) {
    self.points = points
    self.mass = mass
    self.required = required
    // points · 2⁵² / mass must fit 64 bits: true for any real mass (≥ 65,536,000 per wanted skill).
    if mass > 0, points > 0, points < 1 << 31, points >> 12 < mass {
      let scaled = (high: UInt64(points) >> 12, low: UInt64(points) << 52)
      let (quotient, remainder) = UInt64(mass).dividingFullWidth(scaled)
      factor = quotient + (remainder > 0 ? 1 : 0)
    } else {
      factor = 0
    }
  }

  /// The points paid for `covered`, as ``CohortTables/scaledSkillPoints(_:covered:of:)``.
  @inline(__always)
  func exact(_ covered: Int) -> Int {
    guard mass > 0, covered > 0 else { return 0 }
    return mass.dividingFullWidth(points.multipliedFullWidth(by: covered)).quotient
  }

  /// At least ``exact(_:)`` for `0 ≤ covered ≤ mass`: `covered · factor / 2⁵²`
  /// rounds up only through `factor`, by less than `1 + covered / 2⁵²`, so at
  /// most one point over for any real coverage.
  @inline(__always)
  func bound(_ covered: Int) -> Int {
    guard factor > 0 else { return exact(covered) }
    return scaledBound(covered)
  }

  /// Whether ``scaledBound(_:)`` is ``bound(_:)``: there is a factor, or
  /// the bound is 0 whatever the coverage (no points, or no wanted skill).
  var scaled: Bool { factor > 0 || points == 0 || mass == 0 }

  /// ``bound(_:)`` with no branch, for a band pass that bounds every mentor:
  /// when ``scaled`` only. No test for a coverage of 0 either, which
  /// multiplies to 0: whether a mentor shares a skill is unpredictable, and
  /// the branch cost more than the multiplication.
  @inline(__always)
  func scaledBound(_ covered: Int) -> Int {
    // Coverage is a sum of non-negative credits: the bit pattern is its value.
    let (high, low) = UInt64(truncatingIfNeeded: covered).multipliedFullWidth(by: factor)
    return Int(truncatingIfNeeded: (high << 12) | (low >> 52))
  }

  /// A coverage below which ``scaledBound(_:)`` stays under `need`:
  /// `floor(need · 2⁵² / factor)`, since `c · factor < need · 2⁵²` for every
  /// smaller `c`. 0 when nothing can be ruled out (no factor, or `need` ≤ 0);
  /// `Int.max` when no coverage reaches `need`.
  func coverageFloor(reaching need: Int) -> Int {
    guard factor > 0, need > 0 else { return 0 }
    let scaled = (high: UInt64(need) >> 12, low: UInt64(need) << 52)
    guard scaled.high < factor else { return Int.max }
    let (quotient, _) = factor.dividingFullWidth(scaled)
    return quotient > UInt64(Int.max) ? Int.max : Int(quotient)
  }
}

extension CandidateIndex {
  /// The top K among touched mentors, whose list points and coverage the
  /// search has accumulated exactly.
  ///
  /// Each eligible mentor's score is bounded without dividing (see
  /// ``SkillTerms/bound(_:)``, at most a point over), and a histogram
  /// of the bounds gives the K-th best bound. Only mentors at or near it are
  /// scored exactly; the K-th exact score then proves every other mentor's
  /// bound too low, or the few that remain are scored as well. A threshold
  /// algorithm in the manner of Fagin, Lotem & Naor, "Optimal aggregation
  /// algorithms for middleware" (PODS 2001).
  func select(_ requiredLists: Int, k: Int, blockScore: [Int], skills: SkillTerms, _ slots: [Accumulator],
              _ touched: [Int32], _ generation: UInt32, bounds: inout [Int], histogram: inout [Int32]) -> TopK {
    bounds.removeAll(keepingCapacity: true)
    var low = Int.max, high = Int.min, eligible = 0
    for pos32 in touched {
      let pos = Int(pos32)
      let slot = slots[pos]
      var bound = Int.min
      if slot.excludedAt != generation, slot.hits >= Int32(requiredLists), !skills.required || slot.covered > 0 {
        bound = blockScore[gradeAt[pos]] + slot.points + skills.bound(slot.covered)
        low = Swift.min(low, bound)
        high = Swift.max(high, bound)
        eligible += 1
      }
      bounds.append(bound)
    }
    var top = TopK(k: k)
    guard eligible > 0 else { return top }

    let cutoff = Self.cutoff(bounds.span, count: bounds.count, low: low, high: high, eligible: eligible, k: k, histogram: &histogram)
    @inline(__always) func score(_ n: Int) {
      let pos = Int(touched[n])
      let covered = slots[pos].covered
      let score = blockScore[gradeAt[pos]] + slots[pos].points + skills.exact(covered)
      if top.admits(score: score, rank: rank[pos]) {
        top.offer(TopK.Entry(score: score, rank: rank[pos], mentor: order[pos], covered: covered))
      }
    }
    for n in bounds.indices where bounds[n] >= cutoff { score(n) }
    if let worst = top.worst, worst.score >= cutoff { return top }
    // The guess was too high: finish the mentors below it that could still enter.
    for n in bounds.indices where bounds[n] != Int.min && bounds[n] < cutoff {
      if let worst = top.worst, bounds[n] < worst.score { continue }
      score(n)
    }
    return top
  }

  /// A first guess at the K-th best score, from the histogram of bounds
  /// (`Int.min` for ineligible mentors): 2 below the edge of the bucket where
  /// the K-th best bound lies, since a bound is at most a point over its score.
  /// Callers score every mentor bound at or above it, and the rest only when
  /// the guess proves too high.
  static func cutoff(_ bounds: Span<Int>, count: Int, low: Int, high: Int, eligible: Int, k: Int,
                     histogram: inout [Int32]) -> Int {
    guard eligible > k else { return low }
    // Bucket d holds bounds in (high − (d+1)·2^shift, high − d·2^shift]: best first.
    var shift = 0
    while (high - low) >> shift >= 4096 { shift += 1 }
    let buckets = ((high - low) >> shift) + 1
    histogram.removeAll(keepingCapacity: true)
    histogram.append(contentsOf: repeatElement(0, count: buckets))
    var counts = histogram.mutableSpan
    for x in 0..<count where bounds[x] != Int.min { counts[(high - bounds[x]) >> shift] += 1 }
    return cutoff(counts.span, shift: shift, low: low, high: high, k: k)
  }

  /// The guess of ``cutoff(_:count:low:high:eligible:k:histogram:)`` from a
  /// filled histogram whose bucket d holds bounds in (high − (d+1)·2^shift, high − d·2^shift].
  static func cutoff(_ counts: Span<Int32>, shift: Int, low: Int, high: Int, k: Int) -> Int {
    var seen = 0
    for d in 0..<counts.count {
      seen += Int(counts[d])
      // K mentors bound at least this edge, so score at least a little below it.
      if seen >= k { return Swift.max(low, high - ((d + 1) << shift) + 1 - 2) }
    }
    return low
  }
}
