extension CohortTables {
  /// One side's text, folded and split for the rules but not yet interned:
  /// the part of ``init(cohort:rules:)`` that needs no shared state, so the
  /// mentee side and the mentor side are worked out at the same time.
  /// Interning stays serial, in the order it always had, so interned ids do
  /// not depend on threads.
  struct SideColumns: Sendable {
    /// Position by id.
    var index: [String: Int] = [:]
    /// Per rule: the folded value per person (`same`, `different`; else empty).
    var values: [[String?]] = []
    /// Per rule: the folded list items per person (`contains`; else empty).
    var items: [[[String]]] = []
    /// Per rule: whether it applies to each person (mentees, conditional rules; else empty).
    var applies: [[Bool]] = []
    /// Lowercased email and line manager's email per person, nil when blank.
    var email: [String?] = []
    var manager: [String?] = []
    /// Per person: rank of its id in sorted order (worked out for mentors only).
    var rank: [Int32] = []
  }

  /// Folds one side's fields for `rules`.
  /// - Parameters:
  ///   - asMentee: read the mentee fields of `contains` rules and the rules' conditions;
  ///     otherwise the mentor fields, and rank the ids.
  /// - Throws: ``ScoringError`` for a duplicate id or a negative grade.
  static func columns(_ people: [ScoringPerson], rules: [ScoringRule], asMentee: Bool) throws(ScoringError)
    -> SideColumns
  {
    var side = SideColumns()
    side.index = try indexByID(people, role: asMentee ? "mentee" : "mentor")
    for rule in rules {
      switch rule.test {
      case .same(let field), .different(let field):
        side.values.append(people.map { $0.value(of: field) })
        side.items.append([])
      case .contains(let menteeField, let mentorField):
        let field = asMentee ? menteeField : mentorField
        side.values.append([])
        side.items.append(people.map { $0.list(of: field) })
      default:
        side.values.append([])
        side.items.append([])
      }
      if asMentee, let condition = rule.condition {
        side.applies.append(people.map { condition.holds(for: $0) })
      } else {
        side.applies.append([])
      }
    }
    side.email = people.map { $0.email.isEmpty ? nil : $0.email.lowercased() }
    side.manager = people.map { person in
      guard let raw = person.lineManagerEmail, !raw.isEmpty else { return nil }
      return raw.lowercased()
    }
    if !asMentee {
      side.rank = [Int32](repeating: 0, count: people.count)
      for (rank, j) in people.indices.sorted(by: { people[$0].id < people[$1].id }).enumerated() {
        side.rank[j] = Int32(rank)
      }
    }
    return side
  }

  /// Both sides' columns, the mentee side and the mentor side on two threads
  /// when there are enough people to pay for it.
  static func columns(mentees: [ScoringPerson], mentors: [ScoringPerson], rules: [ScoringRule])
    throws(ScoringError) -> (mentees: SideColumns, mentors: SideColumns)
  {
    let concurrency = mentees.count + mentors.count >= 256 ? ParallelWork.cores : 1
    let sides = ParallelWork.map(2, concurrency: concurrency) { side in
      Result { () throws(ScoringError) -> SideColumns in
        try columns(side == 0 ? mentees : mentors, rules: rules, asMentee: side == 0)
      }
    }
    // The mentee side's error first, as when the sides were read one after the other.
    return (try sides[0].get(), try sides[1].get())
  }

  static func indexByID(_ people: [ScoringPerson], role: String) throws(ScoringError) -> [String: Int] {
    var index: [String: Int] = [:]
    index.reserveCapacity(people.count)
    for (position, person) in people.enumerated() {
      guard person.grade >= 0 else { throw .badGrade(role: role, id: person.id, grade: person.grade) }
      guard index.updateValue(position, forKey: person.id) == nil else { throw .duplicateID(role: role, id: person.id) }
    }
    return index
  }
}
