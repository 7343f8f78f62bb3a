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
  ///
  /// The list rules' tally is zero between searches: the band pass clears
  /// each stretch of it once read, or, when no list was added over the band
  /// (up to two `same` or `different` rules are read from ``columnCodes`` at
  /// the positions bounded instead), only the positions constraints ruled
  /// out. The coverage is kept, and brought to this mentee's from the last
  /// one's (``updateCoverage(to:band:_:_:_:)``).
  /// Nil in the case the pass cannot finish (see the end), for the caller to
  /// search again without it.
  func searchDense(_ i: Int, k: Int, band: Range<Int>, scratch d: inout DenseScratch) -> [TopK.Entry]? {
    if d.owner != ObjectIdentifier(self) { take(&d) }
    return wideCoverage
      ? searchDense(i, k: k, band: band, &d, coverage: Int.self)
      : searchDense(i, k: k, band: band, &d, coverage: Int32.self)
  }

  /// ``searchDense(_:k:band:scratch:)`` with the coverage in words of `W`.
  private func searchDense<W: CoverageWord>(_ i: Int, k: Int, band: Range<Int>, _ d: inout DenseScratch,
                                            coverage: W.Type) -> [TopK.Entry]? {
    let t = tables
    let lo = band.lowerBound
    // Moved out of the scratch, and written through spans, so the loops pay
    // no copy-on-write checks.
    var coveredStore: [W] = [], slotsStore: [UInt64] = [], marksStore: [UInt32] = [], carriedStore: [Int] = []
    var pickedStore: [Int32] = [], pickedBoundsStore: [Int] = [], gatheredStore: [Int32] = []
    swap(&pickedBoundsStore, &d.pickedBounds)
    swap(&coveredStore, &d[keyPath: W.store])
    swap(&slotsStore, &d.slots)
    swap(&marksStore, &d.marks)
    swap(&carriedStore, &d.carried)
    swap(&pickedStore, &d.picked)
    swap(&gatheredStore, &d.gathered)
    defer {
      swap(&gatheredStore, &d.gathered)
      swap(&pickedBoundsStore, &d.pickedBounds)
      swap(&coveredStore, &d[keyPath: W.store])
      swap(&slotsStore, &d.slots)
      swap(&marksStore, &d.marks)
      swap(&carriedStore, &d.carried)
      swap(&pickedStore, &d.picked)
    }
    var covered = coveredStore.mutableSpan, slots = slotsStore.mutableSpan
    var marks = marksStore.mutableSpan, carried = carriedStore.mutableSpan, picked = pickedStore.mutableSpan
    var pickedBounds = pickedBoundsStore.mutableSpan, gathered = gatheredStore.mutableSpan
    // A required list rule the mentee gives no value for passes no mentor;
    // skill points the band pass cannot bound by one multiplication are left
    // to the sparse path. Decided before any list is added, so the tally stays zero.
    var skills = SkillTerms(points: 0, mass: t.wantedMass[i], required: false)
    for (r, rule) in t.rules.enumerated() where t.applies(r, i) {
      switch rule.test {
      case .same where rule.required && t.menteeValue[r][i] < 0: return []
      case .contains where rule.required && t.menteeItems[r][i].isEmpty: return []
      case .skills:
        // In units of ``coverageUnit``, which the coverage is kept in;
        // ``wideCoverage`` is set when a mass does not fit 31 bits, so this
        // guard only keeps the words from overflowing.
        guard t.wantedMass[i] / coverageUnit <= Int(W.max) else { return nil }
        skills = SkillTerms(points: rule.points, mass: t.wantedMass[i] / coverageUnit, required: rule.required)
        guard skills.scaled else { return nil }
      default: continue
      }
    }
    // Every position a constraint rules out, to be cleared after the pass
    // when no list was added over the band.
    d.excluded.removeAll(keepingCapacity: true)
    exclude(t.selves[i].lazy.map { self.position[Int($0)] }, band, &slots, &d.excluded)

    var constant = 0
    // The index's column rules are read at the positions the band pass
    // bounds (``columnRules``), a few thousand of a band, instead of adding
    // their lists over it: each is the mentee's code and what a mentor
    // holding it adds to the tally. Any list added over the band
    // (`contains`, or a third such rule) leaves `listsAdded` set, and the
    // pass then clears the tallies behind it; otherwise only `d.excluded` is
    // cleared.
    var columns = ColumnTerms()
    var listsAdded = false
    var requiredLists = 0
    // How far the list rules can move a score up and down from its block's constant.
    var listGain = 0, listLoss = 0
    for (r, rule) in t.rules.enumerated() where t.applies(r, i) {
      switch rule.test {
      case .gradeGap:
        continue
      case .same:
        let value = t.menteeValue[r][i]
        guard value >= 0 else { continue }  // not required: checked above
        if rule.required { requiredLists += 1 }
        listGain += rule.points
        let add = Int32(rule.points) + (rule.required ? DenseScratch.hit : 0)
        if let column = columnRules.firstIndex(of: r) {
          columns.set(column, code: codeOfValue[column][Int(value)], add: Int(add))
          continue
        }
        listsAdded = true
        let posting = valuePostings[r][value] ?? []
        for index in slice(posting, band) { DenseScratch.add(add, at: Int(posting[index]), &slots) }
      case .different:
        constant += rule.points
        let value = t.menteeValue[r][i]
        guard value >= 0 else { continue }
        if !rule.required { listLoss += rule.points }
        let add = rule.required ? Int(DenseScratch.excluded) : -rule.points
        if let column = columnRules.firstIndex(of: r) {
          columns.set(column, code: codeOfValue[column][Int(value)], add: add)
          continue
        }
        listsAdded = true
        let posting = valuePostings[r][value] ?? []
        if rule.required {
          exclude(slice(posting, band).lazy.map { posting[$0] }, band, &slots, &d.excluded)
        } else {
          for index in slice(posting, band) { DenseScratch.add(Int32(-rule.points), at: Int(posting[index]), &slots) }
        }
      case .contains:
        let items = t.menteeItems[r][i]
        guard !items.isEmpty else { continue }  // not required: checked above
        if rule.required { requiredLists += 1 }
        listGain += rule.points
        listsAdded = true
        let add = Int32(rule.points) + (rule.required ? DenseScratch.hit : 0)
        // Posting lists hold each mentor once, so one item needs no marks.
        let stamp = items.count > 1 ? DenseScratch.nextMark(&d.mark, &marks) : 0
        for item in items {
          let posting = valuePostings[r][item] ?? []
          for index in slice(posting, band) {
            let pos = Int(posting[index])
            if stamp > 0 {
              guard marks[pos - lo] != stamp else { continue }
              marks[pos - lo] = stamp
            }
            DenseScratch.add(add, at: pos, &slots)
          }
        }
      case .skills:
        continue  // below, for every mentee
      case .notLineManager(let wholeLine):
        let chain = t.menteeChain[i]
        for boss in wholeLine ? chain : Array(chain.prefix(1)) {
          exclude(mentorsByEmail[boss] ?? [], band, &slots, &d.excluded)
        }
        let email = t.menteeEmail[i]
        if wholeLine, email >= 0 { exclude(mentorsBelow[email] ?? [], band, &slots, &d.excluded) }
      case .noRepeat:
        exclude(t.prior[i].lazy.map { self.position[Int($0)] }, band, &slots, &d.excluded)
      }
    }

    // The coverage of the mentee's wanted skills; none when the skills rule
    // does not apply to the mentee.
    let wanted = skillsRule.map { t.applies($0.index, i) } == true ? t.wanted[i] : []
    updateCoverage(to: wanted, band: band, &covered, &marks, &d)

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
    high += listGain + skills.scaledBound(skills.mass)
    var shift = 0
    while (high - low) >> shift >= 4096 { shift += 1 }
    let buckets = ((high - low) >> shift) + 1
    var histogramStore: [Int32] = []
    swap(&histogramStore, &d.histogram)
    defer { swap(&histogramStore, &d.histogram) }
    histogramStore.removeAll(keepingCapacity: true)
    histogramStore.append(contentsOf: repeatElement(0, count: buckets))
    var counts = histogramStore.mutableSpan
    var eligible = 0
    // One pass over the band (the positions reaching the coverage floor
    // gathered first, then read; the tally cleared behind them) keeps every
    // mentor bound at least `running` (position in `picked`, bound in
    // `pickedBounds`, coverage in `carried`), counting only those in the histogram:
    // `running` is the cutoff of the histogram so far, renewed after an
    // eighth of ``renewal`` positions (512 in a run), then after twice as
    // many each time up to ``renewal``: until the first renewal every
    // eligible mentor is picked, so it comes early. Most of a band falls
    // below `running`, so the pass stores nothing for them. The histogram holds every mentor bound at least the
    // last `running`, and the K-th best of those is the K-th best so far
    // (it lies above `running`), so `running` only rises, never passes the
    // final cutoff, and `picked` holds, in band order, every mentor bound
    // at or above that cutoff, with no second pass over the band.
    var running = Int.min, count = 0
    var step = Swift.max(1, renewal >> 3), renewAt = step
    for block in blocks where block.positions.overlaps(band) {
      let score = blockScore[block.grade]
      let positions = block.positions.clamped(to: band)
      var x = positions.lowerBound &- lo
      let end = positions.upperBound &- lo
      // Checked once here, so that the compiler drops the check per read.
      precondition(x >= 0 && lo &+ end <= slots.count && end <= covered.count)
      while x < end {
        // Up to and including the next renewal point, or the block's end:
        // the loop below has no renewal test of its own.
        let stop = renewAt >= x && renewAt < end ? renewAt &+ 1 : end
        // Once there is a running cutoff, a mentor whose coverage is under
        // `floor` bounds below it even with every list point, so most of the
        // band is passed over on its coverage alone: no tally read, no bound.
        // (`eligible` then no longer counts those. It is past K already, and
        // nothing reads more of it than that.)
        let floor = running == Int.min ? 0 : skills.coverageFloor(reaching: running &- score &- listGain)
        // The positions reaching the floor, gathered first (``BandGather``),
        // then read; the stretch's tally is cleared after them.
        let found = W.gather(covered.span.extracting(x..<stop), floor: floor, into: &gathered)
        for g in 0..<found {
          let y = x &+ Int(gathered[g])
          let c = Int(covered[y])
          // In 64 bits: a column's exclusion added to a tally already
          // excluded stays far below eligible, with no overflow. A column
          // the mentee does not read has code ``DenseScratch/noMentorCode``,
          // which no mentor holds.
          let slot = slots[lo &+ y]
          var t = Int(DenseScratch.tally(slot))
          if UInt16(truncatingIfNeeded: slot &>> 32) == columns.code0 { t &+= columns.add0 }
          if UInt16(truncatingIfNeeded: slot &>> 48) == columns.code1 { t &+= columns.add1 }
          if DenseScratch.eligible(t, required: requiredLists), !skills.required || c > 0 {
            eligible &+= 1
            // Within low...high (see above), far from overflow.
            let bound = score &+ DenseScratch.points(t) &+ skills.scaledBound(c)
            if bound >= running {
              counts[Swift.min(Swift.max((high &- bound) >> shift, 0), buckets - 1)] &+= 1
              picked[count] = Int32(truncatingIfNeeded: y)
              pickedBounds[count] = bound
              carried[count] = c
              count &+= 1
            }
          }
        }
        if listsAdded { for y in (lo &+ x)..<(lo &+ stop) { slots[y] &= DenseScratch.codesMask } }
        if stop &- 1 == renewAt {
          step = Swift.min(step &* 2, renewal)
          renewAt &+= step
          if eligible > k { running = Self.cutoff(counts.span, shift: shift, low: low, high: high, k: k) }
        }
        x = stop
      }
    }
    if !listsAdded { for pos in d.excluded { slots[Int(pos)] &= DenseScratch.codesMask } }
    guard eligible > 0 else { return [] }
    let histogram = counts.span
    if skills.points == 0, shift == 0,
      let top = exactTop(lo, k: k, eligible: eligible, high: high, histogram, count: count, picked.span,
                         pickedBounds.span, carried.span)
    {
      return top
    }
    let cutoff = eligible > k ? Self.cutoff(histogram, shift: shift, low: low, high: high, k: k) : low
    var top = TopK(k: k)
    offer(lo, from: cutoff, below: Int.max, count: count, skills, picked.span, pickedBounds.span, carried.span, &top)
    if let worst = top.worst, worst.score >= cutoff { return top.sorted() }
    // The guess was too high: finish the picked mentors below it that could still enter.
    offer(lo, from: Int.min + 1, below: cutoff, count: count, skills, picked.span, pickedBounds.span, carried.span, &top)
    // Every mentor not picked is bound below `running`.
    if running == Int.min || (top.worst.map { $0.score >= running } ?? false) { return top.sorted() }
    return nil
  }

  /// The top K when every bound is the exact score (no skill points to
  /// divide) and the histogram has one bucket per score: the K-th best score
  /// is read off the histogram, every picked mentor scoring at least that is
  /// gathered and the few gathered are sorted, with no heap.
  /// Nil when ties at the K-th score would gather too many (more than 4K + 64),
  /// for the heap to handle.
  private func exactTop(_ lo: Int, k: Int, eligible: Int, high: Int, _ counts: Span<Int32>, count: Int,
                        _ picked: Span<Int32>, _ bounds: Span<Int>, _ covered: Span<Int>) -> [TopK.Entry]? {
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
    // The band pass picked everyone bound at least its running cutoff, 2 or
    // more below `floor`, so everyone scoring at least `floor`.
    for n in 0..<count where bounds[n] >= floor {
      let pos = lo + Int(picked[n])
      gathered.append(TopK.Entry(score: bounds[n], rank: rank[pos], mentor: order[pos], covered: covered[n] * coverageUnit))
    }
    // With K of them (or every eligible mentor) the best K of these are the best K of the band.
    guard gathered.count >= Swift.min(k, eligible) else { return nil }
    // Gathered in band order: by rank within each grade block.
    return Array(TopK.bestFirstByScore(gathered).prefix(k))
  }

  /// Scores exactly the picked mentors bound in `floor..<ceiling` that could
  /// still enter the top K: the bound less the skills bound the band pass
  /// added is the block constant and list points, so only the skills term is
  /// computed again.
  private func offer(_ lo: Int, from floor: Int, below ceiling: Int, count: Int, _ skills: SkillTerms,
                     _ picked: Span<Int32>, _ bounds: Span<Int>, _ covered: Span<Int>, _ top: inout TopK) {
    for n in 0..<count {
      let bound = bounds[n]
      guard bound >= floor, bound < ceiling else { continue }
      if let worst = top.worst, bound < worst.score { continue }
      let pos = lo + Int(picked[n])
      let c = covered[n]
      let score = bound - skills.scaledBound(c) + skills.exact(c)
      if top.admits(score: score, rank: rank[pos]) {
        top.offer(TopK.Entry(score: score, rank: rank[pos], mentor: order[pos], covered: c * coverageUnit))
      }
    }
  }

  /// Brings `covered` from the coverage `d` says it holds to the coverage
  /// of `wanted` (sorted) over `band`: from zero when the band is not the
  /// last one's, else by taking away each skill only the last mentee wanted
  /// and adding each only this one wants. Each skill's credit over a band is
  /// a fixed set of (position, amount), so taking it away undoes adding it
  /// exactly, and `covered` ends as if this mentee's skills had been added
  /// to zero, whatever came before.
  func updateCoverage<W: CoverageWord>(to wanted: [Int32], band: Range<Int>, _ covered: inout MutableSpan<W>,
                      _ marks: inout MutableSpan<UInt32>, _ d: inout DenseScratch) {
    // No skills rule: nothing is ever added, and the coverage stays zero.
    guard let partial = skillsRule?.partial else { return }
    if d.coveredBand != band {
      if !d.coveredSkills.isEmpty {
        precondition(d.coveredBand.count <= covered.count)
        for x in 0..<d.coveredBand.count { covered[x] = 0 }
      }
      d.coveredSkills = []
      d.coveredBand = band
    }
    let held = d.coveredSkills
    var a = 0, b = 0
    while a < held.count || b < wanted.count {
      if b == wanted.count || (a < held.count && held[a] < wanted[b]) {
        addCoverage(of: held[a], times: -1, partial: partial, band: band, &covered, &marks, &d.mark)
        a += 1
      } else if a == held.count || wanted[b] < held[a] {
        addCoverage(of: wanted[b], times: 1, partial: partial, band: band, &covered, &marks, &d.mark)
        b += 1
      } else {
        a += 1
        b += 1
      }
    }
    d.coveredSkills = wanted
  }

  /// Adds `sign` times wanted skill `c`'s Σ weight × credit per band
  /// position, as ``CohortTables/coverage(_:_:partial:)`` defines it, in
  /// units of ``coverageUnit``. Added modulo 2³²: whatever the sums on the
  /// way, each position ends holding its coverage of the mentee's skills,
  /// which fits (see ``searchDense(_:k:band:scratch:)``).
  private func addCoverage<W: CoverageWord>(of c: Int32, times sign: Int, partial: Int, band: Range<Int>,
                           _ covered: inout MutableSpan<W>, _ marks: inout MutableSpan<UInt32>,
                           _ mark: inout UInt32) {
    let t = tables
    let lo = band.lowerBound
    let weight = sign * t.weight[Int(c)]
    let unit = coverageUnit
    let full = W(truncatingIfNeeded: weight * (1000 / unit))
    let part = W(truncatingIfNeeded: weight * (partial / unit))
    let rest = W(truncatingIfNeeded: weight * ((1000 - partial) / unit))
    let own = conceptPostings[Int(c)]
    let parents = t.parents[Int(c)], children = t.children[Int(c)]
    // One list of every related mentor once, `c`'s own among them, if the
    // index has it: the one parent's family, or ``relatedPostings``.
    let once = parents.count == 1 && children.isEmpty ? familyPostings[Int(parents[0])] : relatedPostings[Int(c)]
    if partial == 0 || (parents.isEmpty && children.isEmpty) {
      for index in slice(own, band) { covered[Int(own[index]) - lo] &+= full }
    } else if !once.isEmpty {
      // Partial credit to all of it, then the rest of full credit to the own, with no marks.
      for index in slice(once, band) { covered[Int(once[index]) - lo] &+= part }
      for index in slice(own, band) { covered[Int(own[index]) - lo] &+= rest }
    } else {
      let stamp = DenseScratch.nextMark(&mark, &marks)
      for index in slice(own, band) {
        let x = Int(own[index]) - lo
        marks[x] = stamp
        covered[x] &+= full
      }
      for list in 0..<(parents.count + children.count) {
        let posting = list < parents.count
          ? familyPostings[Int(parents[list])] : conceptPostings[Int(children[list - parents.count])]
        for index in slice(posting, band) {
          let x = Int(posting[index]) - lo
          guard marks[x] != stamp else { continue }
          marks[x] = stamp
          covered[x] &+= part
        }
      }
    }
  }

  /// Rules out the positions inside the band, and records them in `excluded`.
  private func exclude(_ positions: some Sequence<Int32>, _ band: Range<Int>, _ slots: inout MutableSpan<UInt64>,
                       _ excluded: inout [Int32]) {
    for pos in positions where band.contains(Int(pos)) {
      slots[Int(pos)] = DenseScratch.slot(slots[Int(pos)], tally: DenseScratch.excluded)
      excluded.append(pos)
    }
  }

  /// Makes `d` this index's: its column codes in every slot, with tallies
  /// of zero, and no coverage carried from another index's search, in the
  /// words this index keeps it in (the 64-bit ones made only for an index
  /// that needs them).
  private func take(_ d: inout DenseScratch) {
    precondition(d.slots.count >= order.count)
    for pos in order.indices {
      let code0 = columnCodes.count > 0 ? columnCodes[0][pos] : DenseScratch.blankCode
      let code1 = columnCodes.count > 1 ? columnCodes[1][pos] : DenseScratch.blankCode
      d.slots[pos] = UInt64(code0) << 32 | UInt64(code1) << 48
    }
    if wideCoverage {
      d.wideCovered = Array(repeating: 0, count: d.covered.count)
    } else {
      for x in d.covered.indices { d.covered[x] = 0 }
    }
    d.coveredSkills = []
    d.coveredBand = 0..<0
    d.owner = ObjectIdentifier(self)
  }
}

