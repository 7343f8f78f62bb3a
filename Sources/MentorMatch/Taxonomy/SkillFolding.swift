import Foundation

/// Folds a typed skill or a taxonomy label to the text the matching cascade
/// compares. Both sides go through the same function, so whatever it does to
/// one it does to the other.
///
/// The steps, in order:
/// 1. Unicode NFKC (UAX #15, <https://unicode.org/reports/tr15/>): full-width
///    letters, ligatures and compatibility forms become their plain form.
/// 2. Locale-independent case folding: Unicode's default lower-case mapping
///    plus the few full case foldings it lacks (`ß` → `ss`, final sigma → `σ`),
///    in the spirit of `NFKC_Casefold` (UAX #44). No locale is consulted, so a
///    Turkish machine folds `I` the same way as any other.
/// 3. Punctuation and symbols become spaces, with these exceptions:
///    - `+` and `#` directly after a word and ending it stay (`c++`, `c#`, `f#`, `notepad++`);
///    - `.` at the start of a word stays (`.net`);
///    - apostrophes vanish (`people's` → `peoples`, `don't` → `dont`);
///    - `&` becomes the word `and` (`r&d` → `r and d`, `health & safety` → `health and safety`).
/// 4. Whitespace is collapsed to single spaces and trimmed.
public enum SkillFolding {
  /// The folded form of `text`. Empty when `text` holds no letters or digits.
  public static func fold(_ text: String) -> String {
    let ascii = text.utf8.allSatisfy { $0 < 0x80 }
    let scalars: [Unicode.Scalar]
    if ascii {
      scalars = text.unicodeScalars.map { scalar in
        let value = scalar.value
        return (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
      }
    } else {
      let normalised = caseFold(text.precomposedStringWithCompatibilityMapping)
      scalars = Array(normalised.precomposedStringWithCompatibilityMapping.unicodeScalars)
    }
    return tokens(of: scalars).joined(separator: " ")
  }

  /// The words of a folded text.
  public static func words(_ folded: String) -> [Substring] {
    folded.split(separator: " ", omittingEmptySubsequences: true)
  }

  private static func caseFold(_ text: String) -> String {
    var lowered = text.lowercased()
    // Full case folding differs from lower-casing for these (CaseFolding.txt, status F/C).
    if lowered.contains("ß") { lowered = lowered.replacingOccurrences(of: "ß", with: "ss") }
    if lowered.contains("ς") { lowered = lowered.replacingOccurrences(of: "ς", with: "σ") }
    return lowered
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
    }
    let properties = scalar.properties
    if properties.isAlphabetic || properties.numericType != nil { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
  }

  private static func tokens(of scalars: [Unicode.Scalar]) -> [String] {
    var tokens: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty { tokens.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    var index = 0
    let count = scalars.count
    while index < count {
      let scalar = scalars[index]
      if isWordScalar(scalar) {
        current.append(scalar)
      } else if isApostrophe(scalar) {
        // Dropped without breaking the word.
      } else if (scalar == "+" || scalar == "#"), !current.isEmpty {
        // Keep a run of + or # that ends the word: c++, c#, notepad++.
        var end = index
        while end < count, scalars[end] == "+" || scalars[end] == "#" { end += 1 }
        if end == count || !isWordScalar(scalars[end]) {
          current.append(contentsOf: scalars[index..<end])
          flush()
          index = end
          continue
        }
        flush()
      } else if scalar == ".", current.isEmpty, index + 1 < count, isWordScalar(scalars[index + 1]),
        index == 0 || !isWordScalar(scalars[index - 1])
      {
        current.append(scalar)
      } else if scalar == "&" {
        flush()
        tokens.append("and")
      } else {
        flush()
      }
      index += 1
    }
    flush()
    return tokens
  }
}
