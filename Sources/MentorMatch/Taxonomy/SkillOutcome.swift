/// What became of one term, in one small number: the method that placed it or
/// the reason it was left unplaced. Lets callers count and group memoised
/// mappings (``SkillNormaliser/outcome(_:)``) without touching their strings.
public enum SkillOutcome: Int, Sendable, Equatable, CaseIterable {
  /// Placed: the folded term is a folded label (``SkillMatchMethod/exact``).
  case exact
  /// Placed: its sorted unique words are a label's (``SkillMatchMethod/fingerprint``).
  case fingerprint
  /// Placed after a rewrite (``SkillMatchMethod/variant``).
  case variant
  /// Placed by edit-distance similarity (``SkillMatchMethod/fuzzy``).
  case fuzzy
  /// Unplaced: nothing came near (``SkillUnplacedReason/noCandidate``).
  case noCandidate
  /// Unplaced: the best candidate is in the review band (``SkillUnplacedReason/belowThreshold``).
  case belowThreshold
  /// Unplaced: two concepts fit about equally well (``SkillUnplacedReason/ambiguous``).
  case ambiguous

  /// The outcome of a match.
  public init(_ match: SkillMatch) {
    if let placement = match.placement {
      self.init(placement.method)
    } else {
      switch match.unplacedReason ?? .noCandidate {
      case .noCandidate: self = .noCandidate
      case .belowThreshold: self = .belowThreshold
      case .ambiguous: self = .ambiguous
      }
    }
  }

  init(_ method: SkillMatchMethod) {
    switch method {
    case .exact: self = .exact
    case .fingerprint: self = .fingerprint
    case .variant: self = .variant
    case .fuzzy: self = .fuzzy
    }
  }

  /// The method's or reason's name, as `taxonomy map` writes it ("exact", "no-candidate").
  public var name: String {
    switch self {
    case .exact: SkillMatchMethod.exact.rawValue
    case .fingerprint: SkillMatchMethod.fingerprint.rawValue
    case .variant: SkillMatchMethod.variant.rawValue
    case .fuzzy: SkillMatchMethod.fuzzy.rawValue
    case .noCandidate: SkillUnplacedReason.noCandidate.rawValue
    case .belowThreshold: SkillUnplacedReason.belowThreshold.rawValue
    case .ambiguous: SkillUnplacedReason.ambiguous.rawValue
    }
  }
}
