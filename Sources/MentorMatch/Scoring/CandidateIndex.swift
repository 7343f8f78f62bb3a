/// The mentor-side index for exact top-K search: mentors laid out by (grade,
/// id) so each grade is one contiguous block and an allowed grade band is one
/// range of positions; posting lists of positions per skill concept and per
/// field value, each sorted so a band is a sub-range found by binary search.
final class CandidateIndex: Sendable {
  /// How a search accumulates: per touched mentor, per band position, or
  /// chosen per mentee by ``prefersDense(_:)``. Tests force each.
  enum SearchPath: Sendable {
    case auto, sparse, dense
  }

  struct Block: Sendable {
    var grade: Int
    var positions: Range<Int>
  }

  let tables: CohortTables
  let path: SearchPath
  /// Whether every tally of points fits ``DenseScratch``'s 32-bit packing:
  /// fewer than 64 list rules (`same`, `different`, `contains`) paying less
  /// than 2²² points in all, as any real config does. Otherwise every
  /// mentee takes the sparse path, which gives the same lists, more slowly.
  let denseFits: Bool
  /// Position → mentor index.
  let order: [Int32]
  /// Position → rank of the mentor's id in sorted order (tie-break).
  let rank: [Int32]
  /// Position → grade.
  let gradeAt: [Int]
  /// Mentor index → position.
  let position: [Int32]
  let blocks: [Block]
  /// Concept → positions of mentors offering it.
  let conceptPostings: [[Int32]]
  /// Concept → positions of mentors offering it or any of its children,
  /// sorted and unique (empty for a concept without children): one list
  /// covers a wanted skill's parent and siblings for partial credit.
  let familyPostings: [[Int32]]
  /// Concept → positions of mentors offering it or any related concept (its
  /// parents' families, its children), sorted and unique, for each wanted
  /// concept with more than one related list; empty otherwise, or once the
  /// lists built would pass twice the postings of ``conceptPostings`` (then
  /// ``searchDense(_:k:band:scratch:)`` deduplicates the related lists with marks).
  let relatedPostings: [[Int32]]
  /// Per rule: value (or list item) → positions of mentors holding it.
  let valuePostings: [[Int32: [Int32]]]
  /// The first two `same` or `different` rules whose mentors hold fewer
  /// than 65,534 values: the dense pass reads them at the few positions it
  /// bounds instead of adding their lists over the whole band (see
  /// ``searchDense(_:k:band:scratch:)``). Per such rule, a code per
  /// position (``DenseScratch/blankCode`` when blank) and a code per interned
  /// value (``DenseScratch/noMentorCode`` when no mentor holds it).
  let columnRules: [Int]
  let columnCodes: [[UInt16]]
  let codeOfValue: [[UInt16]]
  /// Email → positions of mentors with that email.
  let mentorsByEmail: [Int32: [Int32]]
  /// Email → positions of mentors that person is above in the line.
  let mentorsBelow: [Int32: [Int32]]

  /// The skills rule's position in the rules and its partial credit per
  /// mille, when the config has one (it has at most one).
  let skillsRule: (index: Int, partial: Int)?

  /// What one unit of the dense pass's coverage is worth in
  /// ``CohortTables/coverage(_:_:partial:)``'s: the greatest common divisor
  /// of the credits 1,000 and the partial credit (500 for a partial credit
  /// of 0.5), or 1,000 without partial credit. Every credit is a whole
  /// number of units, so the coverage is exact in them, and a band of
  /// coverages takes 32-bit words (see ``DenseScratch/covered``).
  let coverageUnit: Int
  /// Whether some mentee's mass, in ``coverageUnit``s, does not fit 31 bits
  /// (a partial credit such as 0.333, whose unit is 1, with many rare
  /// skills): then the dense pass keeps its coverage in 64-bit words.
  let wideCoverage: Bool

  /// The most band positions between renewals of the dense pass's running
  /// cutoff; the first renewals come sooner (see
  /// ``searchDense(_:k:band:scratch:)``). Tests renew far more often.
  let renewal: Int

