extension Taxonomy {
  /// Every problem with a list of concepts, sorted by file and line:
  /// - an empty or malformed id (ids hold no spaces and no `|`), or an empty preferred label;
  /// - a duplicate id;
  /// - a `broader` id that is not a concept;
  /// - a cycle in `broader`;
  /// - a deprecated concept whose `replaced_by` is missing, unknown or never
  ///   reaches an active concept, and an active concept with a `replaced_by`;
  /// - a label with no letters or digits;
  /// - two concepts whose labels fold (``SkillFolding/fold(_:)``) to the same
  ///   text, naming both, unless one is deprecated in favour of the other.
  public static func checkProblems(_ concepts: [SkillConcept]) -> [TaxonomyProblem] {
    var problems: [TaxonomyProblem] = []
    var firstByID: [String: SkillConcept] = [:]
    for concept in concepts {
      if concept.id.isEmpty || concept.id.contains(where: { $0.isWhitespace || $0 == "|" }) {
        problems.append(.init(file: concept.file, line: concept.line, message: "invalid id '\(concept.id)' (ids hold no spaces and no '|')"))
      }
      if let first = firstByID[concept.id] {
        problems.append(.init(file: concept.file, line: concept.line, message: "duplicate id '\(concept.id)' (first at line \(first.line))"))
      } else {
        firstByID[concept.id] = concept
      }
    }
    for concept in concepts {
      for parent in concept.broader where firstByID[parent] == nil {
        problems.append(.init(file: concept.file, line: concept.line, message: "'\(concept.id)' has unknown broader concept '\(parent)'"))
      }
    }
    problems += cycleProblems(firstByID)
    var resolved: [String: String] = [:]
    for concept in concepts {
      switch (concept.status, concept.replacedBy) {
      case (.active, let replacement?):
        problems.append(.init(file: concept.file, line: concept.line, message: "active concept '\(concept.id)' has replaced_by '\(replacement)' (only deprecated concepts are replaced)"))
      case (.deprecated, nil):
        problems.append(.init(file: concept.file, line: concept.line, message: "deprecated concept '\(concept.id)' has no replaced_by"))
      case (.deprecated, let replacement?):
        var seen: Set<String> = [concept.id]
        var current = replacement
        while true {
          guard let next = firstByID[current] else {
            problems.append(.init(file: concept.file, line: concept.line, message: "deprecated concept '\(concept.id)' is replaced by unknown concept '\(current)'"))
            break
          }
          guard seen.insert(current).inserted else {
            problems.append(.init(file: concept.file, line: concept.line, message: "deprecated concept '\(concept.id)': replaced_by chain loops at '\(current)'"))
            break
          }
          if next.status == .active {
            resolved[concept.id] = next.id
            break
          }
          guard let further = next.replacedBy else { break }  // reported on its own line
          current = further
        }
      case (.active, nil):
        break
      }
    }
    problems += labelProblems(concepts, resolved: resolved)
    return problems.sorted { a, b in
      a.file != b.file ? utf8Less(a.file, b.file) : (a.line ?? 0) < (b.line ?? 0)
    }
  }

  private static func cycleProblems(_ byID: [String: SkillConcept]) -> [TaxonomyProblem] {
    var problems: [TaxonomyProblem] = []
    var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
    for start in byID.keys.sorted(by: utf8Less) where state[start] == nil {
      // Iterative depth-first search: a long chain must not exhaust the stack.
      var stack: [(id: String, next: Int)] = [(start, 0)]
      state[start] = 1
      while let top = stack.last {
        let parents = byID[top.id]?.broader ?? []
        if top.next >= parents.count {
          state[top.id] = 2
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].next += 1
        let parent = parents[top.next]
        guard byID[parent] != nil else { continue }
        switch state[parent] {
        case 1:
          let path = stack.map(\.id).drop { $0 != parent } + [parent]
          let concept = byID[top.id]
          problems.append(.init(file: concept?.file ?? "concepts.csv", line: concept?.line, message: "broader cycle: \(path.map { "'\($0)'" }.joined(separator: " → "))"))
        case nil:
          state[parent] = 1
          stack.append((parent, 0))
        default:
          break
        }
      }
    }
    return problems
  }

  private static func labelProblems(_ concepts: [SkillConcept], resolved: [String: String]) -> [TaxonomyProblem] {
    var problems: [TaxonomyProblem] = []
    var owner: [String: (concept: SkillConcept, label: SkillLabel)] = [:]
    for concept in concepts {
      let target = resolved[concept.id] ?? concept.id
      for label in concept.allLabels {
        let folded = SkillFolding.fold(label.text)
        guard !folded.isEmpty else {
          problems.append(.init(file: label.file, line: label.line, message: "label '\(label.text)' of '\(concept.id)' has no letters or digits"))
          continue
        }
        guard let first = owner[folded] else {
          owner[folded] = (concept, label)
          continue
        }
        let firstTarget = resolved[first.concept.id] ?? first.concept.id
        if first.concept.id == concept.id || firstTarget == target { continue }
        problems.append(.init(
          file: label.file, line: label.line,
          message: "label '\(label.text)' of '\(concept.id)' folds to '\(folded)', as does label '\(first.label.text)' of '\(first.concept.id)' (\(first.label.file):\(first.label.line))"
        ))
      }
    }
    return problems
  }
}