/// What one mentee reads from the index's column rules
/// (``CandidateIndex/columnRules``) in ``CandidateIndex/searchDense(_:k:band:scratch:)``:
/// a mentor whose code is `code0` adds `add0` to its tally, and likewise
/// for the second. In fixed fields so the band pass's loop holds them in
/// registers; a column the mentee does not read keeps a code no mentor holds.
struct ColumnTerms {
  private(set) var code0 = DenseScratch.noMentorCode, add0 = 0
  private(set) var code1 = DenseScratch.noMentorCode, add1 = 0

  /// Column `column` (0 or 1) of ``CandidateIndex/columnRules``: a mentor
  /// holding `code` adds `add`.
  mutating func set(_ column: Int, code: UInt16, add: Int) {
    if column == 0 { (code0, add0) = (code, add) } else { (code1, add1) = (code, add) }
  }
}

/// A word the dense pass keeps a band position's coverage in (see
/// ``DenseScratch/covered``): 32 bits unless a mentee's mass does not fit
/// them (``CandidateIndex/wideCoverage``).
protocol CoverageWord: FixedWidthInteger, SignedInteger {
  /// The scratch's array of these words.
  static var store: WritableKeyPath<DenseScratch, [Self]> { get }
  /// ``BandGather/gather(_:floor:into:level:)`` for these words.
  static func gather(_ covered: Span<Self>, floor: Int, into out: inout MutableSpan<Int32>) -> Int
}

extension Int32: CoverageWord {
  static var store: WritableKeyPath<DenseScratch, [Int32]> { \.covered }

  /// A floor past 32 bits is `Int32.max`: only coverages below it are
  /// passed over, and the pass bounds the few at it again.
  static func gather(_ covered: Span<Int32>, floor: Int, into out: inout MutableSpan<Int32>) -> Int {
    BandGather.gather(covered, floor: Int32(clamping: floor), into: &out)
  }
}

extension Int: CoverageWord {
  static var store: WritableKeyPath<DenseScratch, [Int]> { \.wideCovered }

  static func gather(_ covered: Span<Int>, floor: Int, into out: inout MutableSpan<Int32>) -> Int {
    BandGather.gather(covered, floor: floor, into: &out)
  }
}
