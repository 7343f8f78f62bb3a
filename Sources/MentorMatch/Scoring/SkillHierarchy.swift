/// The taxonomy's concept hierarchy as plain maps: each concept's broader
/// (parent) concepts and its preferred label, as the taxonomy loader provides.
///
/// Partial credit in the `skills` rule goes through this hierarchy: two
/// different concepts are *related* when one is a direct parent of the other
/// or they share a direct parent. A shared top-level group alone (a concept with
/// no parents, reached by walking up) gives no credit.
public struct SkillHierarchy: Sendable {
  /// Parents per concept id.
  public var broader: [String: [String]]
  /// Preferred label per concept id.
  public var labels: [String: String]

  public init(broader: [String: [String]], labels: [String: String]) {
    self.broader = broader
    self.labels = labels
  }

  /// The preferred label, or the id itself when the taxonomy has none.
  public func label(of concept: String) -> String { labels[concept] ?? concept }

  /// The direct parents of a concept, sorted.
  public func parents(of concept: String) -> [String] { (broader[concept] ?? []).sorted() }

  /// The top-level groups above a concept (concepts with no parents reached by
  /// walking up), sorted; a concept with no parents is its own group.
  public func topLevelGroups(of concept: String) -> [String] {
    var seen: Set<String> = [concept]
    var frontier = [concept]
    var roots: Set<String> = []
    while let next = frontier.popLast() {
      let parents = broader[next] ?? []
      if parents.isEmpty { roots.insert(next) }
      for parent in parents where seen.insert(parent).inserted { frontier.append(parent) }
    }
    return roots.sorted()
  }

  /// Whether two different concepts are related for partial credit: one is a
  /// direct parent of the other, or they share a direct parent.
  public func related(_ a: String, _ b: String) -> Bool {
    guard a != b else { return false }
    let pa = broader[a] ?? [], pb = broader[b] ?? []
    if pa.contains(b) || pb.contains(a) { return true }
    return pa.contains(where: { pb.contains($0) })
  }
}
