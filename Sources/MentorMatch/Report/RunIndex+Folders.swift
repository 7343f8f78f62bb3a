import Foundation

extension RunIndex {
  /// A cohort name as a folder name: lowercase ASCII letters, digits and
  /// hyphens. Accented letters keep their base letter (`Été` → `ete`, `Ŵyl`
  /// → `wyl`): the name is decomposed (Unicode canonical decomposition, which
  /// Unicode promises never to change for an assigned character) and the
  /// accents dropped. The Latin letters that have no decomposition are
  /// spelt out as they usually are in ASCII (`Straße` → `strasse`, `Øre` →
  /// `ore`; ``latinWithoutDecomposition``). Anything else becomes one hyphen.
  static func slug(_ cohort: String) -> String {
    var out = ""
    for scalar in cohort.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
        out.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else if let spelt = latinWithoutDecomposition[scalar] {
        out += spelt
      } else if !out.hasSuffix("-") {
        out.append("-")
      }
    }
    let trimmed = out.trimmingHyphens()
    return trimmed.isEmpty ? "cohort" : trimmed
  }

  /// Lowercase Latin letters that canonical decomposition leaves whole, and
  /// their usual ASCII spelling.
  static let latinWithoutDecomposition: [Unicode.Scalar: String] = [
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
    "ŧ": "t", "ŀ": "l",
  ]

  /// Each cohort's folder in a run folder (`cohorts/<slug>`), distinct even
  /// when two names share a slug: the first in name order keeps the plain
  /// slug, the next gets `-2`, and so on.
  public static func cohortFolders(_ cohorts: [String]) -> [String: String] {
    var used: Set<String> = []
    var result: [String: String] = [:]
    for cohort in cohorts.sorted() {
      var name = "cohorts/" + slug(cohort)
      var suffix = 2
      while used.contains(name) {
        name = "cohorts/\(slug(cohort))-\(suffix)"
        suffix += 1
      }
      used.insert(name)
      result[cohort] = name
    }
    return result
  }
}

extension String {
  fileprivate func trimmingHyphens() -> String {
    var text = Substring(self)
    while text.hasPrefix("-") { text = text.dropFirst() }
    while text.hasSuffix("-") { text = text.dropLast() }
    return String(text)
  }
}