  init(tables: CohortTables, path: SearchPath = .auto, renewal: Int = 4096) {
    self.tables = tables
    self.path = path
    self.renewal = Swift.max(1, renewal)
    denseFits = Self.tallyFits(tables.rules)
    skillsRule = tables.rules.indices.lazy.compactMap { r -> (index: Int, partial: Int)? in
      if case .skills(let partial) = tables.rules[r].test { return (r, partial) }
      return nil
    }.first
    coverageUnit = Self.unit(partial: skillsRule?.partial ?? 0)
    wideCoverage = (tables.wantedMass.max() ?? 0) / coverageUnit > Int(Int32.max)
    let mentors = tables.mentors
    let rankOf = tables.mentorRank
    let order = mentors.indices.sorted {
      mentors[$0].grade != mentors[$1].grade ? mentors[$0].grade < mentors[$1].grade : rankOf[$0] < rankOf[$1]
    }
    self.order = order.map { Int32($0) }
    rank = order.map { rankOf[$0] }
    gradeAt = order.map { mentors[$0].grade }
    var position = [Int32](repeating: 0, count: mentors.count)
    for (pos, j) in order.enumerated() { position[j] = Int32(pos) }
    self.position = position

    var blocks: [Block] = []
    var start = 0
    for pos in order.indices where pos + 1 == order.count || gradeAt[pos + 1] != gradeAt[pos] {
      blocks.append(Block(grade: gradeAt[pos], positions: start..<(pos + 1)))
      start = pos + 1
    }
    self.blocks = blocks

    // Filling postings in position order keeps every list sorted.
    var concepts = [[Int32]](repeating: [], count: tables.conceptIDs.count)
    var values = [[Int32: [Int32]]](repeating: [:], count: tables.rules.count)
    for (pos, j) in order.enumerated() {
      for c in tables.offered[j] { concepts[Int(c)].append(Int32(pos)) }
      for r in tables.rules.indices {
        switch tables.rules[r].test {
        case .same, .different:
          let value = tables.mentorValue[r][j]
          if value >= 0 { values[r][value, default: []].append(Int32(pos)) }
        case .contains:
          // A mentor listing an item twice is posted once.
          for item in tables.mentorItems[r][j] where values[r][item]?.last != Int32(pos) {
            values[r][item, default: []].append(Int32(pos))
          }
        default: break
        }
      }
    }
    conceptPostings = concepts
    valuePostings = values
    var columnRules: [Int] = [], columnCodes: [[UInt16]] = [], codeOfValue: [[UInt16]] = []
    for r in tables.rules.indices where columnRules.count < 2 {
      switch tables.rules[r].test {
      case .same, .different:
        // Codes in order of first holder by position: any order would do.
        var codes = [UInt16](repeating: DenseScratch.noMentorCode, count: tables.valueIDs.count)
        var next = 0
        var column = [UInt16](repeating: DenseScratch.blankCode, count: order.count)
        for (pos, j) in order.enumerated() {
          let value = Int(tables.mentorValue[r][j])
          guard value >= 0 else { continue }
          if codes[value] == DenseScratch.noMentorCode {
            codes[value] = UInt16(truncatingIfNeeded: next)
            next += 1
            if next >= Int(DenseScratch.noMentorCode) { break }
          }
          column[pos] = codes[value]
        }
        guard next < Int(DenseScratch.noMentorCode) else { continue }
        columnRules.append(r)
        columnCodes.append(column)
        codeOfValue.append(codes)
      default: continue
      }
    }
    self.columnRules = columnRules
    self.columnCodes = columnCodes
    self.codeOfValue = codeOfValue
    familyPostings = tables.children.indices.map { c in
      let children = tables.children[c]
      guard !children.isEmpty else { return [] }
      var family = concepts[c]
      for child in children { family.append(contentsOf: concepts[Int(child)]) }
      return Self.sortedUnique(family)
    }
    relatedPostings = Self.relatedPostings(tables, concepts: concepts, families: familyPostings)

    var byEmail: [Int32: [Int32]] = [:]
    var below: [Int32: [Int32]] = [:]
    for (pos, j) in order.enumerated() {
      let email = tables.mentorEmail[j]
      if email >= 0 { byEmail[email, default: []].append(Int32(pos)) }
      for boss in tables.mentorChain[j] { below[boss, default: []].append(Int32(pos)) }
    }
    mentorsByEmail = byEmail
    mentorsBelow = below
  }

