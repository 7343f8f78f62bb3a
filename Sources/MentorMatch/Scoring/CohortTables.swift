/// A cohort compiled for scoring: concepts, field values and emails interned to
/// integers, IDF weights computed, per-rule columns laid out. Immutable and
/// shared by every worker; built once per cohort.
final class CohortTables: Sendable {
  let rules: [ScoringRule]
  let mentees: [ScoringPerson]
  let mentors: [ScoringPerson]
  let hierarchy: SkillHierarchy

  /// Concept ids by interned number, sorted.
  let conceptIDs: [String]
  let parents: [[Int32]]
  let children: [[Int32]]
  /// IDF weight per concept, Q16.
  let weight: [Int]
  /// Per mentee: wanted concepts, sorted, unique.
  let wanted: [[Int32]]
  /// Per mentor: offered concepts, sorted, unique.
  let offered: [[Int32]]
  /// Per mentee: Σ weight × 1000 over wanted concepts (full coverage).
  let wantedMass: [Int]

  /// Per rule (by position in `rules`): interned value per mentee / mentor, -1 when blank.
  let menteeValue: [[Int32]]
  let mentorValue: [[Int32]]
  /// Per rule: interned list items per mentee / mentor (sorted), for `contains`.
  let menteeItems: [[[Int32]]]
  let mentorItems: [[[Int32]]]
  /// The interned ids of field values and list items.
  let valueIDs: [String: Int32]
  /// Per rule: whether it applies to each mentee (empty when unconditional).
  let applies: [[Bool]]

  /// Interned emails (-1 when blank) and chains of line managers, nearest first.
  let menteeEmail: [Int32]
  let mentorEmail: [Int32]
  let menteeChain: [[Int32]]
  let mentorChain: [[Int32]]
  /// Per mentee: mentor indices of earlier pairs, sorted.
  let prior: [[Int32]]
  /// Per mentee: mentor indices that are the same person (same id or email), sorted.
  let selves: [[Int32]]
  /// Per mentor: rank of its id in sorted order, the tie-break.
  let mentorRank: [Int32]

  /// Longest chain of line managers followed (guards against cycles and bad data).
  static let chainLimit = 32

  init(cohort: ScoringCohort, rules: RuleSet) throws(ScoringError) {
    self.rules = rules.rules
    let mentees = cohort.mentees, mentors = cohort.mentors, hierarchy = cohort.hierarchy
    self.mentees = mentees
    self.mentors = mentors
    self.hierarchy = hierarchy
    let (menteeSide, mentorSide) = try Self.columns(mentees: mentees, mentors: mentors, rules: rules.rules)
    let menteeIndex = menteeSide.index, mentorIndex = mentorSide.index
    self.mentorRank = mentorSide.rank

    // Concepts: everything people name plus everything the hierarchy names.
    var names = Set(hierarchy.broader.keys)
    for list in hierarchy.broader.values { names.formUnion(list) }
    // By index: a loop over the people would copy each whole person.
    for i in mentees.indices { names.formUnion(mentees[i].wanted) }
    for j in mentors.indices { names.formUnion(mentors[j].offered) }
    conceptIDs = names.sorted()
    var number: [String: Int32] = [:]
    number.reserveCapacity(conceptIDs.count)
    for (index, id) in conceptIDs.enumerated() { number[id] = Int32(index) }
    var parents = [[Int32]](repeating: [], count: conceptIDs.count)
    var children = [[Int32]](repeating: [], count: conceptIDs.count)
    for (index, id) in conceptIDs.enumerated() {
      let up = Set((hierarchy.broader[id] ?? []).compactMap { number[$0] }).subtracting([Int32(index)]).sorted()
      parents[index] = up
      for parent in up { children[Int(parent)].append(Int32(index)) }
    }
    self.parents = parents
    self.children = children
    func concepts(_ list: [String]) -> [Int32] { Set(list.compactMap { number[$0] }).sorted() }
    wanted = mentees.map { concepts($0.wanted) }
    offered = mentors.map { concepts($0.offered) }
    var holders = [Int](repeating: 0, count: conceptIDs.count)
    for list in wanted { for c in list { holders[Int(c)] += 1 } }
    for list in offered { for c in list { holders[Int(c)] += 1 } }
    let people = mentees.count + mentors.count
    let weight = holders.map { FixedPointLog.idfWeight(people: people, holders: $0) }
    self.weight = weight
    wantedMass = wanted.map { list in list.reduce(0) { $0 + weight[Int($1)] * 1000 } }

    // Field values, one interner for every field so `contains` can compare across fields.
    var values: [String: Int32] = [:]
    func intern(_ value: String?) -> Int32 {
      guard let value else { return -1 }
      if let id = values[value] { return id }
      let id = Int32(values.count)
      values[value] = id
      return id
    }
    var menteeValue: [[Int32]] = [], mentorValue: [[Int32]] = []
    var menteeItems: [[[Int32]]] = [], mentorItems: [[[Int32]]] = []
    for r in rules.rules.indices {
      menteeValue.append(menteeSide.values[r].map(intern))
      mentorValue.append(mentorSide.values[r].map(intern))
      menteeItems.append(menteeSide.items[r].map { $0.map { intern($0) }.sorted() })
      mentorItems.append(mentorSide.items[r].map { $0.map { intern($0) }.sorted() })
    }
    self.menteeValue = menteeValue
    self.mentorValue = mentorValue
    self.menteeItems = menteeItems
    self.mentorItems = mentorItems
    self.valueIDs = values
    self.applies = menteeSide.applies

    // Emails and reporting lines, over everyone in the cohort.
    var emails: [String: Int32] = [:]
    func email(_ key: String?) -> Int32 {
      guard let key else { return -1 }
      if let id = emails[key] { return id }
      let id = Int32(emails.count)
      emails[key] = id
      return id
    }
    let menteeEmail = menteeSide.email.map(email)
    let mentorEmail = mentorSide.email.map(email)
    var manager: [Int32: Int32] = [:]
    for (side, ids) in [(menteeSide, menteeEmail), (mentorSide, mentorEmail)] {
      for (boss, id) in zip(side.manager, ids) where id >= 0 {
        let boss = email(boss)
        if boss >= 0, manager[id] == nil { manager[id] = boss }
      }
    }
    func chain(_ boss: String?) -> [Int32] {
      var result: [Int32] = []
      var next = email(boss)
      while next >= 0, result.count < Self.chainLimit, !result.contains(next) {
        result.append(next)
        next = manager[next] ?? -1
      }
      return result
    }
    self.menteeEmail = menteeEmail
    self.mentorEmail = mentorEmail
    menteeChain = menteeSide.manager.map(chain)
    mentorChain = mentorSide.manager.map(chain)

    var prior = [[Int32]](repeating: [], count: mentees.count)
    for pair in cohort.priorPairs {
      if let i = menteeIndex[pair.menteeID], let j = mentorIndex[pair.mentorID] { prior[i].append(Int32(j)) }
    }
    self.prior = prior.map { $0.sorted() }
    var mentorsByEmail: [Int32: [Int32]] = [:]
    for (j, id) in mentorEmail.enumerated() where id >= 0 { mentorsByEmail[id, default: []].append(Int32(j)) }
    // Mentors sharing an email are listed in index order, so each list is sorted.
    selves = mentees.indices.map { i in
      var same = mentorsByEmail[menteeEmail[i]] ?? []
      if let j = mentorIndex[mentees[i].id].map(Int32.init) {
        let at = same.firstIndex { $0 >= j } ?? same.count
        if at == same.count || same[at] != j { same.insert(j, at: at) }
      }
      return same
    }
  }
}
