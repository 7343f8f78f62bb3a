/// Maps typed skills to taxonomy concepts through a cascade, stopping at the
/// first stage that places the term:
///
/// 1. **exact**: the folded term (``SkillFolding/fold(_:)``) is a folded label;
/// 2. **fingerprint**: its sorted unique words are a label's (OpenRefine's
///    key-collision fingerprint), catching reordered words;
/// 3. **variant**: the same after rewriting words (US → UK spelling, plural
///    stripping, filler words dropped), then again with abbreviations learnt
///    from the taxonomy's labels expanded (`mgmt` → `management`);
/// 4. **fuzzy**: Damerau–Levenshtein similarity (0–1000) on the whole folded
///    text against labels found through ``FuzzyLabelIndex``. Placed only when
///    the best concept scores at least `acceptThreshold`, leads the next
///    concept by `acceptMargin`, the term is at least `minimumFuzzyLength`
///    long, and neither side's words are a strict subset of the other's.
///
/// Deterministic: ties go to the concept with the smaller id (byte order).
/// Memoised per raw cell piece, per raw term and per folded term, so a
/// repeated mention costs one lookup; each distinct mapping is stored once and
/// handed out by id (``normalise(cell:into:)``).
public struct SkillNormaliser: Sendable {
  public let taxonomy: Taxonomy
  public let settings: SkillSettings
  public let splitter: SkillCellSplitter
  private var byFolded: [String: SkillMatch] = [:]
  private var byRaw: [String: SkillMatch] = [:]
  var foldedPieces: [String: String] = [:]
  private var idsByTerm: [String: [Int32]] = [:]
  private var scratch: FuzzyScratch
  // Every distinct mapping, stored once; callers hold their numbers (ids).
  private var mappingTable: [SkillTermMapping] = []
  private var outcomes: [SkillOutcome] = []
  // The fast path's memo and working memory (SkillNormaliser+Cells.swift).
  var pieceMemo = RawPieceMemo()
  var pieces: [MemoisedPiece] = []
  var pieceIDs: [Int32] = []
  var cellBytes: [UInt8] = []
  var cellPieces: [PieceSpan] = []
  // Where the fast path's early loads land, so the optimiser keeps them.
  var touched: UInt64 = 0

  /// Folded terms longer than this are sentences, not skills: never fuzzy-matched.
  static let longestFuzzyTerm = 80

  public init(taxonomy: Taxonomy, settings: SkillSettings = .defaults) {
    self.taxonomy = taxonomy
    self.settings = settings
    self.splitter = SkillCellSplitter(taxonomy: taxonomy)
    self.scratch = FuzzyScratch(index: taxonomy.index.fuzzy)
  }

  /// How many distinct folded terms have been matched so far.
  public var distinctTermCount: Int { byFolded.count }

  /// Splits a raw cell (``SkillCellSplitter``) and matches each term. When
  /// `splitOnAnd` is set, an unplaced term holding "and" or "&" between words
  /// becomes its parts if every part is placed.
  public mutating func normalise(cell: String) -> [SkillTermMapping] {
    var ids: [Int32] = []
    normalise(cell: cell, into: &ids)
    return ids.map { mappingTable[Int($0)] }
  }

  /// ``normalise(cell:)`` as mapping ids appended to `ids`: the fast form for
  /// millions of cells, since an id is a number where a mapping is a reference
  /// to count. Read them with ``mapping(_:)`` and ``outcome(_:)``; the same
  /// term always gets the same id from one normaliser.
  public mutating func normalise(cell: String, into ids: inout [Int32]) {
    if normaliseByMemo(cell, into: &ids) { return }
    normaliseBySplitting(cell: cell, into: &ids)
  }

  /// The mapping with this id (an id this normaliser gave out).
  public func mapping(_ id: Int32) -> SkillTermMapping { mappingTable[Int(id)] }

  /// The method or reason of the mapping with this id (an id this normaliser gave out).
  public func outcome(_ id: Int32) -> SkillOutcome { outcomes[Int(id)] }

  /// How many distinct mappings (ids) there are so far: ids run from 0 to this minus 1.
  public var mappingCount: Int { mappingTable.count }

  /// The general path: ``SkillCellSplitter/split(_:)``, then each term matched.
  /// ``normalise(cell:)`` gives the same answer, faster, for most cells.
  mutating func normaliseBySplitting(cell: String) -> [SkillTermMapping] {
    var ids: [Int32] = []
    normaliseBySplitting(cell: cell, into: &ids)
    return ids.map { mappingTable[Int($0)] }
  }

  mutating func normaliseBySplitting(cell: String, into ids: inout [Int32]) {
    let terms = splitter.split(cell) { piece in
      if let known = foldedPieces[piece] { return known }
      let folded = SkillFolding.fold(piece)
      foldedPieces[piece] = folded
      return folded
    }
    for term in terms { ids += mappingIDs(term: term) }
  }

  /// The mappings of one term of a cell: the term itself, or its parts
  /// around "and" when only they are placed.
  mutating func mappings(term: String) -> [SkillTermMapping] {
    mappingIDs(term: term).map { mappingTable[Int($0)] }
  }

  /// ``mappings(term:)`` as ids, each mapping stored once.
  mutating func mappingIDs(term: String) -> [Int32] {
    if let known = idsByTerm[term] { return known }
    var ids: [Int32] = []
    for mapping in unmemoisedMappings(term: term) {
      ids.append(Int32(mappingTable.count))
      outcomes.append(SkillOutcome(mapping.match))
      mappingTable.append(mapping)
    }
    idsByTerm[term] = ids
    return ids
  }

