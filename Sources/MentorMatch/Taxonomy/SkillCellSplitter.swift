import Foundation

/// Splits a raw skills cell ("proj mgmt; Agile delivery, Python/SQL") into the
/// terms people meant.
///
/// - Terms are separated by `;`, `,`, `/`, `|`, line breaks and bullet
///   characters (`•`, `◦`, `▪`, `‣`, `·`, `●`, …). A list marker at the start of
///   a line (`-`, `*`, `–`, `1.`, `2)`) is dropped.
/// - Separators inside a taxonomy label are kept: when consecutive pieces
///   joined with their separators fold to a label that itself holds a
///   separator ("C/C++", "CI/CD"), they stay one term. The longest such run wins.
/// - Pieces with no letters or digits, and answers that mean "nothing" (`n/a`,
///   `none`, `tbc`, …), are dropped.
/// - " and " / "&" are not separators here: "Agile and Lean" may be one skill.
///   ``SkillNormaliser`` splits on them only when the whole term cannot be
///   placed and every part can.
public struct SkillCellSplitter: Sendable {
  /// Folded labels that hold a separator, for the merge rule.
  struct ProtectedLabels: Sendable {
    var folded: Set<String> = []
    var firstPieces: Set<String> = []
    var maxPieces = 1

    mutating func add(_ raw: String) {
      let pieces = SkillCellSplitter.pieces(of: raw)
      guard pieces.count > 1 else { return }
      folded.insert(SkillFolding.fold(raw))
      firstPieces.insert(SkillFolding.fold(pieces[0].text))
      maxPieces = max(maxPieces, pieces.count)
    }
  }

  /// Folded answers that mean "no skills".
  public static let emptyAnswers: Set<String> = ["n a", "na", "none", "nil", "nothing", "tbc", "tbd", "not applicable", "no", "not sure", "unknown"]

  static let bullets: Set<Character> = ["•", "◦", "▪", "▫", "‣", "⁃", "·", "∙", "●", "○", "■", "□", "►", "▶", "➢", "➤", "✓", "✔"]

  let protected: ProtectedLabels

  /// A splitter that keeps the taxonomy's own labels whole.
  public init(taxonomy: Taxonomy) {
    var protected = taxonomy.index.protectedLabels
    for answer in ["n/a", "N/A"] { protected.add(answer) }
    self.protected = protected
  }

  static func isSeparator(_ character: Character) -> Bool {
    switch character {
    case ";", ",", "/", "|": return true
    default: return character.isNewline || bullets.contains(character)
    }
  }

  /// The terms of a cell, trimmed, in the order written.
  public func split(_ cell: String) -> [String] {
    if Self.emptyAnswers.contains(SkillFolding.fold(cell)) { return [] }
    var terms: [String] = []
    for line in cell.split(whereSeparator: \.isNewline) {
      let pieces = Self.pieces(of: Self.droppingListMarker(line))
      var index = 0
      while index < pieces.count {
        var taken = 1
        let limit = min(protected.maxPieces, pieces.count - index)
        if limit >= 2, protected.firstPieces.contains(SkillFolding.fold(pieces[index].text)) {
          var joined = pieces[index].text
          var candidates: [(Int, String)] = []
          for length in 2...limit {
            joined += String(pieces[index + length - 2].separator ?? " ") + pieces[index + length - 1].text
            candidates.append((length, joined))
          }
          if let longest = candidates.last(where: { protected.folded.contains(SkillFolding.fold($0.1)) }) {
            taken = longest.0
            append(longest.1, to: &terms)
            index += taken
            continue
          }
        }
        append(pieces[index].text, to: &terms)
        index += taken
      }
    }
    return terms
  }

  private func append(_ term: String, to terms: inout [String]) {
    let trimmed = term.trimmingCharacters(in: .whitespacesAndNewlines)
    let folded = SkillFolding.fold(trimmed)
    guard !folded.isEmpty, !Self.emptyAnswers.contains(folded) else { return }
    terms.append(trimmed)
  }

  /// Pieces of one line between separators, each with the separator after it.
  static func pieces<S: StringProtocol>(of text: S) -> [(text: String, separator: Character?)] {
    var result: [(text: String, separator: Character?)] = []
    var current = ""
    for character in text {
      if isSeparator(character) {
        result.append((current, character))
        current = ""
      } else {
        current.append(character)
      }
    }
    result.append((current, nil))
    return result
  }

  private static func droppingListMarker(_ line: Substring) -> Substring {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    if let first = trimmed.first, "-*–—+>".contains(first) {
      return trimmed.dropFirst()
    }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 2 {
      let rest = trimmed.dropFirst(digits.count)
      if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
        return rest.dropFirst()
      }
    }
    return trimmed
  }
}
