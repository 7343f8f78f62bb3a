/// Every sign-up's typed skills placed on the taxonomy: concept ids per
/// person and side, and every mention for the curation report.
struct SkillsByPerson: Sendable {
  var offered: [String: [String]] = [:]
  var wanted: [String: [String]] = [:]
  var mentions: [SkillMention] = []

  static func normalise(_ signups: [Signup], taxonomy: Taxonomy, settings: SkillSettings) -> SkillsByPerson {
    var normaliser = SkillNormaliser(taxonomy: taxonomy, settings: settings)
    var result = SkillsByPerson()
    for signup in signups {
      for (side, cell) in [(SkillSide.offered, signup.skillsOfferedText), (.wanted, signup.skillsWantedText)] where !cell.isEmpty {
        let mappings = normaliser.normalise(cell: cell)
        var concepts: [String] = []
        for mapping in mappings {
          result.mentions.append(SkillMention(mapping: mapping, side: side, personID: signup.id))
          if let concept = mapping.match.conceptID, !concepts.contains(concept) { concepts.append(concept) }
        }
        concepts.sort()
        if side == .offered { result.offered[signup.id] = concepts } else { result.wanted[signup.id] = concepts }
      }
    }
    return result
  }
}
