import Foundation

/// Word-level rewrites for the cascade's variant stage and for the curation
/// report's cluster key: US → UK spelling, simple plural stripping and the
/// dropping of filler words. Abbreviations are not here: they come from the
/// taxonomy's own labels (see ``SkillIndex``).
///
/// A rewrite is only ever used to look a term up in an index built with the
/// same rewrites applied to the labels, so an over-eager rule can at worst make
/// two labels of different concepts collide, which the index then treats as
/// ambiguous rather than choosing one.
enum SkillVariants {
  /// Whole-word US spellings whose UK form no suffix rule produces.
  static let ukSpellings: [String: String] = [
    "behavior": "behaviour", "behaviors": "behaviours", "behavioral": "behavioural",
    "labor": "labour", "color": "colour", "favor": "favour", "honor": "honour",
    "neighbor": "neighbour", "harbor": "harbour", "rumor": "rumour", "vigor": "vigour",
    "center": "centre", "centers": "centres", "theater": "theatre", "fiber": "fibre",
    "meter": "metre", "liter": "litre", "defense": "defence", "offense": "offence",
    "license": "licence", "practice": "practice", "catalog": "catalogue", "analog": "analogue",
    "dialog": "dialogue", "judgment": "judgement", "program": "programme", "programs": "programmes",
    "enrollment": "enrolment", "fulfillment": "fulfilment", "skillful": "skilful",
    "aging": "ageing", "gray": "grey", "mold": "mould", "plow": "plough",
    "counseling": "counselling", "counselor": "counsellor", "traveling": "travelling",
    "modeling": "modelling", "modeled": "modelled", "labeling": "labelling", "labeled": "labelled",
    "canceled": "cancelled", "canceling": "cancelling", "fueling": "fuelling", "leveling": "levelling",
    "signaling": "signalling", "tunneling": "tunnelling", "jewelry": "jewellery",
    "maneuver": "manoeuvre", "pediatric": "paediatric", "anemia": "anaemia", "estrogen": "oestrogen",
  ]

  /// Words ending in -ize/-yze that are spelt the same in UK English.
  static let izeExceptions: Set<String> = ["size", "sizes", "prize", "prizes", "seize", "capsize", "downsize", "resize", "maize", "baize"]

  /// Filler words dropped from variant keys.
  static let fillerWords: Set<String> = ["a", "an", "the", "of", "for", "in", "on", "to", "with"]

  /// The UK spelling of one folded word.
  static func ukSpelling(_ word: String) -> String {
    if let table = ukSpellings[word] { return table }
    // Every rule below rewrites a "z": most words have none, and Foundation's
    // substring search cost more than the rest of the variant stage.
    guard word.utf8.contains(0x7A), word.count >= 6, !izeExceptions.contains(word) else { return word }
    if word.contains("ization") { return word.replacingOccurrences(of: "ization", with: "isation") }
    for (us, uk) in [("ization", "isation"), ("izations", "isations"), ("izing", "ising"), ("ized", "ised"),
                     ("izes", "ises"), ("izer", "iser"), ("izers", "isers"), ("ize", "ise"),
                     ("yzing", "ysing"), ("yzed", "ysed"), ("yzes", "yses"), ("yze", "yse")] where word.hasSuffix(us) {
      return String(word.dropLast(us.count)) + uk
    }
    return word
  }

  /// One folded word with a simple English plural removed: `policies` →
  /// `policy`, `skills` → `skill`, `processes` → `process`. Words ending in
  /// `ss`, `us`, `is` and short words are left alone.
  static func singular(_ word: String) -> String {
    guard word.count >= 4, word.last == "s" else { return word }
    if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || word.hasSuffix("'s") { return word }
    if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
    for ending in ["sses", "shes", "ches", "xes", "zzes"] where word.hasSuffix(ending) {
      return String(word.dropLast(2))
    }
    return String(word.dropLast())
  }

  /// The canonical form of one word for variant keys.
  static func canonicalWord(_ word: String) -> String {
    singular(ukSpelling(word))
  }

  /// The variant key of a list of folded words: each word spelt the UK way
  /// and made singular, filler words dropped, then sorted and deduplicated.
  static func key(_ words: [String]) -> String {
    var result: [String] = []
    for word in words {
      let canonical = canonicalWord(word)
      if fillerWords.contains(canonical) { continue }
      result.append(canonical)
    }
    return Set(result).sorted(by: utf8Less).joined(separator: " ")
  }

  /// The fingerprint of a list of folded words: sorted and deduplicated, as
  /// OpenRefine's fingerprint keying does.
  static func fingerprint(_ words: [String]) -> String {
    Set(words).sorted(by: utf8Less).joined(separator: " ")
  }

  /// A key that groups spelling variants of one another for curators: the
  /// variant key with each word reduced to its first letter plus its
  /// consonants, doubled letters collapsed (`engagment` and `engagement` both
  /// give `engmnt`).
  static func clusterKey(_ folded: String) -> String {
    let words = SkillFolding.words(folded).map { canonicalWord(String($0)) }.filter { !fillerWords.contains($0) }
    let skeletons = words.map { word -> String in
      var out: [Character] = []
      for (offset, character) in word.enumerated() {
        if offset > 0, "aeiouy".contains(character) { continue }
        if out.last == character { continue }
        out.append(character)
      }
      return String(out)
    }
    return Set(skeletons).sorted(by: utf8Less).joined(separator: " ")
  }
}

/// Byte-wise order of UTF-8 text: the same in every language and locale.
func utf8Less(_ a: String, _ b: String) -> Bool {
  a.utf8.lexicographicallyPrecedes(b.utf8)
}
