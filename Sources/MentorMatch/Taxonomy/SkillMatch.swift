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
///
/// A value type whose fields live in one immutable, shared box, so that a
/// copy costs one reference count instead of one per string: the normaliser
/// hands out the same memoised answer for millions of mentions. Fields are
/// read in place (`_read`), so `match.placement?.method` copies nothing.
public struct SkillMatch: Sendable, Equatable {
  final class Storage: Sendable {
    let folded: String
    let placement: SkillPlacement?
    let unplacedReason: SkillUnplacedReason?
    let candidates: [SkillCandidate]

    init(folded: String, placement: SkillPlacement?, unplacedReason: SkillUnplacedReason?, candidates: [SkillCandidate]) {
      self.folded = folded
      self.placement = placement
      self.unplacedReason = unplacedReason
      self.candidates = candidates
    }
  }

  private var storage: Storage

  init(folded: String, placement: SkillPlacement?, unplacedReason: SkillUnplacedReason?, candidates: [SkillCandidate]) {
    storage = Storage(folded: folded, placement: placement, unplacedReason: unplacedReason, candidates: candidates)
  }

  /// The term folded (``SkillFolding/fold(_:)``): the memo key and the curation report's key.
  public var folded: String {
    _read { yield storage.folded }
    set { storage = Storage(folded: newValue, placement: placement, unplacedReason: unplacedReason, candidates: candidates) }
  }

  /// Where the term was placed, or nil.
  public var placement: SkillPlacement? {
    _read { yield storage.placement }
    set { storage = Storage(folded: folded, placement: newValue, unplacedReason: unplacedReason, candidates: candidates) }
  }

  /// Why it was not placed (nil when placed).
  public var unplacedReason: SkillUnplacedReason? {
    _read { yield storage.unplacedReason }
    set { storage = Storage(folded: folded, placement: placement, unplacedReason: newValue, candidates: candidates) }
  }

  /// The best other concepts considered, best first, at most three. For a
  /// fuzzy placement these are the runners-up.
  public var candidates: [SkillCandidate] {
    _read { yield storage.candidates }
    set { storage = Storage(folded: folded, placement: placement, unplacedReason: unplacedReason, candidates: newValue) }
  }

  /// The placed concept id, if any.
  public var conceptID: String? { placement?.conceptID }

  public static func == (a: SkillMatch, b: SkillMatch) -> Bool {
    a.storage === b.storage
      || (a.folded == b.folded && a.placement == b.placement && a.unplacedReason == b.unplacedReason
        && a.candidates == b.candidates)
  }
}

/// One term of a cell and its match.
///
/// Like ``SkillMatch``, kept in one shared box so that copying a memoised
/// mapping into a cell's answer costs one reference count.
public struct SkillTermMapping: Sendable, Equatable {
  final class Storage: Sendable {
    let term: String
    let match: SkillMatch

    init(term: String, match: SkillMatch) {
      self.term = term
      self.match = match
    }
  }

  private var storage: Storage

  init(term: String, match: SkillMatch) {
    storage = Storage(term: term, match: match)
  }

  /// The term as typed (trimmed), after splitting the cell.
  public var term: String {
    _read { yield storage.term }
    set { storage = Storage(term: newValue, match: match) }
  }

  public var match: SkillMatch {
    _read { yield storage.match }
    set { storage = Storage(term: term, match: newValue) }
  }

  public static func == (a: SkillTermMapping, b: SkillTermMapping) -> Bool {
    a.storage === b.storage || (a.term == b.term && a.match == b.match)
  }
}
