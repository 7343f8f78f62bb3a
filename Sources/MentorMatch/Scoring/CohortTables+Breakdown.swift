extension CohortTables {
  /// Each rule that paid the pair points, with what it found, and the covered skills.
  func breakdown(_ i: Int, _ j: Int) -> PairBreakdown {
    var words = MenteeWords()
    return breakdown(i, j, words: &words)
  }

  /// The breakdowns of `pairs` (mentee, mentor), in order. Each mentee's own
  /// field text is read once per run of pairs with that mentee (pairs sorted
  /// by mentee share it), not once per pair.
  func breakdowns(_ pairs: [(mentee: Int, mentor: Int)]) -> [PairBreakdown] {
    var words = MenteeWords()
    return pairs.map { breakdown($0.mentee, $0.mentor, words: &words) }
  }

  /// A pair's breakdown with the mentee's field text from `words`, worked
  /// out again only when `words` belongs to another mentee.
  private func breakdown(_ i: Int, _ j: Int, words: inout MenteeWords) -> PairBreakdown {
    if words.mentee != i { load(i, into: &words) }
    var scores: [RuleScore] = []
    scores.reserveCapacity(rules.count)
    var covered: [CoveredSkill] = []
    for r in rules.indices {
      guard let points = outcome(r, i, j), points != 0 else { continue }
      let detail: RuleScore.Detail
      switch rules[r].test {
      case .gradeGap:
        detail = .gradeGap(mentors[j].grade - mentees[i].grade)
      case .same(let field):
        detail = .shared(field: field, value: words.shared[r])
      case .different(let field):
        detail = .differs(field: field)
      case .contains(let menteeField, let mentorField):
        // The mentee's first item, as they typed it, that the mentor's list has.
        let theirs = mentorItems[r][j]
        let value = words.items[r].first { item in item.id.map { sortedContains(theirs, $0) } ?? false }?.display ?? ""
        detail = .contained(menteeField: menteeField, mentorField: mentorField, value: value)
      case .skills(let partial):
        detail = .skills
        covered = coveredSkills(i, j, partial: partial)
      case .notLineManager, .noRepeat:
        continue
      }
      scores.append(RuleScore(rule: r, kind: rules[r].kind, side: rules[r].side, points: points, detail: detail))
    }
    return PairBreakdown(rules: scores, coveredSkills: covered)
  }

  /// What a breakdown quotes from one mentee's own fields, per rule: the
  /// trimmed value a `same` rule shows, and a `contains` rule's items as the
  /// mentee typed them, each with its value id (nil when no one else has it).
  /// Both are kept by raw text too, as mentees share a department or a list.
  struct MenteeWords {
    var mentee = -1
    var shared: [String] = []
    var items: [[(display: String, id: Int32?)]] = []
    var displays: [String: String] = [:]
    var lists: [String: [(display: String, id: Int32?)]] = [:]
  }

  private func load(_ i: Int, into words: inout MenteeWords) {
    words.mentee = i
    if words.shared.count != rules.count {
      words.shared = Array(repeating: "", count: rules.count)
      words.items = Array(repeating: [], count: rules.count)
    }
    for r in rules.indices {
      switch rules[r].test {
      case .same(let field):
        guard let raw = mentees[i].fields[field] else {
          words.shared[r] = ""
          continue
        }
        if let known = words.displays[raw] {
          words.shared[r] = known
        } else {
          let display = FieldText.display(raw)
          words.displays[raw] = display
          words.shared[r] = display
        }
      case .contains(let menteeField, _):
        let raw = mentees[i].fields[menteeField] ?? ""
        if let known = words.lists[raw] {
          words.items[r] = known
        } else {
          let items = raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }).map { piece in
            let display = FieldText.display(String(piece))
            return (display: display, id: valueIDs[FieldText.fold(display)])
          }
          words.lists[raw] = items
          words.items[r] = items
        }
      default:
        continue
      }
    }
  }

  /// The wanted skills the mentor covers, by preferred label.
  func coveredSkills(_ i: Int, _ j: Int, partial: Int) -> [CoveredSkill] {
    let theirs = offered[j]
    var result: [CoveredSkill] = []
    for c in wanted[i] {
      let label = hierarchy.label(of: conceptIDs[Int(c)])
      if sortedContains(theirs, c) {
        result.append(CoveredSkill(wanted: label, offered: label, exact: true, weight: weight[Int(c)]))
      } else if partial > 0 {
        let via = theirs.filter { related(c, $0) }.map { hierarchy.label(of: conceptIDs[Int($0)]) }.min()
        if let via { result.append(CoveredSkill(wanted: label, offered: via, exact: false, weight: weight[Int(c)])) }
      }
    }
    return result.sorted {
      if $0.exact != $1.exact { return $0.exact }
      if $0.weight != $1.weight { return $0.weight > $1.weight }
      if $0.wanted != $1.wanted { return $0.wanted < $1.wanted }
      return $0.offered < $1.offered
    }
  }
}
