extension CandidateIndex {
  /// The `k` best eligible mentors for mentee `i`, best first: identical to
  /// scoring every pair (see `docs/scoring.md`, "Exact top-K").
  ///
  /// Every rule but `grade-gap` is accumulated term at a time over posting
  /// lists restricted to the allowed grade band (Turtle & Flood, "Query
  /// evaluation: strategies and optimizations", IP&M 1995), skill coverage
  /// included (one credit per wanted skill, exact before partial), so each
  /// touched mentor's score is known but for one division; see
  /// ``select(_:k:blockScore:skills:_:_:_:bounds:histogram:)`` for how few are finished.
  /// A mentor no list touched scores exactly its grade block's constant, so
  /// whole blocks are skipped when that cannot enter the top K, and a block is
  /// scanned only until its next untouched mentor (same score, larger id) would lose.
  func search(_ i: Int, k: Int, scratch s: inout SearchScratch) -> [TopK.Entry] {
    let t = tables
    let band = self.band(ofMentee: i)
    guard !band.isEmpty, k > 0 else { return [] }
    if denseFits, path == .dense || (path == .auto && prefersDense(i)),
      let top = searchDense(i, k: k, band: band, scratch: &s.dense)
    {
      return top
    }
    // Moved out of the scratch so the hot loops own them (no copy-on-write checks).
    var slots: [Accumulator] = [], touched: [Int32] = []
    swap(&slots, &s.slots)
    swap(&touched, &s.touched)
    defer {
      swap(&slots, &s.slots)
      swap(&touched, &s.touched)
    }
    slots.nextGeneration(&s.generation)
    touched.removeAll(keepingCapacity: true)
    let generation = s.generation
    for j in t.selves[i] { slots[Int(position[Int(j)])].excludedAt = generation }

    var constant = 0
    var requiredLists = 0
    var skills = SkillTerms(points: 0, mass: t.wantedMass[i], required: false)
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
          slots.touch(pos, generation, &touched)
          slots[pos].points += rule.points
          if rule.required { slots[pos].hits += 1 }
        }
      case .different:
        constant += rule.points
        let value = t.menteeValue[r][i]
        guard value >= 0 else { continue }
        let posting = valuePostings[r][value] ?? []
        for index in slice(posting, band) {
          let pos = Int(posting[index])
          if rule.required {
            slots[pos].excludedAt = generation
          } else {
            slots.touch(pos, generation, &touched)
            slots[pos].points -= rule.points
          }
        }
      case .contains:
        let items = t.menteeItems[r][i]
        guard !items.isEmpty else {
          if rule.required { return [] }
          continue
        }
        if rule.required { requiredLists += 1 }
        let mark = slots.nextMark(&s.mark)
        for item in items {
          let posting = valuePostings[r][item] ?? []
          for index in slice(posting, band) {
            let pos = Int(posting[index])
            guard slots[pos].markedAt != mark else { continue }
            slots[pos].markedAt = mark
            slots.touch(pos, generation, &touched)
            slots[pos].points += rule.points
            if rule.required { slots[pos].hits += 1 }
          }
        }
      case .skills(let partial):
        skills = SkillTerms(points: rule.points, mass: t.wantedMass[i], required: rule.required)
        accumulateCoverage(i, partial: partial, band: band, &slots, &touched, generation, &s.mark)
      case .notLineManager(let wholeLine):
        let chain = t.menteeChain[i]
        for boss in wholeLine ? chain : Array(chain.prefix(1)) {
          for pos in mentorsByEmail[boss] ?? [] { slots[Int(pos)].excludedAt = generation }
        }
        let email = t.menteeEmail[i]
        if wholeLine, email >= 0 {
          for pos in mentorsBelow[email] ?? [] { slots[Int(pos)].excludedAt = generation }
        }
      case .noRepeat:
        for j in t.prior[i] { slots[Int(position[Int(j)])].excludedAt = generation }
      }
    }

    var blockScore = [Int](repeating: 0, count: (blocks.last?.grade ?? 0) + 1)
    for block in blocks where block.positions.overlaps(band) {
      blockScore[block.grade] = gradePoints(i, mentorGrade: block.grade) + constant
    }
    var top = select(requiredLists, k: k, blockScore: blockScore, skills: skills, slots, touched, generation,
                     bounds: &s.bounds, histogram: &s.histogram)
    // Untouched mentors can qualify only when no required rule needs a list hit;
    // they share no wanted or related skill and no listed value, so they score
    // exactly their block's constant.
    guard requiredLists == 0, !skills.required else { return top.sorted() }
    let inBand = blocks.filter { $0.positions.overlaps(band) }.sorted { blockScore[$0.grade] > blockScore[$1.grade] }
    for block in inBand {
      let base = blockScore[block.grade]
      if let worst = top.worst, base < worst.score { continue }
      for pos in block.positions.clamped(to: band) {
        guard slots[pos].touchedAt != generation, slots[pos].excludedAt != generation else { continue }
        // Same score for the rest of the block, and ids only grow: nothing later fits either.
        guard top.admits(score: base, rank: rank[pos]) else { break }
        top.offer(TopK.Entry(score: base, rank: rank[pos], mentor: order[pos], covered: 0))
      }
    }
    return top.sorted()
  }

  /// Adds, per mentor in `band`, the skills rule's Σ weight × credit over
  /// mentee `i`'s wanted skills: full credit from the skill's own list, else
  /// `partial` once from any related concept's list. The same value as
  /// ``CohortTables/coverage(_:_:partial:)``.
  private func accumulateCoverage(_ i: Int, partial: Int, band: Range<Int>, _ slots: inout [Accumulator],
                                  _ touched: inout [Int32], _ generation: UInt32, _ mark: inout UInt32) {
    let t = tables
    for c in t.wanted[i] {
      let weight = t.weight[Int(c)]
      let stamp = slots.nextMark(&mark)
      let posting = conceptPostings[Int(c)]
      for index in slice(posting, band) {
        let pos = Int(posting[index])
        slots.touch(pos, generation, &touched)
        slots[pos].markedAt = stamp
        slots[pos].covered += weight * 1000
      }
      guard partial > 0 else { continue }
      // Related = parents, their children (siblings) and own children. The
      // parents' family lists also hold `c`'s own mentors, marked just above.
      for list in 0..<(t.parents[Int(c)].count + t.children[Int(c)].count) {
        let parents = t.parents[Int(c)]
        let posting = list < parents.count
          ? familyPostings[Int(parents[list])] : conceptPostings[Int(t.children[Int(c)][list - parents.count])]
        for index in slice(posting, band) {
          let pos = Int(posting[index])
          guard slots[pos].markedAt != stamp else { continue }
          slots[pos].markedAt = stamp
          slots.touch(pos, generation, &touched)
          slots[pos].covered += weight * partial
        }
      }
    }
  }

  /// Points every `grade-gap` rule pays a mentor of this grade (required ones
  /// already hold inside the band).
  func gradePoints(_ i: Int, mentorGrade: Int) -> Int {
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
