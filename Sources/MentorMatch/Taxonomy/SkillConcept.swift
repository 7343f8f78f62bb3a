/// Whether a concept may still be used.
public enum SkillConceptStatus: String, Sendable, Equatable, CaseIterable {
  case active
  /// Kept so that old labels still resolve; mappings go to `replacedBy`.
  case deprecated
}

/// The kind of a label, as in SKOS (<https://www.w3.org/TR/skos-reference/#labels>).
public enum SkillLabelKind: String, Sendable, Equatable, CaseIterable {
  /// `skos:prefLabel`: the name shown to people.
  case preferred = "pref"
  /// `skos:altLabel`: synonyms and abbreviations.
  case alt
  /// `skos:hiddenLabel`: misspellings and outdated terms that resolve but are never shown.
  case hidden
}

/// One label of a concept, with the line it came from.
public struct SkillLabel: Sendable, Equatable {
  public var text: String
  public var kind: SkillLabelKind
  /// Where it was read (`concepts.csv:12`, `labels.csv:88`), for messages.
  public var file: String
  public var line: Int

  public init(text: String, kind: SkillLabelKind, file: String, line: Int) {
    self.text = text
    self.kind = kind
    self.file = file
    self.line = line
  }
}

/// One concept of a taxonomy, modelled on a SKOS concept
/// (<https://www.w3.org/TR/skos-reference/>) and an ESCO skill.
public struct SkillConcept: Sendable, Equatable {
  /// A stable id such as `skill:stakeholder-management`.
  public var id: String
  public var prefLabel: String
  /// Parent ids (`skos:broader`), in file order.
  public var broader: [String]
  /// The concept scheme: `profession`, `behaviour`, `skill`, …
  public var scheme: String
  public var status: SkillConceptStatus
  /// For a deprecated concept, the concept that replaces it.
  public var replacedBy: String?
  /// Alt and hidden labels, in file order.
  public var labels: [SkillLabel]
  /// The file and line of the concept's row.
  public var file: String
  public var line: Int

  public init(
    id: String, prefLabel: String, broader: [String] = [], scheme: String = "skill",
    status: SkillConceptStatus = .active, replacedBy: String? = nil, labels: [SkillLabel] = [],
    file: String = "concepts.csv", line: Int = 0
  ) {
    self.id = id
    self.prefLabel = prefLabel
    self.broader = broader
    self.scheme = scheme
    self.status = status
    self.replacedBy = replacedBy
    self.labels = labels
    self.file = file
    self.line = line
  }

  /// The preferred label first, then the alt and hidden labels.
  public var allLabels: [SkillLabel] {
    [SkillLabel(text: prefLabel, kind: .preferred, file: file, line: line)] + labels
  }
}
