import Foundation

/// A seeded generator of large taxonomies and skill mentions for the
/// benchmark (`scripts/bench-normalise`). Same seed, same bytes.
///
/// Labels are made of pseudo-words drawn with a skewed distribution (a few
/// words such as real "management" appear in many labels). Each concept gets a
/// preferred label, alt labels (other phrases, initials) and hidden labels
/// (one-edit misspellings), all unique once folded. Mentions come from a pool
/// of distinct raw forms (verbatim labels, case and punctuation variants,
/// misspellings, reordered words, unplaceable phrases) drawn with a heavy head,
/// as real sign-up text is.
public struct SyntheticTaxonomy: Sendable {
  public var conceptsCSV: [UInt8]
  public var labelsCSV: [UInt8]
  /// One cell per line: a person's skills separated by `; `.
  public var mentionsText: String

  /// Generates a taxonomy of `concepts` concepts and `labels` labels in all
  /// (preferred included), and `people` cells of `perPerson` mentions drawn
  /// from `distinctForms` raw forms.
  public init(concepts: Int, labels: Int, people: Int, perPerson: Int, distinctForms: Int, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let vocabulary = Self.vocabulary(count: max(200, concepts / 2), random: &random)
    func word() -> String {
      // Cubing a uniform draw skews towards the first words: a heavy head of common words.
      let u = Double(random.next() >> 11) / Double(1 << 53)
      return vocabulary[min(vocabulary.count - 1, Int(u * u * u * Double(vocabulary.count)))]
    }
    func phrase() -> String { (0..<random.int(1...4)).map { _ in word() }.joined(separator: " ") }
    var used: Set<String> = []
    var concepts_: [(id: String, pref: String, parent: String)] = []
    var levelStarts: [Int] = []
    for index in 0..<concepts {
      let level = index < 40 ? 0 : (index < 640 ? 1 : (index < 3640 ? 2 : 3))
      if levelStarts.count == level { levelStarts.append(index) }
      var pref = phrase()
      while !used.insert(SkillFolding.fold(pref)).inserted { pref = phrase() + " " + word() }
      let parent = level == 0 ? "" : concepts_[random.int(levelStarts[level - 1]...(levelStarts[level] - 1))].id
      concepts_.append((String(format: "gen:c%05d", index), pref, parent))
    }
    var conceptWriter = CSVWriter(mode: .plain)
    conceptWriter.write(["id", "pref_label", "broader", "scheme", "status", "replaced_by"])
    for concept in concepts_ { conceptWriter.write([concept.id, concept.pref.capitalized, concept.parent, "skill", "active", ""]) }
    var labelWriter = CSVWriter(mode: .plain)
    labelWriter.write(["concept_id", "label", "kind"])
    var allLabels = concepts_.map(\.pref)
    var made = concepts
    var attempts = 0
    while made < labels, attempts < labels * 10 {
      attempts += 1
      let concept = concepts_[random.int(0...(concepts - 1))]
      let kind = random.int(0...2)
      let text: String
      switch kind {
      case 0: text = phrase()
      case 1: text = String(concept.pref.split(separator: " ").compactMap(\.first)) + String(random.int(0...9))
      default: text = Self.misspell(concept.pref, random: &random)
      }
      guard used.insert(SkillFolding.fold(text)).inserted else { continue }
      labelWriter.write([concept.id, text, kind == 2 ? "hidden" : "alt"])
      allLabels.append(text)
      made += 1
    }
    var forms: [String] = []
    for _ in 0..<distinctForms {
      let label = allLabels[random.int(0...(allLabels.count - 1))]
      switch random.int(0...19) {
      case 0...10: forms.append(label)
      case 11, 12: forms.append(label.uppercased())
      case 13, 14: forms.append(Self.misspell(label, random: &random))
      case 15: forms.append(label.split(separator: " ").reversed().joined(separator: " "))
      case 16: forms.append(label.capitalized + "s")
      default: forms.append(phrase() + " " + Self.pseudoWord(random: &random))
      }
    }
    var lines: [String] = []
    lines.reserveCapacity(people)
    for _ in 0..<people {
      var cell: [String] = []
      for _ in 0..<perPerson {
        let u = Double(random.next() >> 11) / Double(1 << 53)
        cell.append(forms[min(forms.count - 1, Int(u * u * Double(forms.count)))])
      }
      lines.append(cell.joined(separator: "; "))
    }
    conceptsCSV = conceptWriter.bytes
    labelsCSV = labelWriter.bytes
    mentionsText = lines.joined(separator: "\n") + "\n"
  }

  static func vocabulary(count: Int, random: inout SplitMix64) -> [String] {
    var seen: Set<String> = []
    var words: [String] = []
    while words.count < count {
      let word = pseudoWord(random: &random)
      if seen.insert(word).inserted { words.append(word) }
    }
    return words
  }

  static func pseudoWord(random: inout SplitMix64) -> String {
    let onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "st", "pr", "tr", "gr", "pl"]
    let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io"]
    let codas = ["", "", "n", "r", "s", "t", "nt", "ng", "ment", "tion", "ing"]
    var word = ""
    for _ in 0..<random.int(2...4) {
      word += onsets[random.int(0...(onsets.count - 1))] + vowels[random.int(0...(vowels.count - 1))]
    }
    return word + codas[random.int(0...(codas.count - 1))]
  }

  static func misspell(_ text: String, random: inout SplitMix64) -> String {
    var characters = Array(text)
    guard characters.count > 3 else { return text + "e" }
    let position = random.int(1...(characters.count - 2))
    switch random.int(0...2) {
    case 0: characters.remove(at: position)
    case 1: characters.swapAt(position, position + 1)
    default: characters.insert(characters[position], at: position)
    }
    return String(characters)
  }
}
