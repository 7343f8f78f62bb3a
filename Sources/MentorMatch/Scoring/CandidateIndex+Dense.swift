extension CandidateIndex {
  /// Whether mentee `i`'s lists hold so many postings that most of the grade
  /// band will be touched: then ``searchDense(_:k:band:scratch:)`` is cheaper
  /// than tracking touched mentors. Estimated from whole-list lengths, which
  /// the band cuts in about the same proportion; either path gives the same list.
  func prefersDense(_ i: Int) -> Bool {
    let t = tables
    var postings = 0
    for (r, rule) in t.rules.enumerated() where t.applies(r, i) {
      switch rule.test {
      case .same, .different:
        let value = t.menteeValue[r][i]
        if value >= 0 { postings += valuePostings[r][value]?.count ?? 0 }
      case .contains:
        for item in t.menteeItems[r][i] { postings += valuePostings[r][item]?.count ?? 0 }
      case .skills(let partial):
        for c in t.wanted[i] {
          postings += conceptPostings[Int(c)].count
          guard partial > 0 else { continue }
          for parent in t.parents[Int(c)] { postings += familyPostings[Int(parent)].count }
          for child in t.children[Int(c)] { postings += conceptPostings[Int(child)].count }
        }
      case .gradeGap, .notLineManager, .noRepeat:
        continue
      }
    }
    return postings * 4 >= order.count
  }

  /// The same list as ``search(_:k:scratch:)`` with one accumulator per
  /// position of the grade band instead of per touched mentor: the lists add
  /// into plain arrays (no first-touch test, no touched list), and selection
  /// reads the band in order, every mentor untouched or not.
  func searchDense(_ i: Int, k: Int, band: Range<Int>, scratch d: inout DenseScratch) -> [TopK.Entry] {
    let t = tables
    let lo = band.lowerBound
    // Moved out of the scratch, and written through spans, so the loops pay
    // no copy-on-write checks.
    var coveredStore: [Int] = [], tallyStore: [Int] = [], marksStore: [UInt32] = [], boundsStore: [Int] = []
    var pickedStore: [Int32] = []
    swap(&coveredStore, &d.covered)
    swap(&tallyStore, &d.tally)
    swap(&marksStore, &d.marks)
    swap(&boundsStore, &d.bounds)
    swap(&pickedStore, &d.picked)
    defer {
      swap(&coveredStore, &d.covered)
      swap(&tallyStore, &d.tally)
      swap(&marksStore, &d.marks)
      swap(&boundsStore, &d.bounds)
      swap(&pickedStore, &d.picked)
    }
    var covered = coveredStore.mutableSpan, tally = tallyStore.mutableSpan
    var marks = marksStore.mutableSpan, bounds = boundsStore.mutableSpan, picked = pickedStore.mutableSpan
    for x in 0..<band.count {
      covered[x] = 0
      tally[x] = 0
    }
    exclude(t.selves[i].lazy.map { self.position[Int($0)] }, band, &tally)

    var constant = 0
    var requiredLists = 0
    // How far the list rules can move a score up and down from its block's constant.
    var listGain = 0, listLoss = 0
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
        listGain += rule.points
        let add = rule.points + (rule.required ? DenseScratch.hit : 0)
        let posting = valuePostings[r][value] ?? []
        for index in slice(posting, band) { tally[Int(posting[index]) - lo] += add }
      case .different:
        constant += rule.points
        let value = t.menteeValue[r][i]
        guard value >= 0 else { continue }
        let posting = valuePostings[r][value] ?? []
        if rule.required {
          for index in slice(posting, band) { tally[Int(posting[index]) - lo] = DenseScratch.excluded }
        } else {
          listLoss += rule.points
          for index in slice(posting, band) { tally[Int(posting[index]) - lo] -= rule.points }
        }
      case .contains:
        let items = t.menteeItems[r][i]
        guard !items.isEmpty else {
          if rule.required { return [] }
          continue
        }
        if rule.required { requiredLists += 1 }
        listGain += rule.points
        let add = rule.points + (rule.required ? DenseScratch.hit : 0)
        // Posting lists hold each mentor once, so one item needs no marks.
        let stamp = items.count > 1 ? DenseScratch.nextMark(&d.mark, &marks) : 0
        for item in items {
          let posting = valuePostings[r][item] ?? []
          for index in slice(posting, band) {
            let x = Int(posting[index]) - lo
            if stamp > 0 {
              guard marks[x] != stamp else { continue }
              marks[x] = stamp
            }
            tally[x] += add
          }
        }
      case .skills(let partial):
        skills = SkillTerms(points: rule.points, mass: t.wantedMass[i], required: rule.required)
        accumulateCoverage(i, partial: partial, band: band, &covered, &marks, &d.mark)
      case .notLineManager(let wholeLine):
        let chain = t.menteeChain[i]
        for boss in wholeLine ? chain : Array(chain.prefix(1)) { exclude(mentorsByEmail[boss] ?? [], band, &tally) }
        let email = t.menteeEmail[i]
        if wholeLine, email >= 0 { exclude(mentorsBelow[email] ?? [], band, &tally) }
      case .noRepeat:
        exclude(t.prior[i].lazy.map { self.position[Int($0)] }, band, &tally)
      }
    }

    // Bound every eligible mentor of the band, then score exactly only those
    // near the K-th best bound, as ``select(_:k:blockScore:skills:_:_:_:bounds:histogram:)`` does.
    var blockScore = [Int](repeating: 0, count: (blocks.last?.grade ?? 0) + 1)
    var low = Int.max, high = Int.min
    for block in blocks where block.positions.overlaps(band) {
      blockScore[block.grade] = gradePoints(i, mentorGrade: block.grade) + constant
      low = Swift.min(low, blockScore[block.grade])
      high = Swift.max(high, blockScore[block.grade])
    }
    // Every bound lies in low...high (coverage never exceeds the mass), so the
    // histogram fills in the same pass; the clamp only guards the guess.
    low -= listLoss
    high += listGain + skills.bound(skills.mass)
    var shift = 0
    while (high - low) >> shift >= 4096 { shift += 1 }
    let buckets = ((high - low) >> shift) + 1
    var histogramStore: [Int32] = []
    swap(&histogramStore, &d.histogram)
    defer { swap(&histogramStore, &d.histogram) }
    // Four interleaved histograms when the band is large against them: most
    // of a band scores its block's constant, and a run of mentors in one
    // bucket then adds to four counters in turn, so no increment waits for
    // the one before it to be stored. Summed into the first `buckets` after.
    let lanes = band.count >= 16 * buckets ? 4 : 1
    histogramStore.removeAll(keepingCapacity: true)
    histogramStore.append(contentsOf: repeatElement(0, count: buckets * lanes))
    var counts = histogramStore.mutableSpan
    var eligible = 0
    for block in blocks where block.positions.overlaps(band) {
      let score = blockScore[block.grade]
      for pos in block.positions.clamped(to: band) {
        let x = pos - lo
        var bound = Int.min
        if DenseScratch.eligible(tally[x], required: requiredLists), !skills.required || covered[x] > 0 {
          // Within low...high (see above), far from overflow.
          bound = score &+ DenseScratch.points(tally[x]) &+ skills.bound(covered[x])
          let bucket = Swift.min(Swift.max((high &- bound) >> shift, 0), buckets - 1)
          counts[bucket &* lanes &+ (x & (lanes - 1))] &+= 1
          eligible += 1
        }
        bounds[x] = bound
      }
    }
    guard eligible > 0 else { return [] }
    if lanes == 4 {
      // In place: bucket b reads 4b...4b+3, never below b.
      for b in 0..<buckets { counts[b] = counts[4 * b] &+ counts[4 * b + 1] &+ counts[4 * b + 2] &+ counts[4 * b + 3] }
    }
    let histogram = counts.span.extracting(0..<buckets)
    if skills.points == 0, shift == 0,
      let top = exactTop(band, k: k, eligible: eligible, high: high, histogram, bounds.span, covered.span)
    {
      return top
    }
    let cutoff = eligible > k ? Self.cutoff(histogram, shift: shift, low: low, high: high, k: k) : low
    var top = TopK(k: k)
    offer(band, from: cutoff, below: Int.max, blockScore, skills, bounds.span, covered.span, tally.span, &picked, &top)
    if let worst = top.worst, worst.score >= cutoff { return top.sorted() }
    // The guess was too high: finish the mentors below it that could still enter.
    offer(band, from: Int.min + 1, below: cutoff, blockScore, skills, bounds.span, covered.span, tally.span, &picked,
          &top)
    return top.sorted()
  }

  /// The top K when every bound is the exact score (no skill points to
  /// divide) and the histogram has one bucket per score: the K-th best score
  /// is read off the histogram, every mentor scoring at least that is
  /// gathered in one pass and the few gathered are sorted, with no heap.
  /// Nil when ties at the K-th score would gather too many (more than 4K + 64),
  /// for the heap to handle.
  private func exactTop(_ band: Range<Int>, k: Int, eligible: Int, high: Int, _ counts: Span<Int32>,
                        _ bounds: Span<Int>, _ covered: Span<Int>) -> [TopK.Entry]? {
    // Bucket d holds the score high − d: find the K-th best.
    var floor = Int.min + 1, atLeast = eligible
    if eligible > k {
      var seen = 0
      for d in 0..<counts.count {
        seen += Int(counts[d])
        if seen >= k {
          floor = high - d
          atLeast = seen
          break
        }
      }
    }
    guard atLeast <= 4 * k + 64 else { return nil }
    var gathered: [TopK.Entry] = []
    gathered.reserveCapacity(atLeast)
    for x in 0..<band.count where bounds[x] >= floor {
      let pos = band.lowerBound + x
      gathered.append(TopK.Entry(score: bounds[x], rank: rank[pos], mentor: order[pos], covered: covered[x]))
    }
    // Everyone scoring at least `floor` is here; with K of them (or every
    // eligible mentor) the best K of these are the best K of the band.
    guard gathered.count >= Swift.min(k, eligible) else { return nil }
    // Gathered in band order: by rank within each grade block.
    return Array(TopK.bestFirstByScore(gathered).prefix(k))
  }

  /// Scores exactly the band's mentors bound in `floor..<ceiling` that could
  /// still enter the top K. Which bounds pass is unpredictable, so the band is
  /// first filtered into `picked` without branching on it.
  private func offer(_ band: Range<Int>, from floor: Int, below ceiling: Int, _ blockScore: [Int], _ skills: SkillTerms,
                     _ bounds: Span<Int>, _ covered: Span<Int>, _ tally: Span<Int>, _ picked: inout MutableSpan<Int32>,
                     _ top: inout TopK) {
    var count = 0
    for x in 0..<band.count {
      let bound = bounds[x]
      picked[count] = Int32(x)
      count += bound >= floor && bound < ceiling ? 1 : 0
    }
    for n in 0..<count {
      let x = Int(picked[n])
      if let worst = top.worst, bounds[x] < worst.score { continue }
      let pos = band.lowerBound + x
      let score = blockScore[gradeAt[pos]] + DenseScratch.points(tally[x]) + skills.exact(covered[x])
      if top.admits(score: score, rank: rank[pos]) {
        top.offer(TopK.Entry(score: score, rank: rank[pos], mentor: order[pos], covered: covered[x]))
      }
    }
  }

  /// Adds the skills rule's Σ weight × credit per band position, as
  /// ``CohortTables/coverage(_:_:partial:)`` defines it.
  private func accumulateCoverage(_ i: Int, partial: Int, band: Range<Int>, _ covered: inout MutableSpan<Int>,
                                  _ marks: inout MutableSpan<UInt32>, _ mark: inout UInt32) {
    let t = tables
    let lo = band.lowerBound
    for c in t.wanted[i] {
      let weight = t.weight[Int(c)]
      let own = conceptPostings[Int(c)]
      let parents = t.parents[Int(c)], children = t.children[Int(c)]
      if partial == 0 || (parents.isEmpty && children.isEmpty) {
        for index in slice(own, band) { covered[Int(own[index]) - lo] += weight * 1000 }
      } else if parents.count == 1 && children.isEmpty {
        // The one related list, the parent's family, holds `c`'s own mentors
        // too: partial credit to all of it, then the rest of full credit to them.
        let family = familyPostings[Int(parents[0])]
        for index in slice(family, band) { covered[Int(family[index]) - lo] += weight * partial }
        for index in slice(own, band) { covered[Int(own[index]) - lo] += weight * (1000 - partial) }
      } else {
        let stamp = DenseScratch.nextMark(&mark, &marks)
        for index in slice(own, band) {
          let x = Int(own[index]) - lo
          marks[x] = stamp
          covered[x] += weight * 1000
        }
        for list in 0..<(parents.count + children.count) {
          let posting = list < parents.count
            ? familyPostings[Int(parents[list])] : conceptPostings[Int(children[list - parents.count])]
          for index in slice(posting, band) {
            let x = Int(posting[index]) - lo
            guard marks[x] != stamp else { continue }
            marks[x] = stamp
            covered[x] += weight * partial
          }
        }
      }
    }
  }

  /// Rules out the positions inside the band.
  private func exclude(_ positions: some Sequence<Int32>, _ band: Range<Int>, _ tally: inout MutableSpan<Int>) {
    for pos in positions where band.contains(Int(pos)) { tally[Int(pos) - band.lowerBound] = DenseScratch.excluded }
  }
}
