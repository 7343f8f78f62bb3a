extension CohortTables {
  /// Each rule that paid the pair points, with what it found, and the covered skills.
  func breakdown(_ i: Int, _ j: Int) -> PairBreakdown {
    var scores: [RuleScore] = []
    var covered: [CoveredSkill] = []
    for (r, rule) in rules.enumerated() {
      guard let points = outcome(r, i, j), points != 0 else { continue }
      let detail: RuleScore.Detail
      switch rule.test {
      case .gradeGap:
        detail = .gradeGap(mentors[j].grade - mentees[i].grade)
      case .same(let field):
        detail = .shared(field: field, value: FieldText.display(mentees[i].fields[field]))
      case .different(let field):
        detail = .differs(field: field)
      case .contains(let menteeField, let mentorField):
        // The mentee's first item, as they typed it, that the mentor's list has.
        let theirs = mentorItems[r][j]
        let raw = (mentees[i].fields[menteeField] ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
        let value = raw.lazy.map { FieldText.display(String($0)) }.first { item in
          valueIDs[FieldText.fold(item)].map { sortedContains(theirs, $0) } ?? false
        } ?? ""
        detail = .contained(menteeField: menteeField, mentorField: mentorField, value: value)
      case .skills(let partial):
        detail = .skills
        covered = coveredSkills(i, j, partial: partial)
      case .notLineManager, .noRepeat:
        continue
      }
      scores.append(RuleScore(rule: r, kind: rule.kind, side: rule.side, points: points, detail: detail))
    }
    return PairBreakdown(rules: scores, coveredSkills: covered)
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
