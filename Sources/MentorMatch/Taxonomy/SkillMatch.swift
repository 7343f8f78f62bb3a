/// How a term was placed on a concept.
public enum SkillMatchMethod: String, Sendable, Equatable, CaseIterable {
  /// The folded term is a folded label.
  case exact
  /// The term's sorted unique words are a label's ("management project").
  case fingerprint
  /// A rewrite (abbreviations from the taxonomy, US → UK spelling, plurals,
  /// filler words) makes the term a label.
  case variant
  /// Close in edit distance to one concept's label, clearly closer than to any other.
  case fuzzy
}

/// Why a term was left unplaced.
public enum SkillUnplacedReason: String, Sendable, Equatable, CaseIterable {
  /// No label came near the review threshold.
  case noCandidate = "no-candidate"
  /// The best candidate is in the review band, below the accept threshold (or
  /// only a word subset of the term, which is never accepted).
  case belowThreshold = "below-threshold"
  /// Two concepts fit about equally well.
  case ambiguous
}

/// A concept a term might be, with its score.
public struct SkillCandidate: Sendable, Equatable {
  public var conceptID: String
  public var prefLabel: String
  /// From 0 to 1000.
  public var score: Int

  public init(conceptID: String, prefLabel: String, score: Int) {
    self.conceptID = conceptID
    self.prefLabel = prefLabel
    self.score = score
  }
}

/// Where a term was placed.
public struct SkillPlacement: Sendable, Equatable {
  /// The active concept (a deprecated concept's replacement).
  public var conceptID: String
  public var prefLabel: String
  public var method: SkillMatchMethod
  /// 1000 for exact, fingerprint and variant matches; the similarity for fuzzy ones.
  public var score: Int
  /// The folded label (or key) the term met.
  public var matchedLabel: String
}

/// The cascade's answer for one term.
public struct SkillMatch: Sendable, Equatable {
  /// The term folded (``SkillFolding/fold(_:)``): the memo key and the curation report's key.
  public var folded: String
  /// Where the term was placed, or nil.
  public var placement: SkillPlacement?
  /// Why it was not placed (nil when placed).
  public var unplacedReason: SkillUnplacedReason?
  /// The best other concepts considered, best first, at most three. For a
  /// fuzzy placement these are the runners-up.
  public var candidates: [SkillCandidate]

  /// The placed concept id, if any.
  public var conceptID: String? { placement?.conceptID }
}

/// One term of a cell and its match.
public struct SkillTermMapping: Sendable, Equatable {
  /// The term as typed (trimmed), after splitting the cell.
  public var term: String
  public var match: SkillMatch
}
