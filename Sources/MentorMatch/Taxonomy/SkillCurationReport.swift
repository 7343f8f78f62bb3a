/// Which cell a skill was typed in.
public enum SkillSide: String, Sendable, Equatable, CaseIterable {
  case offered
  case wanted
}

/// One typed skill of one person in one run.
public struct SkillMention: Sendable, Equatable {
  /// The term as typed, from ``SkillTermMapping/term``.
  public var term: String
  public var match: SkillMatch
  public var side: SkillSide
  /// The person's stable id. Used only to count distinct people; never written.
  public var personID: String

  public init(term: String, match: SkillMatch, side: SkillSide, personID: String) {
    self.term = term
    self.match = match
    self.side = side
    self.personID = personID
  }

  public init(mapping: SkillTermMapping, side: SkillSide, personID: String) {
    self.init(term: mapping.term, match: mapping.match, side: side, personID: personID)
  }
}

/// The curator's view of a run's skills: `skills-curation.csv` (every
/// unplaced folded term) and `skills-fuzzy-audit.csv` (every fuzzy
/// placement). Both are written with ``CSVWriter`` in `.formulaSafe` mode and
/// hold no person ids, names or emails; a term holding `@` is left out of both
/// (it may be an address) and only counted in ``withheldTerms``.
///
/// Rows are ordered by occurrences (most first), then distinct people (most
/// first), then folded term (byte order).
public struct SkillCurationReport: Sendable, Equatable {
  /// `skills-curation.csv`.
  public var curationCSV: [UInt8]
  /// `skills-fuzzy-audit.csv`.
  public var fuzzyAuditCSV: [UInt8]
  public var unplacedTerms: Int
  public var fuzzyTerms: Int
  /// Distinct folded terms left out because they hold `@`.
  public var withheldTerms: Int

  /// The header of `skills-curation.csv`.
  public static let curationHeader = [
    "folded_term", "raw_variants", "occurrences", "people", "side", "reason",
    "candidate_1_id", "candidate_1_label", "candidate_1_score",
    "candidate_2_id", "candidate_2_label", "candidate_2_score",
    "candidate_3_id", "candidate_3_label", "candidate_3_score",
    "cluster_key", "curator_decision", "curator_concept_id", "curator_label_kind", "curator_notes",
  ]

  /// The header of `skills-fuzzy-audit.csv`.
  public static let auditHeader = [
    "folded_term", "raw_variants", "occurrences", "people", "side",
    "concept_id", "pref_label", "matched_label", "score", "runner_up_id", "runner_up_score",
  ]

  /// How many raw spellings are listed per row; the rest are counted.
  static let shownVariants = 5

  /// Builds both files from every mention of a run.
  public init(mentions: [SkillMention]) {
    var groups: [String: Group] = [:]
    var withheld: Set<String> = []
    for mention in mentions {
      let folded = mention.match.folded
      // The byte first: most terms have none, and a search by Character
      // decodes every grapheme of every mention.
      if mention.term.utf8.contains(UInt8(ascii: "@")), mention.term.contains("@") {
        withheld.insert(folded)
        continue
      }
      guard mention.match.placement == nil || mention.match.placement?.method == .fuzzy else { continue }
      groups[folded, default: Group(match: mention.match)].add(mention)
    }
    let ordered = groups.values.sorted { a, b in
      if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
      if a.people.count != b.people.count { return a.people.count > b.people.count }
      return utf8Less(a.match.folded, b.match.folded)
    }
    var curation = CSVWriter(mode: .formulaSafe)
    var audit = CSVWriter(mode: .formulaSafe)
    curation.write(Self.curationHeader)
    audit.write(Self.auditHeader)
    var unplaced = 0, fuzzy = 0
    for group in ordered {
      let common = [group.match.folded, group.variantsText, String(group.occurrences), String(group.people.count), group.sideText]
      if let placement = group.match.placement {
        fuzzy += 1
        let runnerUp = group.match.candidates.first
        audit.write(common + [
          placement.conceptID, placement.prefLabel, placement.matchedLabel, String(placement.score),
          runnerUp?.conceptID ?? "", runnerUp.map { String($0.score) } ?? "",
        ])
      } else {
        unplaced += 1
        var row = common + [group.match.unplacedReason?.rawValue ?? ""]
        for slot in 0..<3 {
          if slot < group.match.candidates.count {
            let candidate = group.match.candidates[slot]
            row += [candidate.conceptID, candidate.prefLabel, String(candidate.score)]
          } else {
            row += ["", "", ""]
          }
        }
        row += [SkillVariants.clusterKey(group.match.folded), "", "", "", ""]
        curation.write(row)
      }
    }
    self.curationCSV = curation.bytes
    self.fuzzyAuditCSV = audit.bytes
    self.unplacedTerms = unplaced
    self.fuzzyTerms = fuzzy
    self.withheldTerms = withheld.count
  }

  /// The mentions of one folded term.
  private struct Group {
    var match: SkillMatch
    var occurrences = 0
    var people: Set<String> = []
    var variants: [String: Int] = [:]
    var sides: Set<SkillSide> = []

    mutating func add(_ mention: SkillMention) {
      occurrences += 1
      people.insert(mention.personID)
      variants[mention.term, default: 0] += 1
      sides.insert(mention.side)
    }

    /// Raw spellings, most frequent first, then byte order, joined with " | ".
    var variantsText: String {
      let sorted = variants.sorted { $0.value != $1.value ? $0.value > $1.value : utf8Less($0.key, $1.key) }
      var shown = sorted.prefix(SkillCurationReport.shownVariants).map(\.key).joined(separator: " | ")
      if sorted.count > SkillCurationReport.shownVariants {
        shown += " | (+\(sorted.count - SkillCurationReport.shownVariants) more)"
      }
      return shown
    }

    var sideText: String {
      sides.count > 1 ? "both" : (sides.first?.rawValue ?? "")
    }
  }
}
