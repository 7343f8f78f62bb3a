/// The ordered list of grades, most junior first, with aliases. Matching on
/// grades compares positions in this list.
public struct GradeScale: Sendable, Equatable {
  /// Canonical labels, most junior first.
  public let order: [String]
  private let lookup: [String: Int]

  /// UK Civil Service grades, most junior first.
  public static let civilService = try! GradeScale(order: civilServiceOrder, aliases: civilServiceAliases)

  /// The Civil Service grades, most junior first: `[grades] order`'s default.
  public static let civilServiceOrder = [
    "AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1", "SCS2", "SCS3", "Permanent Secretary",
  ]

  /// The Civil Service grades' other names: `[grades.aliases]`' default.
  public static let civilServiceAliases: [String: String] = [
    "Administrative Assistant": "AA", "Administrative Officer": "AO", "Executive Officer": "EO",
    "Higher Executive Officer": "HEO", "Senior Executive Officer": "SEO",
    "Grade 7": "G7", "Grade 6": "G6", "SCS 1": "SCS1", "SCS 2": "SCS2", "SCS 3": "SCS3",
    "SCS Pay Band 1": "SCS1", "SCS Pay Band 2": "SCS2", "SCS Pay Band 3": "SCS3",
    "Deputy Director": "SCS1", "Director": "SCS2", "Director General": "SCS3",
    "Perm Sec": "Permanent Secretary", "SCS4": "Permanent Secretary",
  ]

  /// The Civil Service grades with `aliases` added to their default aliases,
  /// for a config that gives `[grades.aliases]` but no `order`. An alias the
  /// config gives replaces a default one spelt the same way (compared as
  /// grades are: without case, spaces, `-` or `_`).
  public static func civilService(adding aliases: [String: String]) throws(GradeScaleError) -> GradeScale {
    let given = Set(aliases.keys.map(key))
    var merged = aliases
    for alias in civilServiceAliases.keys.sorted() where !given.contains(key(alias)) { merged[alias] = civilServiceAliases[alias] }
    return try GradeScale(order: civilServiceOrder, aliases: merged)
  }

  /// - Throws: a message when the order is empty or an alias names an unknown
  ///   grade; the config loader turns it into a ``ConfigError``.
  public init(order: [String], aliases: [String: String]) throws(GradeScaleError) {
    guard !order.isEmpty else { throw GradeScaleError(message: "the grade order is empty") }
    var lookup: [String: Int] = [:]
    for (index, grade) in order.enumerated() {
      let key = Self.key(grade)
      if lookup[key] != nil { throw GradeScaleError(message: "grade '\(grade)' is listed twice") }
      lookup[key] = index
    }
    for alias in aliases.keys.sorted() {
      let target = aliases[alias]!
      guard let index = lookup[Self.key(target)] else {
        throw GradeScaleError(message: "alias '\(alias)' names unknown grade '\(target)'")
      }
      let key = Self.key(alias)
      if let existing = lookup[key], existing != index {
        throw GradeScaleError(message: "alias '\(alias)' clashes with grade '\(order[existing])'")
      }
      lookup[key] = index
    }
    self.order = order
    self.lookup = lookup
  }

  /// The position of a grade or alias, compared without case or inner spaces.
  public func index(of grade: String) -> Int? { lookup[Self.key(grade)] }

  private static func key(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
  }
}

/// A problem with the configured grade list.
public struct GradeScaleError: Error, Equatable {
  public var message: String
}
