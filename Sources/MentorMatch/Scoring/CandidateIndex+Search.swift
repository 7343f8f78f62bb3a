/// Per-worker scratch for ``CandidateIndex/search(_:k:scratch:)``: dense
/// accumulators over mentor positions, reset lazily by generation stamps so a
/// search costs what it touches, not the number of mentors.
struct SearchScratch {
  var touchedAt: [UInt32]
  var markedAt: [UInt32]
  var excludedAt: [UInt32]
  var points: [Int]
  var covered: [Int]
  var hits: [Int32]
  var touched: [Int32] = []
  var generation: UInt32 = 0
  var mark: UInt32 = 0

  init(mentors: Int) {
    touchedAt = Array(repeating: 0, count: mentors)
    markedAt = Array(repeating: 0, count: mentors)
    excludedAt = Array(repeating: 0, count: mentors)
    points = Array(repeating: 0, count: mentors)
    covered = Array(repeating: 0, count: mentors)
    hits = Array(repeating: 0, count: mentors)
  }

  mutating func begin() {
    if generation >= UInt32.max - 1 || mark >= UInt32.max - 4096 {
      for index in touchedAt.indices { touchedAt[index] = 0; markedAt[index] = 0; excludedAt[index] = 0 }
      generation = 0
      mark = 0
    }
    generation += 1
    touched.removeAll(keepingCapacity: true)
  }

  mutating func newMark() -> UInt32 {
    mark += 1
    return mark
  }

  @inline(__always)
  mutating func touch(_ pos: Int) {
    if touchedAt[pos] != generation {
      touchedAt[pos] = generation
      points[pos] = 0
      covered[pos] = 0
      hits[pos] = 0
      touched.append(Int32(pos))
    }
  }

  @inline(__always)
  mutating func exclude(_ pos: Int) { excludedAt[pos] = generation }
}