  /// Builds ``relatedPostings`` in concept order until the budget is spent.
  private static func relatedPostings(_ t: CohortTables, concepts: [[Int32]], families: [[Int32]]) -> [[Int32]] {
    var related = [[Int32]](repeating: [], count: concepts.count)
    var isWanted = [Bool](repeating: false, count: concepts.count)
    for list in t.wanted { for c in list { isWanted[Int(c)] = true } }
    var budget = 2 * concepts.reduce(0) { $0 + $1.count }
    for c in concepts.indices where isWanted[c] {
      let parents = t.parents[c], children = t.children[c]
      guard parents.count + children.count > 1 else { continue }
      var union = concepts[c]
      for parent in parents { union.append(contentsOf: families[Int(parent)]) }
      for child in children { union.append(contentsOf: concepts[Int(child)]) }
      guard union.count <= budget else { continue }
      related[c] = sortedUnique(union)
      budget -= related[c].count
    }
    return related
  }

  /// ``coverageUnit`` for a partial credit per mille (0 for none).
  static func unit(partial: Int) -> Int {
    var (a, b) = (1000, partial)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }

  /// Positions merged from several posting lists, sorted, each once.
  private static func sortedUnique(_ positions: [Int32]) -> [Int32] {
    let sorted = positions.sorted()
    var unique: [Int32] = []
    unique.reserveCapacity(sorted.count)
    for pos in sorted where unique.last != pos { unique.append(pos) }
    return unique
  }

  /// The part of a sorted posting list inside `band`.
  @inline(__always)
  func slice(_ posting: [Int32], _ band: Range<Int>) -> Range<Int> {
    lowerBound(posting, Int32(band.lowerBound))..<lowerBound(posting, Int32(band.upperBound))
  }

  @inline(__always)
  private func lowerBound(_ array: [Int32], _ value: Int32) -> Int {
    var low = 0, high = array.count
    while low < high {
      let mid = (low + high) >> 1
      if array[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Positions of the mentors mentee `i` may be matched with by grade: the
  /// band every required `grade-gap` rule that applies to the mentee allows.
  func band(ofMentee i: Int) -> Range<Int> {
    let t = tables
    let grade = t.mentees[i].grade
    var low = Int.min / 2, high = Int.max / 2
    for (r, rule) in t.rules.enumerated() where rule.required && t.applies(r, i) {
      if case .gradeGap(let min, let max, _) = rule.test {
        low = Swift.max(low, grade + min)
        high = Swift.min(high, grade + max)
      }
    }
    return band(grades: low, high)
  }

  /// Positions of mentors whose grade lies in `low...high`.
  func band(grades low: Int, _ high: Int) -> Range<Int> {
    guard low <= high else { return 0..<0 }
    var from = 0, to = gradeAt.count
    while from < to {
      let mid = (from + to) >> 1
      if gradeAt[mid] < low { from = mid + 1 } else { to = mid }
    }
    var end = from, limit = gradeAt.count
    while end < limit {
      let mid = (end + limit) >> 1
      if gradeAt[mid] <= high { end = mid + 1 } else { limit = mid }
    }
    return from..<end
  }

  /// Whether the tally in ``DenseScratch/slots`` holds every sum `rules` can make (see ``denseFits``).
  static func tallyFits(_ rules: [ScoringRule]) -> Bool {
    var lists = 0, points = 0
    for rule in rules {
      switch rule.test {
      case .same, .different, .contains:
        lists += 1
        points += Int(rule.maxPoints.magnitude)
      case .gradeGap, .skills, .notLineManager, .noRepeat:
        continue
      }
    }
    return lists < DenseScratch.listRuleLimit && points < DenseScratch.listPointsLimit
  }
}
