/// A skills taxonomy: concepts with preferred, alt and hidden labels, a
/// `broader` hierarchy and deprecations, modelled on SKOS
/// (<https://www.w3.org/TR/skos-reference/>) and ESCO
/// (<https://esco.ec.europa.eu/>). Immutable once built; building it checks it
/// (see ``checkProblems(_:)``) and builds the matching indexes.
///
/// Read one from a folder with ``load(directory:)``; map typed skills to its
/// concepts with ``SkillNormaliser``.
public final class Taxonomy: Sendable {
  /// Every concept, sorted by id (byte order).
  public let concepts: [SkillConcept]
  /// The text of `attribution.txt`, when the folder has one.
  public let attribution: String?
  /// Parent ids (`broader`) by concept id, every concept present (roots map to `[]`).
  public let broader: [String: [String]]
  /// Preferred labels by concept id.
  public let preferredLabels: [String: String]

  let positions: [String: Int]
  /// For each concept position, the position of the active concept it resolves to.
  let resolvedPositions: [Int]
  /// For each concept position, its depth: 1 for a root, 1 + its first parent's otherwise.
  let levels: [Int]
  let index: SkillIndex

  /// Checks `concepts` and builds a taxonomy from them.
  ///
  /// - Parameter concepts: in file order, so that problems name the later of two clashing lines.
  /// - Throws: ``TaxonomyError`` with every problem found.
  public init(concepts: [SkillConcept], attribution: String? = nil) throws(TaxonomyError) {
    let problems = Self.checkProblems(concepts)
    guard problems.isEmpty else { throw TaxonomyError(kind: .invalid, problems: problems) }
    let sorted = concepts.sorted { utf8Less($0.id, $1.id) }
    var positions: [String: Int] = [:]
    for (position, concept) in sorted.enumerated() { positions[concept.id] = position }
    self.concepts = sorted
    self.attribution = attribution
    self.positions = positions
    var broader: [String: [String]] = [:]
    var labels: [String: String] = [:]
    for concept in sorted {
      broader[concept.id] = concept.broader
      labels[concept.id] = concept.prefLabel
    }
    self.broader = broader
    self.preferredLabels = labels
    self.resolvedPositions = sorted.map { concept in
      var current = concept
      while current.status == .deprecated, let next = current.replacedBy, let position = positions[next] {
        current = sorted[position]
      }
      return positions[current.id] ?? 0
    }
    var levels = Array(repeating: 0, count: sorted.count)
    func level(_ position: Int) -> Int {
      if levels[position] > 0 { return levels[position] }
      let parent = sorted[position].broader.first.flatMap { positions[$0] }
      let value = parent.map { level($0) + 1 } ?? 1
      levels[position] = value
      return value
    }
    for position in sorted.indices { _ = level(position) }
    self.levels = levels
    self.index = SkillIndex(concepts: sorted, resolved: resolvedPositions)
  }

  /// The concept with this id.
  public func concept(_ id: String) -> SkillConcept? {
    positions[id].map { concepts[$0] }
  }

  /// The active concept an id resolves to: itself, or for a deprecated
  /// concept the end of its `replaced_by` chain. Nil for an unknown id.
  public func resolve(_ id: String) -> String? {
    positions[id].map { concepts[resolvedPositions[$0]].id }
  }

  /// The depth of a concept: 1 for a root, else one more than its first parent's.
  public func level(of id: String) -> Int? {
    positions[id].map { levels[$0] }
  }

  /// The root reached by following first parents: the concept's top-level group
  /// (a profession, the behaviours, …). A root is its own group.
  public func topLevelGroup(of id: String) -> String? {
    guard var position = positions[id] else { return nil }
    while let parent = concepts[position].broader.first, let next = positions[parent] {
      position = next
    }
    return concepts[position].id
  }

  /// Every ancestor of a concept through any parent, nearest first, ties by id.
  public func ancestors(of id: String) -> [String] {
    var seen: Set<String> = [id]
    var frontier = broader[id] ?? []
    var result: [String] = []
    while !frontier.isEmpty {
      let layer = Set(frontier).subtracting(seen).sorted(by: utf8Less)
      result.append(contentsOf: layer)
      seen.formUnion(layer)
      frontier = layer.flatMap { broader[$0] ?? [] }
    }
    return result
  }

  /// Concept counts for `taxonomy check`, every list sorted by key.
  public var statistics: TaxonomyStatistics {
    var schemes: [String: Int] = [:]
    var levelCounts: [Int: Int] = [:]
    var kinds: [SkillLabelKind: Int] = [:]
    var deprecated = 0
    for (position, concept) in concepts.enumerated() {
      schemes[concept.scheme, default: 0] += 1
      levelCounts[levels[position], default: 0] += 1
      kinds[.preferred, default: 0] += 1
      for label in concept.labels { kinds[label.kind, default: 0] += 1 }
      if concept.status == .deprecated { deprecated += 1 }
    }
    return TaxonomyStatistics(
      concepts: concepts.count,
      deprecated: deprecated,
      byScheme: schemes.sorted { utf8Less($0.key, $1.key) }.map { ($0.key, $0.value) },
      byLevel: levelCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
      byLabelKind: SkillLabelKind.allCases.map { ($0, kinds[$0] ?? 0) }
    )
  }
}

/// Counts describing a taxonomy.
public struct TaxonomyStatistics: Sendable {
  public var concepts: Int
  public var deprecated: Int
  public var byScheme: [(scheme: String, count: Int)]
  public var byLevel: [(level: Int, count: Int)]
  public var byLabelKind: [(kind: SkillLabelKind, count: Int)]
}