extension CandidateIndex {
  /// The `k` best eligible mentors for mentee `i`, best first: identical to
  /// scoring every pair (see `docs/scoring.md`, "Exact top-K").
  ///
  /// Every rule but `grade-gap` is accumulated term at a time over posting
  /// lists restricted to the allowed grade band (Turtle & Flood, "Query
  /// evaluation: strategies and optimizations", IP&M 1995). A mentor no list
  /// touched scores exactly its grade block's constant, so whole blocks are
  /// skipped when that bound cannot enter the top K, and a block is scanned only
  /// until its next untouched mentor (same score, larger id) would lose.
  func search(_ i: Int, k: Int, scratch s: inout SearchScratch) -> [TopK.Entry] {
    let t = tables
    let grade = t.mentees[i].grade
    var low = Int.min / 2, high = Int.max / 2
    for (r, rule) in t.rules.enumerated() where rule.required && t.applies(r, i) {
      if case .gradeGap(let min, let max, _) = rule.test {
        low = Swift.max(low, grade + min)
        high = Swift.min(high, grade + max)
      }
    }
    let band = self.band(grades: low, high)
    guard !band.isEmpty, k > 0 else { return [] }
    s.begin()
    for j in t.selves[i] { s.exclude(Int(position[Int(j)])) }

    var constant = 0
    var requiredLists = 0
    var skillsRequired = false
    var skillPoints = 0
    for (r, rule) in t.rules.enumerated() where t.applies(r, i) {
      switch rule.test {
      case .gradeGap:
        continue
      case .same:
        let value = t.menteeValue[r][i]
        guard value >= 0 else {
          if rule.required { return [] }
          continue
        }
        if rule.required { requiredLists += 1 }
        let posting = valuePostings[r][value] ?? []
        for index in slice(posting, band) {
          let pos = Int(posting[index])
          s.touch(pos)
          s.points[pos] += rule.points
          if rule.required { s.hits[pos] += 1 }
        }
      case .different:
        constant += rule.points
        let value = t.menteeValue[r][i]
        guard value >= 0 else { continue }
        let posting = valuePostings[r][value] ?? []
        for index in slice(posting, band) {
          let pos = Int(posting[index])
          if rule.required {
            s.exclude(pos)
          } else {
            s.touch(pos)
            s.points[pos] -= rule.points
          }
        }
      case .contains:
        let items = t.menteeItems[r][i]
        guard !items.isEmpty else {
          if rule.required { return [] }
          continue
        }
        if rule.required { requiredLists += 1 }
        let mark = s.newMark()
        for item in items {
          let posting = valuePostings[r][item] ?? []
          for index in slice(posting, band) {
            let pos = Int(posting[index])
            guard s.markedAt[pos] != mark else { continue }
            s.markedAt[pos] = mark
            s.touch(pos)
            s.points[pos] += rule.points
            if rule.required { s.hits[pos] += 1 }
          }
        }
      case .skills(let partial):
        skillsRequired = rule.required
        skillPoints = rule.points
        accumulateSkills(i, partial: partial, band: band, scratch: &s)
      case .notLineManager(let wholeLine):
        let chain = t.menteeChain[i]
        for boss in wholeLine ? chain : Array(chain.prefix(1)) {
          for pos in mentorsByEmail[boss] ?? [] { s.exclude(Int(pos)) }
        }
        let email = t.menteeEmail[i]
        if wholeLine, email >= 0 {
          for pos in mentorsBelow[email] ?? [] { s.exclude(Int(pos)) }
        }
      case .noRepeat:
        for j in t.prior[i] { s.exclude(Int(position[Int(j)])) }
      }
    }

    let mass = t.wantedMass[i]
    var top = TopK(k: k)
    var blockScore: [Int: Int] = [:]
    for block in blocks where block.positions.overlaps(band) {
      blockScore[block.grade] = gradePoints(i, mentorGrade: block.grade) + constant
    }
    for pos32 in s.touched {
      let pos = Int(pos32)
      guard s.excludedAt[pos] != s.generation, s.hits[pos] >= Int32(requiredLists),
        !skillsRequired || s.covered[pos] > 0
      else { continue }
      let total = (blockScore[gradeAt[pos]] ?? 0) + s.points[pos]
        + t.scaledSkillPoints(skillPoints, covered: s.covered[pos], of: mass)
      top.offer(TopK.Entry(score: total, rank: rank[pos], mentor: order[pos]))
    }
    // Untouched mentors can qualify only when no required rule needs a list hit.
    guard requiredLists == 0, !skillsRequired else { return top.sorted() }
    let candidates = blocks.filter { $0.positions.overlaps(band) }
      .sorted { (blockScore[$0.grade] ?? 0) > (blockScore[$1.grade] ?? 0) }
    for block in candidates {
      let score = blockScore[block.grade] ?? 0
      for pos in block.positions.clamped(to: band) {
        guard s.touchedAt[pos] != s.generation, s.excludedAt[pos] != s.generation else { continue }
        // Same score for the rest of the block, and ids only grow: nothing later fits either.
        guard top.admits(score: score, rank: rank[pos]) else { break }
        top.offer(TopK.Entry(score: score, rank: rank[pos], mentor: order[pos]))
      }
    }
    return top.sorted()
  }

  /// Σ weight × credit per mentor position: full credit from each wanted
  /// concept's list, then partial credit once from its related concepts' lists.
  private func accumulateSkills(_ i: Int, partial: Int, band: Range<Int>, scratch s: inout SearchScratch) {
    let t = tables
    for c in t.wanted[i] {
      let weight = t.weight[Int(c)]
      let mark = s.newMark()
      let posting = conceptPostings[Int(c)]
      for index in slice(posting, band) {
        let pos = Int(posting[index])
        s.markedAt[pos] = mark
        s.touch(pos)
        s.covered[pos] += weight * 1000
      }
      guard partial > 0 else { continue }
      let credit = weight * partial
      for other in relatedConcepts[Int(c)] {
        let posting = conceptPostings[Int(other)]
        for index in slice(posting, band) {
          let pos = Int(posting[index])
          guard s.markedAt[pos] != mark else { continue }
          s.markedAt[pos] = mark
          s.touch(pos)
          s.covered[pos] += credit
        }
      }
    }
  }

  /// Points every `grade-gap` rule pays a mentor of this grade (required ones
  /// already hold inside the band).
  private func gradePoints(_ i: Int, mentorGrade: Int) -> Int {
    let t = tables
    var total = 0
    for (r, rule) in t.rules.enumerated() where t.applies(r, i) {
      guard case .gradeGap(let low, let high, let byGap) = rule.test else { continue }
      let gap = mentorGrade - t.mentees[i].grade
      guard gap >= low, gap <= high else { continue }
      total += byGap.isEmpty ? rule.points : (byGap[gap] ?? 0)
    }
    return total
  }
}
