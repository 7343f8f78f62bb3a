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
  /// Per concept, for the current mentee: bit s (s < 32) when it is wanted
  /// slot s, bit 32 + s when it is related to wanted slot s.
  var conceptMask: [UInt64]
  var maskedConcepts: [Int32] = []
  var slotWeight: [Int] = Array(repeating: 0, count: 32)

  init(mentors: Int, concepts: Int) {
    conceptMask = Array(repeating: 0, count: concepts)
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
    var skillPartial = 0
    var skillsActive = false
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
        skillPartial = partial
        skillsActive = true
        // Exact matches come from the index; partial credit is read per mentor from the masks.
        for c in t.wanted[i] {
          let posting = conceptPostings[Int(c)]
          for index in slice(posting, band) { s.touch(Int(posting[index])) }
        }
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
    let masked = skillsActive && prepareMasks(i, partial: skillPartial, scratch: &s)
    @inline(__always) func coverage(_ pos: Int, _ s: inout SearchScratch) -> Int {
      guard skillsActive else { return 0 }
      if masked { return maskedCoverage(pos, partial: skillPartial, scratch: &s) }
      return t.coverage(i, Int(order[pos]), partial: skillPartial)
    }
    var top = TopK(k: k)
    var blockScore = [Int](repeating: 0, count: (blocks.last?.grade ?? 0) + 1)
    for block in blocks where block.positions.overlaps(band) {
      blockScore[block.grade] = gradePoints(i, mentorGrade: block.grade) + constant
    }
    for pos32 in s.touched {
      let pos = Int(pos32)
      guard s.excludedAt[pos] != s.generation, s.hits[pos] >= Int32(requiredLists) else { continue }
      let covered = coverage(pos, &s)
      guard !skillsRequired || covered > 0 else { continue }
      let total = blockScore[gradeAt[pos]] + s.points[pos]
        + t.scaledSkillPoints(skillPoints, covered: covered, of: mass)
      top.offer(TopK.Entry(score: total, rank: rank[pos], mentor: order[pos], covered: covered))
    }
    // Untouched mentors can qualify only when no required rule needs a list hit.
    // They share no wanted skill and no listed value, so they score their
    // block's constant plus at most partial credit on every wanted skill.
    guard requiredLists == 0 else { return finish(top, &s) }
    var partialMass = 0
    if skillsActive && skillPartial > 0 {
      for c in t.wanted[i] where !relatedConcepts[Int(c)].isEmpty { partialMass += t.weight[Int(c)] * skillPartial }
    }
    let cap = t.scaledSkillPoints(skillPoints, covered: partialMass, of: mass)
    let inBand = blocks.filter { $0.positions.overlaps(band) }.sorted { blockScore[$0.grade] > blockScore[$1.grade] }
    if cap > 0, let worst = top.worst, let best = inBand.first.map({ blockScore[$0.grade] }), best < worst.score {
      // A mentor with no credit at all scores at most `best`, below the K-th.
      // MaxScore (Turtle & Flood 1995) over partial credit: the lightest wanted
      // skills whose partial credit together cannot lift even the best block
      // to the current K-th score are non-essential; an untouched mentor must
      // be related to an essential skill, so only those skills' lists are read.
      let wanted = t.wanted[i]
      let slots = wanted.indices.filter { !relatedConcepts[Int(wanted[$0])].isEmpty }
        .sorted { (t.weight[Int(wanted[$0])], $0) < (t.weight[Int(wanted[$1])], $1) }
      var lightMass = 0, essentialFrom = 0
      for slot in slots {
        let next = lightMass + t.weight[Int(wanted[slot])] * skillPartial
        guard best + t.scaledSkillPoints(skillPoints, covered: next, of: mass) < worst.score else { break }
        lightMass = next
        essentialFrom += 1
      }
      let mark = s.newMark()
      for slot in slots[essentialFrom...] {
        for other in relatedConcepts[Int(wanted[slot])] {
          let posting = conceptPostings[Int(other)]
          for index in slice(posting, band) {
            let pos = Int(posting[index])
            guard s.markedAt[pos] != mark else { continue }
            s.markedAt[pos] = mark
            guard s.touchedAt[pos] != s.generation, s.excludedAt[pos] != s.generation else { continue }
            let covered = coverage(pos, &s)
            guard !skillsRequired || covered > 0 else { continue }
            let score = blockScore[gradeAt[pos]] + t.scaledSkillPoints(skillPoints, covered: covered, of: mass)
            if top.admits(score: score, rank: rank[pos]) {
              top.offer(TopK.Entry(score: score, rank: rank[pos], mentor: order[pos], covered: covered))
            }
          }
        }
      }
      return finish(top, &s)
    }
    for block in inBand {
      let base = blockScore[block.grade]
      if let worst = top.worst, base + cap < worst.score { continue }
      for pos in block.positions.clamped(to: band) {
        guard s.touchedAt[pos] != s.generation, s.excludedAt[pos] != s.generation else { continue }
        if cap == 0 {
          // Same score for the rest of the block, and ids only grow: nothing later fits either.
          guard !skillsRequired, top.admits(score: base, rank: rank[pos]) else { break }
          top.offer(TopK.Entry(score: base, rank: rank[pos], mentor: order[pos], covered: 0))
          continue
        }
        let covered = coverage(pos, &s)
        guard !skillsRequired || covered > 0 else { continue }
        let score = base + t.scaledSkillPoints(skillPoints, covered: covered, of: mass)
        if top.admits(score: score, rank: rank[pos]) {
          top.offer(TopK.Entry(score: score, rank: rank[pos], mentor: order[pos], covered: covered))
        }
      }
    }
    return finish(top, &s)
  }

  private func finish(_ top: TopK, _ s: inout SearchScratch) -> [TopK.Entry] {
    for c in s.maskedConcepts { s.conceptMask[Int(c)] = 0 }
    s.maskedConcepts.removeAll(keepingCapacity: true)
    return top.sorted()
  }

  /// Fills the concept masks for mentee `i`; false when the mentee wants more
  /// than 32 skills (then coverage is computed pair by pair).
  private func prepareMasks(_ i: Int, partial: Int, scratch s: inout SearchScratch) -> Bool {
    let wanted = tables.wanted[i]
    guard wanted.count <= 32 else { return false }
    for (slot, c) in wanted.enumerated() {
      s.slotWeight[slot] = tables.weight[Int(c)]
      s.conceptMask[Int(c)] |= 1 << UInt64(slot)
      s.maskedConcepts.append(c)
      guard partial > 0 else { continue }
      for other in relatedConcepts[Int(c)] {
        s.conceptMask[Int(other)] |= 1 << UInt64(32 + slot)
        s.maskedConcepts.append(other)
      }
    }
    return true
  }

  /// Σ weight × credit for the mentor at `pos`: the same value as
  /// ``CohortTables/coverage(_:_:partial:)``, from one mask lookup per offered concept.
  @inline(__always)
  private func maskedCoverage(_ pos: Int, partial: Int, scratch s: inout SearchScratch) -> Int {
    var mask: UInt64 = 0
    for index in offeredStart[pos]..<offeredStart[pos + 1] { mask |= s.conceptMask[Int(offeredFlat[index])] }
    var full = mask & 0xFFFF_FFFF
    var close = (mask >> 32) & ~full
    var covered = 0
    while full != 0 {
      covered += s.slotWeight[full.trailingZeroBitCount] * 1000
      full &= full - 1
    }
    while close != 0 {
      covered += s.slotWeight[close.trailingZeroBitCount] * partial
      close &= close - 1
    }
    return covered
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
