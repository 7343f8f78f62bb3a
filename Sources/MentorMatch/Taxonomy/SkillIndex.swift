/// The lookup tables behind the cascade, built once per taxonomy. Every entry
/// points at the active concept a label resolves to (a deprecated concept's
/// labels lead to its replacement).
struct SkillIndex: Sendable {
  /// Folded label → concept position. Unique: clashes are load errors.
  let exact: [String: Int32]
  /// Fingerprint (sorted unique words) → concept positions; more than one is ambiguous.
  let fingerprints: [String: [Int32]]
  /// Variant key (``SkillVariants/key(_:)``) → concept positions; more than one is ambiguous.
  let variants: [String: [Int32]]
  /// Word → the words it abbreviates, learnt from the taxonomy's own labels.
  let abbreviations: [String: [String]]
  let fuzzy: FuzzyLabelIndex
  /// What the cell splitter must not cut (labels such as "C/C++").
  let protectedLabels: SkillCellSplitter.ProtectedLabels

  init(concepts: [SkillConcept], resolved: [Int]) {
    var exact: [String: Int32] = [:]
    var fingerprints: [String: [Int32]] = [:]
    var variants: [String: [Int32]] = [:]
    var fuzzyLabels: [(folded: String, concept: Int32)] = []
    var protected = SkillCellSplitter.ProtectedLabels()
    var wordsByConcept: [[[String]]] = []
    for (position, concept) in concepts.enumerated() {
      let target = Int32(resolved[position])
      var seen: Set<String> = []
      var conceptWords: [[String]] = []
      for label in concept.allLabels {
        protected.add(label.text)
        let folded = SkillFolding.fold(label.text)
        guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
        let words = SkillFolding.words(folded).map(String.init)
        conceptWords.append(words)
        exact[folded] = target
        Self.add(target, to: &fingerprints[SkillVariants.fingerprint(words), default: []])
        Self.add(target, to: &variants[SkillVariants.key(words), default: []])
        fuzzyLabels.append((folded, target))
      }
      wordsByConcept.append(conceptWords)
    }
    self.exact = exact
    self.fingerprints = fingerprints
    self.variants = variants
    self.abbreviations = Self.abbreviations(wordsByConcept)
    self.fuzzy = FuzzyLabelIndex(labels: fuzzyLabels, conceptCount: concepts.count)
    self.protectedLabels = protected
  }

  private static func add(_ position: Int32, to list: inout [Int32]) {
    if !list.contains(position) {
      list.append(position)
      list.sort()
    }
  }

  /// Learns abbreviations from a concept's alt and hidden labels beside its
  /// preferred label: a one-word label that is the initials of the preferred
  /// label (`pm` → `project management`), and a word that abbreviates the word
  /// in the same place of the preferred label when both have as many words (`proj mgmt` beside `project management`
  /// teaches `proj` → `project` and `mgmt` → `management`). A word that
  /// abbreviates two different things, or that is a word of any preferred
  /// label (so a real word, such as `lead`), is left out.
  static func abbreviations(_ wordsByConcept: [[[String]]]) -> [String: [String]] {
    // The first label of each concept is its preferred label: its words are real words.
    let preferredWords = Set(wordsByConcept.compactMap(\.first).flatMap { $0 })
    var table: [String: [String]] = [:]
    var conflicted: Set<String> = []
    func learn(_ short: String, _ expansion: [String]) {
      if let known = table[short], known != expansion { conflicted.insert(short) } else { table[short] = expansion }
    }
    for labels in wordsByConcept {
      // Expansions are always the preferred label's words: alt and hidden
      // labels may themselves be abbreviations or misspellings.
      guard let b = labels.first else { continue }
      for a in labels.dropFirst() {
        if a.count == 1, b.count >= 2 {
          let initials = String(b.compactMap(\.first))
          let contentInitials = String(b.filter { !SkillVariants.fillerWords.contains($0) && $0 != "and" }.compactMap(\.first))
          if a[0].count >= 2, a[0] == initials || a[0] == contentInitials { learn(a[0], b) }
        } else if a.count == b.count {
          for (short, long) in zip(a, b) where isAbbreviation(short, of: long) {
            learn(short, [long])
          }
        }
      }
    }
    for (word, _) in table where preferredWords.contains(word) { conflicted.insert(word) }
    for word in conflicted { table[word] = nil }
    return table
  }

  /// Whether `short` could abbreviate `long`: shorter, at least two letters,
  /// the same first letter, and its letters appear in order in `long`.
  static func isAbbreviation(_ short: String, of long: String) -> Bool {
    guard short.count >= 2, short.count < long.count, short.first == long.first else { return false }
    var remaining = long[...]
    for character in short {
      guard let found = remaining.firstIndex(of: character) else { return false }
      remaining = remaining[remaining.index(after: found)...]
    }
    return true
  }
}
