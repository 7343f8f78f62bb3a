/// Every sign-up's typed skills placed on the taxonomy: concept ids per
/// person and side, and every mention for the curation report.
struct SkillsByPerson: Sendable, Equatable {
  var offered: [String: [String]] = [:]
  var wanted: [String: [String]] = [:]
  var mentions: [SkillMention] = []

  /// The mentions placed nowhere, in order, leaving out any whose folded
  /// term is empty: all that the cohort reports' unplaced terms read
  /// (``CohortMatch/unplaced(_:people:)``). Picked out once a night and
  /// split by cohort (``CohortShares/mentions(_:)``), so that each cohort's
  /// report passes over its own rather than every mention.
  func unplacedMentions() -> [SkillMention] {
    mentions.filter { $0.match.placement == nil && !$0.match.folded.isEmpty }
  }

  /// Sign-ups per unit of parallel work: below this, one core does it all.
  static let chunkSize = 2_048

  /// Places every sign-up's skills. The sign-ups are split into one run per
  /// core, each placed by its own ``SkillNormaliser`` (its memo is a cache:
  /// a cell's placement does not depend on what came before), and the runs'
  /// results are joined in sign-up order, so the result does not depend on
  /// `concurrency`. A term typed in several runs is worked out in each; the
  /// costly terms (misspellings, fuzzy matches) are mostly rare ones.
  static func normalise(
    _ signups: [Signup], taxonomy: Taxonomy, settings: SkillSettings, concurrency: Int = ParallelWork.cores
  ) -> SkillsByPerson {
    let runs = max(1, min(concurrency, signups.count / chunkSize))
    let size = (signups.count + runs - 1) / max(runs, 1)
    let parts = ParallelWork.map(runs, concurrency: concurrency) { run in
      normaliseRun(signups[min(signups.count, run * size)..<min(signups.count, (run + 1) * size)], taxonomy: taxonomy, settings: settings)
    }
    var later = parts
    guard !later.isEmpty else { return SkillsByPerson() }
    // The first run's result is the join, with room made once for the
    // others', so that its entries are not inserted or copied again
    // (hundreds of thousands of people). Taken out of the array, so that
    // each value is the only holder of its storage.
    var result = later.removeFirst()
    result.offered.reserveCapacity(later.reduce(result.offered.count) { $0 + $1.offered.count })
    result.wanted.reserveCapacity(later.reduce(result.wanted.count) { $0 + $1.wanted.count })
    result.mentions.reserveCapacity(later.reduce(result.mentions.count) { $0 + $1.mentions.count })
    while !later.isEmpty {
      let part = later.removeFirst()
      // Later sign-ups win, as in one pass (ids are unique after ingest, so this never happens).
      result.offered.merge(part.offered) { _, later in later }
      result.wanted.merge(part.wanted) { _, later in later }
      result.mentions.append(contentsOf: part.mentions)
    }
    return result
  }

  private static func normaliseRun(_ signups: ArraySlice<Signup>, taxonomy: Taxonomy, settings: SkillSettings) -> SkillsByPerson {
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
