/// What a synthetic export looks like: its size, seed and shape.
public struct SyntheticExportSettings: Sendable {
  /// How many sign-up rows to write.
  public var people: Int
  /// The seed: the same settings and seed give the same bytes.
  public var seed: UInt64
  /// How many cohorts people are spread over (Zipf-like sizes, the first the largest).
  public var cohorts: Int
  /// The share of rows made deliberately bad (0 to 0.5): an unknown grade, a
  /// malformed email, a missing given name or no consent, one fault each.
  public var badRowShare: Double
  /// The skills people type, drawn with Zipf-like popularity.
  public var vocabulary: SkillVocabulary

  public init(
    people: Int, seed: UInt64, cohorts: Int = 4, badRowShare: Double = 0,
    vocabulary: SkillVocabulary = .builtIn
  ) {
    self.people = max(0, people)
    self.seed = seed
    self.cohorts = max(1, cohorts)
    self.badRowShare = min(0.5, max(0, badRowShare))
    self.vocabulary = vocabulary
  }
}

/// One generated row and what it is meant to be, so tests and the summary can
/// check ingest against it.
public struct SyntheticRow: Sendable, Equatable {
  /// Cells in the default template's order (``SyntheticExport/header``).
  public var fields: [String]
  public var role: Role
  /// The grade's position in the default scale; nil when the row's grade is deliberately unknown.
  public var gradeIndex: Int?
  public var cohort: String
  /// The one reason ingest must reject this row for; nil for a good row.
  public var defect: RejectReason?
}

/// A realistic, deterministic sign-up export for any number of people, in the
/// default template (see `docs/export-template.md`).
///
/// Pure and index-addressable: row `i` depends only on the settings and `i`
/// (each row has its own ``SeededRandom`` stream), so the export can be
/// streamed to a file of any size in flat memory, or checked row by row.
public struct SyntheticExport: Sendable {
  public let settings: SyntheticExportSettings
  /// Concept indices in popularity order, drawn 1/rank.
  let skillPopularity: WeightedChoice<Int>
  let cohortSizes: WeightedChoice<Int>

  public init(settings: SyntheticExportSettings) {
    self.settings = settings
    // Which concepts are popular depends on the seed, not on the taxonomy's file order.
    var shuffle = SeededRandom(seed: settings.seed, stream: .max)
    var order = Array(settings.vocabulary.concepts.indices)
    for index in order.indices.reversed() where index > 0 {
      order.swapAt(index, shuffle.below(index + 1))
    }
    skillPopularity = .zipf(order)
    cohortSizes = .zipf(Array(0..<settings.cohorts))
  }

  /// The header row: the default template's field names.
  public static var header: [String] { SignupField.allCases.map(\.rawValue) }

  /// The cohort people with an empty cohort cell join.
  public var defaultCohort: String { SyntheticPopulation.cohortName(0) }

