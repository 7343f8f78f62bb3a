import Foundation

/// A generated cohort for benchmarks and tests, deterministic for a seed:
/// civil-service grade mix (mentors skewed senior), departments, professions
/// and locations of uneven sizes, skills drawn with Zipf-like popularity from a
/// three-level taxonomy, some line managers inside the cohort, some prior pairs.
public enum SyntheticCohort {
  /// Field names the generated people carry.
  public static let fields: Set<String> = [
    "department", "profession", "location", "characteristics", "identity_to_match", "match_with_similar_identity",
  ]

  /// The rule set the benchmark uses, as it would appear in `mentormatch.toml`.
  public static let rulesTOML = """
    [candidates]
    k = 50

    [[rules]]
    kind = "different"
    field = "department"
    required = true

    [[rules]]
    kind = "grade-gap"
    required = true
    min = 1
    max = 2
    points_by_gap = { "1" = 9, "2" = 12 }

    [[rules]]
    kind = "skills"
    points = 60
    partial_credit = 0.5

    [[rules]]
    kind = "same"
    field = "profession"
    points = 10

    [[rules]]
    kind = "same"
    field = "location"
    points = 5
    side = "mentee"

    [[rules]]
    kind = "contains"
    mentee_field = "identity_to_match"
    mentor_field = "characteristics"
    points = 6
    when_mentee_field = "match_with_similar_identity"
    when_equals = "yes"

    [[rules]]
    kind = "not-line-manager"
    same_reporting_line = true

    [[rules]]
    kind = "no-repeat"
    """

  /// Grade weights per mille, AA … SCS4 (roughly the Civil Service's mix).
  static let gradeMix = [30, 150, 200, 200, 150, 140, 80, 35, 10, 4, 1]
  static let identities = ["Gay", "Lesbian", "Bisexual", "Transgender", "Non-binary", "Asexual or aromantic"]

  /// Generates a cohort.
  /// - Parameters:
  ///   - concepts: taxonomy size: 20 top-level groups, 100 middle concepts, the rest leaves.
  ///   - skills: wanted skills per mentee and offered skills per mentor.
  public static func make(mentees: Int, mentors: Int, concepts: Int = 2_000, skills: Int = 10,
                          seed: UInt64) -> ScoringCohort {
    var random = SplitMix64(seed: seed)
    let hierarchy = taxonomy(concepts: concepts)
    let leaves = hierarchy.labels.keys.filter { (hierarchy.broader[$0] ?? []).isEmpty == false }.sorted()
    let skillPick = ZipfTable(count: leaves.count, exponent: 0.8)
    let departments = ZipfTable(count: 25, exponent: 1.0)
    let professions = ZipfTable(count: 28, exponent: 0.9)
    let locations = ZipfTable(count: 12, exponent: 1.1)
    let grades = ZipfTable(weights: gradeMix)

    func person(_ id: String, mentor: Bool, managers: Int) -> ScoringPerson {
      var grade = grades.draw(&random)
      if mentor { grade = min(gradeMix.count - 1, grade + 1 + Int(random.next() % 2)) }
      var picked: [String] = []
      while picked.count < min(skills, leaves.count) {
        let concept = leaves[skillPick.draw(&random)]
        if !picked.contains(concept) { picked.append(concept) }
      }
      var fields = [
        "department": "Department \(departments.draw(&random) + 1)",
        "profession": "Profession \(professions.draw(&random) + 1)",
        "location": "Location \(locations.draw(&random) + 1)",
      ]
      if mentor {
        let count = 1 + Int(random.next() % 3)
        fields["characteristics"] = (0..<count).map { _ in identities[Int(random.next() % 6)] }.joined(separator: ", ")
      } else {
        fields["identity_to_match"] = identities[Int(random.next() % 6)]
        fields["match_with_similar_identity"] = random.next() % 2 == 0 ? "yes" : "no"
      }
      let manager = managers > 0 && random.next() % 10 < 3 ? "r\(random.next() % UInt64(managers))@example.gov.uk" : nil
      return ScoringPerson(id: id, grade: grade, fields: fields, email: "\(id)@example.gov.uk",
                           lineManagerEmail: manager, offered: mentor ? picked : [],
                           wanted: mentor ? [] : picked, capacity: 1 + Int(random.next() % 3))
    }
    let mentorPeople = (0..<mentors).map { person("r\($0)", mentor: true, managers: mentors) }
    let menteePeople = (0..<mentees).map { person("e\($0)", mentor: false, managers: mentors) }
    var prior: Set<PriorPair> = []
    if mentors > 0 {
      for index in 0..<mentees where random.next() % 100 == 0 {
        prior.insert(PriorPair(menteeID: "e\(index)", mentorID: "r\(random.next() % UInt64(mentors))"))
      }
    }
    return ScoringCohort(mentees: menteePeople, mentors: mentorPeople, hierarchy: hierarchy, priorPairs: prior)
  }

  /// A three-level taxonomy: 20 groups, 100 middle concepts, leaves under them.
  public static func taxonomy(concepts: Int) -> SkillHierarchy {
    var broader: [String: [String]] = [:]
    var labels: [String: String] = [:]
    for index in 0..<concepts {
      let id = "c\(index)"
      labels[id] = "Skill \(index)"
      if index >= 120 { broader[id] = ["c\(20 + (index - 120) % 100)"] }
      else if index >= 20 { broader[id] = ["c\((index - 20) % 20)"] }
    }
    return SkillHierarchy(broader: broader, labels: labels)
  }
}

/// Draws an index with probability proportional to integer weights.
struct ZipfTable {
  let cumulative: [UInt64]

  init(weights: [Int]) {
    var sum: UInt64 = 0
    cumulative = weights.map { sum += UInt64(max($0, 0)); return sum }
  }

  /// Weights ∝ 1 / rank^exponent, in fixed point (computed once; only the table must be deterministic).
  init(count: Int, exponent: Double) {
    self.init(weights: (1...max(count, 1)).map { Int(1_000_000 / pow(Double($0), exponent)) })
  }

  func draw(_ random: inout SplitMix64) -> Int {
    guard let total = cumulative.last, total > 0 else { return 0 }
    let target = random.next() % total
    var low = 0, high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] > target { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
