/// The run-level files built from the cohorts' results.
enum RunOutputs {
  /// A cohort name as a folder name: lowercase letters, digits and hyphens.
  static func slug(_ cohort: String) -> String {
    var out = ""
    for scalar in cohort.lowercased().unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
        out.unicodeScalars.append(scalar)
      } else if !out.hasSuffix("-") {
        out.append("-")
      }
    }
    let trimmed = out.trimmingHyphens()
    return trimmed.isEmpty ? "cohort" : trimmed
  }

  /// Each cohort's folder, distinct even when two names share a slug.
  static func folders(_ cohorts: [String]) -> [String: String] {
    var used: Set<String> = []
    var result: [String: String] = [:]
    for cohort in cohorts.sorted() {
      var name = "cohorts/" + slug(cohort)
      var suffix = 2
      while used.contains(name) {
        name = "cohorts/\(slug(cohort))-\(suffix)"
        suffix += 1
      }
      used.insert(name)
      result[cohort] = name
    }
    return result
  }

  static func reportFiles(_ reports: [CohortReport], context: RunContext) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let folders = folders(reports.map(\.cohort))
    let links = ReportLinks(matchesCSV: "../../matches.csv", unmatchedCSV: "../../unmatched.csv", index: "../../index.html")
    var entries: [RunIndex.Cohort] = []
    for report in reports.sorted(by: { $0.cohort < $1.cohort }) {
      let folder = folders[report.cohort]!
      files["\(folder)/report.html"] = report.html(settings: context.config.report, links: links)
      entries.append(RunIndex.Cohort(report, reportHref: "\(folder)/report.html"))
    }
    files["index.html"] = RunIndex(
      programme: context.config.programmeName, runID: context.identity.runID, asOf: context.identity.asOf,
      toolVersion: MentorMatchVersion.current, dryRun: context.dryRun, cohorts: entries, inputs: context.inputFiles,
      downloads: ["matches.csv", "unmatched.csv", "rejects.csv", "skills-curation.csv", "checks.csv"]
    ).html()
    files["matches.csv"] = ReportCSV.matches(reports)
    files["unmatched.csv"] = ReportCSV.unmatched(reports)
    return files
  }

  /// `checks.csv`: each cohort's solver result and the independent checker's verdict.
  static func checksCSV(_ matches: [CohortMatch], context: RunContext) -> [UInt8] {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(["cohort", "algorithm", "objective", "mentees_open", "mentors_open", "candidates", "new_pairs", "score", "checker", "passed"])
    for match in matches {
      writer.write([
        match.cohort, context.config.matching.algorithm.rawValue, context.config.matching.objective.description,
        String(match.mentees.count), String(match.mentors.count), String(match.lists.candidates.reduce(0) { $0 + $1.count }),
        String(match.pairs.count), String(match.pairs.reduce(0) { $0 + $1.candidate.total }), match.checker,
        match.checkerPassed ? "yes" : "no",
      ])
    }
    return writer.bytes
  }
}

extension String {
  fileprivate func trimmingHyphens() -> String {
    var text = Substring(self)
    while text.hasPrefix("-") { text = text.dropFirst() }
    while text.hasSuffix("-") { text = text.dropLast() }
    return String(text)
  }
}