  /// Row `index` (0-based) of the export.
  public func row(_ index: Int) -> SyntheticRow {
    var random = SeededRandom(seed: settings.seed, stream: UInt64(index))
    let role = SyntheticPopulation.roles.draw(using: &random) ?? .mentee
    let grades: WeightedChoice<Int> =
      switch role {
      case .mentee: SyntheticPopulation.menteeGrades
      case .mentor: SyntheticPopulation.mentorGrades
      case .both: SyntheticPopulation.bothGrades
      }
    var gradeIndex: Int? = grades.draw(using: &random) ?? 3
    let department = SyntheticPopulation.departments.draw(using: &random)
      ?? SyntheticPopulation.Department(name: "Cabinet Office", domain: "cabinetoffice.gov.uk")
    let given = random.element(of: SyntheticPopulation.givenNames) ?? "Sam"
    let family = random.element(of: SyntheticPopulation.familyNames) ?? "Smith"
    let local = "\(SyntheticPopulation.addressPart(given)).\(SyntheticPopulation.addressPart(family))\(index + 1)"

    var cells: [SignupField: String] = [:]
    cells[.id] = "P" + String(index + 1).leftPadded(to: 7)
    cells[.givenName] = given
    cells[.familyName] = family
    cells[.email] = "\(local)@\(department.domain)"
    cells[.role] = random.chance(perMillion: 100_000) ? role.rawValue.prefix(1).uppercased() + role.rawValue.dropFirst() : role.rawValue
    cells[.grade] = gradeIndex.flatMap { random.element(of: SyntheticPopulation.gradeSpellings[$0]) } ?? "HEO"
    cells[.department] = department.name
    cells[.profession] = SyntheticPopulation.professions.draw(using: &random) ?? "Policy"
    cells[.location] = SyntheticPopulation.locations.draw(using: &random) ?? "London"
    if role.isMentor { cells[.skillsOffered] = skillsCell(count: random.within(3...8), using: &random) }
    if role.isMentee { cells[.skillsWanted] = skillsCell(count: random.within(2...5), using: &random) }
    cells[.capacity] = capacity(role: role, using: &random)
    let cohortIndex = cohortSizes.draw(using: &random) ?? 0
    let cohort = SyntheticPopulation.cohortName(cohortIndex)
    cells[.cohort] = cohortIndex == 0 && random.chance(perMillion: 300_000) ? "" : cohort
    cells[.lineManagerEmail] = lineManager(domain: department.domain, using: &random)
    cells[.consent] = Self.consentSpellings.draw(using: &random) ?? "yes"
    cells[.signedUpAt] = signedUpAt(using: &random)

    var defect: RejectReason?
    if random.chance(perMillion: Int(settings.badRowShare * 1_000_000)) {
      switch random.below(4) {
      case 0:
        defect = .unknownGrade
        gradeIndex = nil
        cells[.grade] = random.element(of: SyntheticPopulation.unknownGrades) ?? "G8"
      case 1:
        defect = .badEmail
        cells[.email] = random.element(of: ["\(local)@", "\(local) at \(department.domain)", "\(local)@@\(department.domain)"])
      case 2:
        defect = .missingField
        cells[.givenName] = ""
      default:
        defect = .noConsent
        cells[.consent] = random.element(of: ["no", "No", "", "n"])
      }
    }
    return SyntheticRow(
      fields: SignupField.allCases.map { cells[$0] ?? "" }, role: role, gradeIndex: gradeIndex,
      cohort: cohort, defect: defect)
  }

  private static let consentSpellings = WeightedChoice<String>([
    ("yes", 70), ("Yes", 15), ("Y", 8), ("agreed", 5), ("TRUE", 2),
  ])

  private func capacity(role: Role, using random: inout SeededRandom) -> String {
    let weights: [(String, Int)] =
      role.isMentor ? [("", 55), ("1", 15), ("2", 20), ("3", 10)] : [("", 85), ("1", 10), ("2", 5)]
    return WeightedChoice(weights).draw(using: &random) ?? ""
  }

  private func lineManager(domain: String, using random: inout SeededRandom) -> String {
    guard random.chance(perMillion: 800_000) else { return "" }
    let given = SyntheticPopulation.addressPart(random.element(of: SyntheticPopulation.givenNames) ?? "sam")
    let family = SyntheticPopulation.addressPart(random.element(of: SyntheticPopulation.familyNames) ?? "smith")
    return "\(given).\(family)@\(domain)"
  }

  /// A time in October–November 2026, as ISO 8601 mostly and the UK form sometimes.
  private func signedUpAt(using random: inout SeededRandom) -> String {
    let offset = random.below(58)
    let (month, day) = offset < 31 ? (10, offset + 1) : (11, offset - 30)
    let hour = random.within(7...21)
    let minute = random.below(60)
    let two = { (value: Int) in String(value).leftPadded(to: 2) }
    if random.chance(perMillion: 200_000) {
      return "\(two(day))/\(two(month))/2026 \(two(hour)):\(two(minute))"
    }
    return "2026-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):00Z"
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