  private mutating func unmemoisedMappings(term: String) -> [SkillTermMapping] {
    let whole = match(term: term)
    if whole.placement == nil, settings.splitOnAnd, whole.folded.contains("and") {
      let parts = Self.partsAroundAnd(term)
      if parts.count > 1 {
        let matches = parts.map { match(term: $0) }
        if matches.allSatisfy({ $0.placement != nil }) {
          return zip(parts, matches).map { SkillTermMapping(term: $0, match: $1) }
        }
      }
    }
    return [SkillTermMapping(term: term, match: whole)]
  }

  /// Matches one term as it is (no splitting).
  public mutating func match(term: String) -> SkillMatch {
    if let known = byRaw[term] { return known }
    let folded = SkillFolding.fold(term)
    let result: SkillMatch
    if let known = byFolded[folded] {
      result = known
    } else {
      result = cascade(folded)
      byFolded[folded] = result
    }
    byRaw[term] = result
    return result
  }

  static func partsAroundAnd(_ term: String) -> [String] {
    var parts: [String] = []
    var current: [Substring] = []
    for word in term.split(whereSeparator: \.isWhitespace) {
      if word.lowercased() == "and" || word == "&" {
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        current = []
      } else {
        current.append(word)
      }
    }
    if !current.isEmpty { parts.append(current.joined(separator: " ")) }
    return parts
  }

  private func placement(_ position: Int32, _ method: SkillMatchMethod, score: Int, label: String) -> SkillPlacement {
    let concept = taxonomy.concepts[Int(position)]
    return SkillPlacement(conceptID: concept.id, prefLabel: concept.prefLabel, method: method, score: score, matchedLabel: label)
  }

  private func candidate(_ position: Int32, score: Int) -> SkillCandidate {
    let concept = taxonomy.concepts[Int(position)]
    return SkillCandidate(conceptID: concept.id, prefLabel: concept.prefLabel, score: score)
  }

  private func ambiguous(_ folded: String, _ positions: [Int32]) -> SkillMatch {
    SkillMatch(folded: folded, placement: nil, unplacedReason: .ambiguous,
               candidates: positions.prefix(3).map { candidate($0, score: 1000) })
  }

  private mutating func cascade(_ folded: String) -> SkillMatch {
    let index = taxonomy.index
    guard !folded.isEmpty else {
      return SkillMatch(folded: folded, placement: nil, unplacedReason: .noCandidate, candidates: [])
    }
    if let position = index.exact[folded] {
      return SkillMatch(folded: folded, placement: placement(position, .exact, score: 1000, label: folded), unplacedReason: nil, candidates: [])
    }
    let words = SkillFolding.words(folded).map(String.init)
    let fingerprint = SkillVariants.fingerprint(words)
    if let positions = index.fingerprints[fingerprint] {
      guard positions.count == 1 else { return ambiguous(folded, positions) }
      return SkillMatch(folded: folded, placement: placement(positions[0], .fingerprint, score: 1000, label: fingerprint), unplacedReason: nil, candidates: [])
    }
    let expanded = words.flatMap { index.abbreviations[$0] ?? [$0] }
    for key in [SkillVariants.key(words), SkillVariants.key(expanded)] {
      guard let positions = index.variants[key] else { continue }
      guard positions.count == 1 else { return ambiguous(folded, positions) }
      return SkillMatch(folded: folded, placement: placement(positions[0], .variant, score: 1000, label: key), unplacedReason: nil, candidates: [])
    }
    return fuzzy(folded)
  }

  private mutating func fuzzy(_ folded: String) -> SkillMatch {
    let index = taxonomy.index.fuzzy
    let length = folded.unicodeScalars.count
    guard length <= Self.longestFuzzyTerm else {
      return SkillMatch(folded: folded, placement: nil, unplacedReason: .noCandidate, candidates: [])
    }
    let found = index.search(folded, floor: settings.reviewThreshold, scratch: &scratch)
    guard let best = found.first else {
      return SkillMatch(folded: folded, placement: nil, unplacedReason: .noCandidate, candidates: [])
    }
    let runnerUp = found.count > 1 ? found[1].score : 0
    let label = index.labelText[Int(best.label)]
    let clearLead = best.score - runnerUp >= settings.acceptMargin
    if best.score >= settings.acceptThreshold, clearLead, length >= settings.minimumFuzzyLength,
      !Self.isStrictWordSubset(folded, label)
    {
      return SkillMatch(folded: folded, placement: placement(best.concept, .fuzzy, score: best.score, label: label),
                        unplacedReason: nil, candidates: found.dropFirst().prefix(3).map { candidate($0.concept, score: $0.score) })
    }
    let reason: SkillUnplacedReason
    if best.score >= settings.acceptThreshold, !clearLead {
      reason = .ambiguous
    } else if best.score >= settings.reviewThreshold {
      reason = .belowThreshold
    } else {
      reason = .noCandidate
    }
    return SkillMatch(folded: folded, placement: nil, unplacedReason: reason,
                      candidates: found.prefix(3).map { candidate($0.concept, score: $0.score) })
  }

  /// Whether one text's words are a strict subset of the other's: such a pair
  /// is never accepted, however close ("management" is not "project management").
  static func isStrictWordSubset(_ a: String, _ b: String) -> Bool {
    let wordsA = Set(SkillFolding.words(a)), wordsB = Set(SkillFolding.words(b))
    return wordsA != wordsB && (wordsA.isSubset(of: wordsB) || wordsB.isSubset(of: wordsA))
  }
}
