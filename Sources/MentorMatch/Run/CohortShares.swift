/// Each selected cohort's share of the night: its sign-ups, its active
/// pairs, the pairs ever made among its people and its unplaced skill
/// mentions, each split out of the night's list in one pass. A pass over
/// the whole night for every cohort cost more than matching the cohort once
/// there were hundreds of cohorts (at 500,000 people in 300, the reports
/// stage alone took 31 s instead of 5).
struct CohortShares: Sendable {
  /// The cohorts' names, in the order of every list here.
  let cohorts: [String]
  /// Each cohort's sign-ups, in export order.
  let people: [[Signup]]
  /// Person id → position of their cohort. Nil when one cohort holds every
  /// sign-up (nothing to split), or when an id is in two cohorts (never,
  /// after ingest): then every cohort is given every value, and keeps its own.
  private let cohortOf: [String: Int]?

  init(cohorts: [String], signups: [Signup]) {
    self.cohorts = cohorts
    if cohorts.count == 1, signups.allSatisfy({ $0.cohort == cohorts[0] }) {
      // The common case shares the ingest's array.
      people = [signups]
      cohortOf = nil
      return
    }
    let position = Self.positions(cohorts)
    var people = [[Signup]](repeating: [], count: cohorts.count)
    var cohortOf: [String: Int]? = [:]
    cohortOf?.reserveCapacity(signups.count)
    for index in signups.indices {
      guard let cohort = position[signups[index].cohort] else { continue }
      people[cohort].append(signups[index])
      if let earlier = cohortOf?.updateValue(cohort, forKey: signups[index].id), earlier != cohort { cohortOf = nil }
    }
    self.people = people
    self.cohortOf = cohortOf
  }

  private static func positions(_ cohorts: [String]) -> [String: Int] {
    var position: [String: Int] = [:]
    for (index, cohort) in cohorts.enumerated() { position[cohort] = index }
    return position
  }

  /// The active pairs recorded under each cohort, in the order of `pairs`:
  /// ``PriorState/activePairs(cohort:)`` for every cohort at once.
  func activePairs(_ pairs: [PairRecord]) -> [[PairRecord]] {
    let position = Self.positions(cohorts)
    var split = [[PairRecord]](repeating: [], count: cohorts.count)
    for pair in pairs where pair.isActive {
      if let cohort = position[pair.cohort] { split[cohort].append(pair) }
    }
    return split
  }

  /// The pairs ever made, active or ended, whose mentee and mentor are both
  /// in the cohort: all of `pairs` that the cohort's no-repeat rule can
  /// meet, as its tables keep only pairs of two of its people.
  func priorPairs(_ pairs: [PairRecord]) -> [Set<PriorPair>] {
    guard let cohortOf else {
      return [Set<PriorPair>](
        repeating: Set(pairs.map { PriorPair(menteeID: $0.menteeID, mentorID: $0.mentorID) }), count: cohorts.count)
    }
    var split = [Set<PriorPair>](repeating: [], count: cohorts.count)
    for pair in pairs {
      if let cohort = cohortOf[pair.menteeID], cohortOf[pair.mentorID] == cohort {
        split[cohort].insert(PriorPair(menteeID: pair.menteeID, mentorID: pair.mentorID))
      }
    }
    return split
  }

  /// `mentions` by the cohort of the person who typed each, in order; a
  /// person in no cohort here has theirs in none. Each report still keeps
  /// only its own people's (``CohortMatch/unplaced(_:people:)``).
  func mentions(_ mentions: [SkillMention]) -> [[SkillMention]] {
    guard let cohortOf else { return [[SkillMention]](repeating: mentions, count: cohorts.count) }
    var split = [[SkillMention]](repeating: [], count: cohorts.count)
    for mention in mentions {
      if let cohort = cohortOf[mention.personID] { split[cohort].append(mention) }
    }
    return split
  }
}
