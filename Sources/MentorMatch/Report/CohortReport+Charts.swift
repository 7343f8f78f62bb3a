extension CohortReport {
  func chartsSection(_ statistics: CohortStatistics, settings: ReportSettings, into html: inout HTMLText) {
    html.raw("<section aria-labelledby=\"charts\">\n<h2 id=\"charts\">Charts</h2>\n")
    scoreFigure(statistics.scoreBins, into: &html)
    for dimension in CohortStatistics.Dimension.allCases {
      rateFigure(dimension, statistics.rates(by: dimension), settings: settings, into: &html)
    }
    skillsFigure(statistics.skillsByShortfall, settings: settings, into: &html)
    html.raw("</section>\n")
  }

  private func scoreFigure(_ bins: [CohortStatistics.ScoreBin], into html: inout HTMLText) {
    html.raw("<figure aria-labelledby=\"chart-scores-caption\">\n<figcaption id=\"chart-scores-caption\">Distribution of match scores</figcaption>\n")
    guard !bins.isEmpty else {
      html.raw("<p class=\"note\">No pairs, so no scores to show.</p>\n</figure>\n")
      return
    }
    html.raw("<p class=\"note\">How many new pairs scored in each range. Higher scores mean more of the configured rules favoured the pair.</p>\n<div class=\"chart\">")
    let summary = "Pairs by score range: " + bins.map { "\(ReportFormat.range($0.lower, $0.upper)): \(ReportFormat.count($0.pairs))" }.joined(separator: "; ") + "."
    ReportChart.scoreDistribution(bins, id: "chart-scores", title: "Distribution of match scores", summary: summary, into: &html)
    html.raw("\n<table>\n<thead><tr><th scope=\"col\">Score</th><th scope=\"col\" class=\"num\">Pairs</th></tr></thead>\n<tbody>\n")
    for bin in bins {
      html.raw("<tr><td>\(ReportFormat.range(bin.lower, bin.upper))</td><td class=\"num\">\(ReportFormat.count(bin.pairs))</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n</div>\n</figure>\n")
  }

  private func rateFigure(_ dimension: CohortStatistics.Dimension, _ groups: [CohortStatistics.GroupRate], settings: ReportSettings, into html: inout HTMLText) {
    let name = dimension.rawValue
    let id = "chart-\(name)"
    html.raw("<figure aria-labelledby=\"\(id)-caption\">\n<figcaption id=\"\(id)-caption\">Match rate by \(name)</figcaption>\n")
    guard !groups.isEmpty else {
      html.raw("<p class=\"note\">No mentees needed a pair in this run.</p>\n</figure>\n")
      return
    }
    let charted = Array(groups.prefix(settings.chartBars))
    var note = "Of the mentees who needed a pair in this run, the share who got one."
    if charted.count < groups.count {
      note += " The chart shows the \(charted.count) \(dimension == .grade ? "most junior" : "largest") of \(ReportFormat.count(groups.count)) groups."
    }
    html.raw("<p class=\"note\">\(note)</p>\n<div class=\"chart\">")
    let summary = "Mentees matched by \(name): " + charted.map {
      "\($0.group) \(ReportFormat.percent($0.matched, of: $0.mentees)) (\(ReportFormat.count($0.matched)) of \(ReportFormat.count($0.mentees)))"
    }.joined(separator: "; ") + "."
    ReportChart.matchRates(charted, id: id, title: "Match rate by \(name)", summary: summary, into: &html)
    html.raw("\n<table>\n<thead><tr><th scope=\"col\">\(name.prefix(1).uppercased() + name.dropFirst())</th><th scope=\"col\" class=\"num\">Matched</th><th scope=\"col\" class=\"num\">Mentees</th><th scope=\"col\" class=\"num\">Rate</th></tr></thead>\n<tbody>\n")
    for group in groups.prefix(settings.tableRows) {
      html.raw("<tr><td>")
      html.text(group.group)
      html.raw("</td><td class=\"num\">\(ReportFormat.count(group.matched))</td><td class=\"num\">\(ReportFormat.count(group.mentees))</td><td class=\"num\">\(ReportFormat.percent(group.matched, of: group.mentees))</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n</div>\n")
    moreRows(groups.count - settings.tableRows, noun: "groups", into: &html)
    html.raw("</figure>\n")
  }

  private func skillsFigure(_ skills: [SkillSupply], settings: ReportSettings, into html: inout HTMLText) {
    html.raw("<figure aria-labelledby=\"chart-skills-caption\">\n<figcaption id=\"chart-skills-caption\">Skills most wanted with the fewest mentors offering them</figcaption>\n")
    guard !skills.isEmpty else {
      html.raw("<p class=\"note\">No skills were wanted or offered.</p>\n</figure>\n")
      return
    }
    let charted = Array(skills.prefix(settings.chartBars))
    html.raw("<p class=\"note\">Skills with the largest gap between mentees wanting them and mentors offering them. Recruiting mentors with these skills would help most.</p>\n<div class=\"chart\">")
    let summary = "Mentees wanting against mentors offering: " + charted.map {
      "\($0.skill) \(ReportFormat.count($0.menteesWanting)) wanting, \(ReportFormat.count($0.mentorsOffering)) offering"
    }.joined(separator: "; ") + "."
    ReportChart.supplyAndDemand(charted, id: "chart-skills", title: "Skills: supply and demand", summary: summary, into: &html)
    html.raw("\n<table>\n<thead><tr><th scope=\"col\">Skill</th><th scope=\"col\" class=\"num\">Wanting</th><th scope=\"col\" class=\"num\">Offering</th><th scope=\"col\" class=\"num\">Short by</th></tr></thead>\n<tbody>\n")
    for skill in skills.prefix(settings.tableRows) {
      html.raw("<tr><td>")
      html.text(skill.skill)
      html.raw("</td><td class=\"num\">\(ReportFormat.count(skill.menteesWanting))</td><td class=\"num\">\(ReportFormat.count(skill.mentorsOffering))</td><td class=\"num\">\(ReportFormat.count(skill.shortfall))</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n</div>\n")
    moreRows(skills.count - settings.tableRows, noun: "skills", into: &html)
    html.raw("</figure>\n")
  }

  func dataQualitySection(_ statistics: CohortStatistics, settings: ReportSettings, into html: inout HTMLText) {
    html.raw("<section aria-labelledby=\"data-quality\">\n<h2 id=\"data-quality\">Data quality</h2>\n<h3>Rejected rows</h3>\n")
    if statistics.rejections.isEmpty {
      html.raw("<p>No rows were rejected.</p>\n")
    } else {
      html.raw("<p>Rows that failed validation and were left out of matching. Fix them in the export and they will be picked up by the next run.</p>\n")
      html.raw("<table>\n<thead><tr><th scope=\"col\">Reason</th><th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\">Where</th><th scope=\"col\">Example</th></tr></thead>\n<tbody>\n")
      for group in statistics.rejections {
        html.raw("<tr><th scope=\"row\"><span class=\"tag\">")
        html.text(group.reasonCode)
        html.raw("</span></th><td class=\"num\">\(ReportFormat.count(group.rows.count))</td><td>")
        let listed = group.rows.prefix(settings.tableRows)
        html.text(listed.map { "\($0.file):\($0.line)\($0.field.isEmpty ? "" : " (\($0.field))")" }.joined(separator: ", "))
        if group.rows.count > listed.count { html.raw(" and \(ReportFormat.count(group.rows.count - listed.count)) more") }
        html.raw("</td><td>")
        html.text(group.rows.first?.message ?? "")
        html.raw("</td></tr>\n")
      }
      html.raw("</tbody>\n</table>\n")
    }
    html.raw("<h3>Unplaced skill terms</h3>\n")
    if statistics.unplacedTerms.isEmpty {
      html.raw("<p>Every skill term was placed in the taxonomy.</p>\n")
    } else {
      html.raw("<p>The most frequent terms the skills taxonomy could not place. Adding them as synonyms lets them count in matching.</p>\n")
      html.raw("<table class=\"narrow\">\n<thead><tr><th scope=\"col\">Term</th><th scope=\"col\" class=\"num\">Times used</th><th scope=\"col\" class=\"num\">People</th></tr></thead>\n<tbody>\n")
      for term in statistics.unplacedTerms.prefix(settings.tableRows) {
        html.raw("<tr><td>")
        html.text(term.term)
        html.raw("</td><td class=\"num\">\(ReportFormat.count(term.occurrences))</td><td class=\"num\">\(ReportFormat.count(term.people))</td></tr>\n")
      }
      html.raw("</tbody>\n</table>\n")
      moreRows(statistics.unplacedTerms.count - settings.tableRows, noun: "terms", into: &html)
    }
    html.raw("</section>\n")
  }

  private func moreRows(_ hidden: Int, noun: String, into html: inout HTMLText) {
    guard hidden > 0 else { return }
    html.raw("<p class=\"note\">\(ReportFormat.count(hidden)) more \(noun) not listed.</p>\n")
  }
}
