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
      let pieces = SkillCellSplitter.pieces(of: Substring(raw))
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

  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ";", ",", "/", "|", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
    default: return scalar.value >= 0x80 && bullets.contains(Character(scalar))
    }
  }

  /// The terms of a cell, trimmed, in the order written.
  public func split(_ cell: String) -> [String] {
    split(cell, fold: SkillFolding.fold)
  }

  /// Splits with a given folding function, so that ``SkillNormaliser`` can memoise folding.
  func split(_ cell: String, fold: (String) -> String) -> [String] {
    // Only short cells can be an empty answer as a whole; folding long ones here would be waste.
    if cell.utf8.count <= 40, Self.emptyAnswers.contains(fold(cell)) { return [] }
    var terms: [String] = []
    let hasLineBreaks = cell.utf8.contains { $0 == 0x0A || $0 == 0x0D } || cell.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.isWhitespace }
    let lines = hasLineBreaks ? cell.split(whereSeparator: \.isNewline) : [Substring(cell)]
    for line in lines {
      let pieces = Self.pieces(of: Self.droppingListMarker(line))
      var index = 0
      while index < pieces.count {
        let limit = min(protected.maxPieces, pieces.count - index)
        if limit >= 2, protected.firstPieces.contains(fold(pieces[index].text)) {
          var joined = pieces[index].text
          var longest: (length: Int, text: String)?
          for length in 2...limit {
            joined += String(pieces[index + length - 2].separator.map(Character.init) ?? " ") + pieces[index + length - 1].text
            if protected.folded.contains(fold(joined)) { longest = (length, joined) }
          }
          if let longest {
            append(longest.text, to: &terms, fold: fold)
            index += longest.length
            continue
          }
        }
        append(pieces[index].text, to: &terms, fold: fold)
        index += 1
      }
    }
    return terms
  }

  private func append(_ term: String, to terms: inout [String], fold: (String) -> String) {
    let trimmed = Self.trimmed(term)
    let folded = fold(trimmed)
    guard !folded.isEmpty, !Self.emptyAnswers.contains(folded) else { return }
    terms.append(trimmed)
  }

  /// The text without leading and trailing whitespace (cheaper than Foundation's trimming).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.isWhitespace)
    }
    guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
    var start = scalars.startIndex, end = scalars.endIndex
    while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    return String(text[start..<end])
  }

  /// Pieces of one line between separators, each with the separator after it.
  static func pieces(of text: Substring) -> [(text: String, separator: Unicode.Scalar?)] {
    var result: [(text: String, separator: Unicode.Scalar?)] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if isSeparator(scalar) {
        result.append((String(text[start..<index]), scalar))
        start = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    result.append((String(text[start..<text.endIndex]), nil))
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
