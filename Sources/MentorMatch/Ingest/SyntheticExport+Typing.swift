/// Skills typed the way people type them: the preferred label or another
/// label (abbreviations, variants), sometimes with one or two slipped letters,
/// sometimes all lowercase, joined by whatever separator the person likes.
extension SyntheticExport {
  private static let separators = WeightedChoice<String>([
    ("; ", 30), (", ", 25), (" / ", 10), ("\n", 15), ("bullet", 10), ("dash", 5), ("mixed", 5),
  ])

  /// A skills cell with up to `count` distinct skills.
  func skillsCell(count: Int, using random: inout SeededRandom) -> String {
    var chosen: [Int] = []
    for _ in 0..<(count * 2) where chosen.count < count {
      guard let concept = skillPopularity.draw(using: &random) else { break }
      if !chosen.contains(concept) { chosen.append(concept) }
    }
    let terms = chosen.map { typed(settings.vocabulary.concepts[$0], using: &random) }
    switch Self.separators.draw(using: &random) ?? "; " {
    case "bullet": return terms.map { "• " + $0 }.joined(separator: "\n")
    case "dash": return terms.map { "- " + $0 }.joined(separator: "\n")
    case "mixed":
      var cell = ""
      for (position, term) in terms.enumerated() {
        if position > 0 { cell += random.element(of: ["; ", ", ", " / ", "\n"]) ?? "; " }
        cell += term
      }
      return cell
    case let separator: return terms.joined(separator: separator)
    }
  }

  /// One way a person might write a concept.
  private func typed(_ labels: [String], using random: inout SeededRandom) -> String {
    var label = labels[0]
    let roll = random.below(100)
    if roll >= 55, roll < 90, labels.count > 1 {
      label = labels[1 + random.below(labels.count - 1)]
    } else if roll >= 90 {
      label = Self.misspelt(label, edits: random.within(1...2), using: &random)
    }
    return random.chance(perMillion: 150_000) ? label.lowercased() : label
  }

  /// The label with letters swapped, dropped or doubled.
  static func misspelt(_ label: String, edits: Int, using random: inout SeededRandom) -> String {
    var characters = Array(label)
    for _ in 0..<edits {
      let letters = characters.indices.filter { characters[$0].isLetter }
      guard letters.count >= 4, let at = random.element(of: Array(letters.dropFirst())) else { break }
      switch random.below(3) {
      case 0 where at + 1 < characters.count: characters.swapAt(at, at + 1)
      case 1: characters.remove(at: at)
      default: characters.insert(characters[at], at: at)
      }
    }
    return String(characters)
  }
}
