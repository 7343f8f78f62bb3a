/// The run-level files built from the cohorts' results.
enum RunOutputs {
  /// Some of a run's files, built on their own.
  struct Part: Sendable {
    var files: [String: [UInt8]]
    /// Skill terms the taxonomy could not place (from the curation report), for the manifest's counts.
    var unplacedTerms = 0
  }

  /// A job that builds some of a run's files; jobs do not depend on each other.
  typealias Job = @Sendable () -> Part

  /// The report files as independent jobs, to run side by side, longest
  /// first: `matches.csv`, one page per cohort, the index and `unmatched.csv`.
  static func reportFileJobs(_ reports: [CohortReport], context: RunContext) -> [Job] {
    let folders = RunIndex.cohortFolders(reports.map(\.cohort))
    let links = ReportLinks(matchesCSV: "../../matches.csv", unmatchedCSV: "../../unmatched.csv", index: "../../index.html")
    let sorted = reports.sorted(by: { $0.cohort < $1.cohort })
    // The longest first, so the last to start is short: matches.csv, then
    // the cohort pages, then the small files.
    var jobs: [Job] = [{ Part(files: ["matches.csv": ReportCSV.matches(reports)]) }]
    jobs += sorted.map { report in
      { Part(files: ["\(folders[report.cohort]!)/report.html": report.html(settings: context.config.report, links: links)]) }
    }
    jobs.append {
      let entries = sorted.map { RunIndex.Cohort($0, reportHref: "\(folders[$0.cohort]!)/report.html") }
      return Part(files: ["index.html": RunIndex(
        programme: context.config.programmeName, runID: context.identity.runID, asOf: context.identity.asOf,
        toolVersion: MentorMatchVersion.current, dryRun: context.dryRun, cohorts: entries, inputs: context.inputFiles,
        downloads: ["matches.csv", "unmatched.csv", "rejects.csv", "skills-curation.csv", "checks.csv"]
      ).html()])
    }
    jobs.append { Part(files: ["unmatched.csv": ReportCSV.unmatched(reports)]) }
    return jobs
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
