/// A pair's scores: each rule's points counted once in `total`, and on the
/// mentee's and/or mentor's side as the rule's `side` says.
struct PairScore: Equatable {
  var menteeSide = 0
  var mentorSide = 0
  var total = 0
}

extension CohortTables {
  /// Whether rule `r` applies to mentee `i` (its `when` condition holds).
  @inline(__always)
  func applies(_ r: Int, _ i: Int) -> Bool {
    let column = applies[r]
    return column.isEmpty || column[i]
  }

  /// Rule `r` for the pair: nil when a required rule fails, else the points paid.
  /// This is the reference definition every other path must agree with.
  func outcome(_ r: Int, _ i: Int, _ j: Int, covered known: Int = -1) -> Int? {
    let rule = rules[r]
    guard applies(r, i) else { return 0 }
    var points = rule.points
    let passes: Bool
    switch rule.test {
    case .gradeGap(let low, let high, let byGap):
      let gap = mentors[j].grade - mentees[i].grade
      passes = gap >= low && gap <= high
      if !byGap.isEmpty { points = byGap[gap] ?? 0 }
    case .same:
      let value = menteeValue[r][i]
      passes = value >= 0 && value == mentorValue[r][j]
    case .different:
      let value = menteeValue[r][i]
      passes = !(value >= 0 && value == mentorValue[r][j])
    case .contains:
      let theirs = mentorItems[r][j]
      passes = menteeItems[r][i].contains { sortedContains(theirs, $0) }
    case .skills(let partial):
      let covered = known >= 0 ? known : coverage(i, j, partial: partial)
      passes = covered > 0
      points = scaledSkillPoints(rule.points, covered: covered, of: wantedMass[i])
    case .notLineManager(let wholeLine):
      passes = !lineConflict(i, j, wholeLine: wholeLine)
      points = 0
    case .noRepeat:
      passes = !sortedContains(prior[i], Int32(j))
      points = 0
    }
    if passes { return points }
    return rule.required ? nil : 0
  }

  /// The pair's scores, or nil when it is not eligible.
  /// - Parameter covered: the skills coverage when already known (see ``coverage(_:_:partial:)``).
  func score(_ i: Int, _ j: Int, covered: Int = -1) -> PairScore? {
    if sortedContains(selves[i], Int32(j)) { return nil }
    var score = PairScore()
    for r in rules.indices {
      guard let points = outcome(r, i, j, covered: covered) else { return nil }
      score.total += points
      if rules[r].side.countsForMentee { score.menteeSide += points }
      if rules[r].side.countsForMentor { score.mentorSide += points }
    }
    return score
  }

  /// The scores of an eligible pair whose total is known: only the one-sided
  /// rules are evaluated again, and taken off the other side.
  /// - Parameter covered: the skills coverage when known, as for ``score(_:_:covered:)``.
  func sides(_ i: Int, _ j: Int, total: Int, covered: Int = -1) -> PairScore {
    var score = PairScore(menteeSide: total, mentorSide: total, total: total)
    for r in rules.indices where rules[r].side != .both {
      let points = outcome(r, i, j, covered: covered) ?? 0
      if !rules[r].side.countsForMentee { score.menteeSide -= points }
      if !rules[r].side.countsForMentor { score.mentorSide -= points }
    }
    return score
  }

  /// `floor(points × covered / mass)`, without overflow.
  @inline(__always)
  func scaledSkillPoints(_ points: Int, covered: Int, of mass: Int) -> Int {
    guard mass > 0, covered > 0 else { return 0 }
    let product = points.multipliedFullWidth(by: covered)
    return mass.dividingFullWidth(product).quotient
  }

  /// Σ weight × credit (per mille) over the mentee's wanted concepts: full
  /// credit when the mentor offers the concept, `partial` when the mentor offers
  /// a related one (parent, child or sibling), none otherwise.
  func coverage(_ i: Int, _ j: Int, partial: Int) -> Int {
    let theirs = offered[j]
    var covered = 0
    for c in wanted[i] {
      if sortedContains(theirs, c) {
        covered += weight[Int(c)] * 1000
      } else if partial > 0, theirs.contains(where: { related(c, $0) }) {
        covered += weight[Int(c)] * partial
      }
    }
    return covered
  }

  /// Whether two different concepts are parent and child or share a parent.
  @inline(__always)
  func related(_ a: Int32, _ b: Int32) -> Bool {
    let pa = parents[Int(a)], pb = parents[Int(b)]
    if sortedContains(pa, b) || sortedContains(pb, a) { return true }
    return pa.contains { sortedContains(pb, $0) }
  }

  /// Whether the mentor is the mentee's line manager or, with `wholeLine`,
  /// either is above the other anywhere in the chain of line managers.
  func lineConflict(_ i: Int, _ j: Int, wholeLine: Bool) -> Bool {
    let mentor = mentorEmail[j], mentee = menteeEmail[i]
    let up = menteeChain[i]
    guard wholeLine else { return mentor >= 0 && up.first == mentor }
    return (mentor >= 0 && up.contains(mentor)) || (mentee >= 0 && mentorChain[j].contains(mentee))
  }
}

/// Binary search in a sorted array.
@inline(__always)
func sortedContains(_ array: [Int32], _ value: Int32) -> Bool {
  var low = 0, high = array.count
  while low < high {
    let mid = (low + high) >> 1
    let probe = array[mid]
    if probe == value { return true }
    if probe < value { low = mid + 1 } else { high = mid }
  }
  return false
}
