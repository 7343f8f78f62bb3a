import ArgumentParser
import Foundation
import MentorMatch

/// `mentormatch report sample`: hidden; writes reports for made-up cohorts, for
/// the browser check (`scripts/check-reports`) and the benchmark (`scripts/bench-report`).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Report tools for development.",
    shouldDisplay: false,
    subcommands: [ReportSample.self]
  )
}

struct ReportSample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Write the reports of a made-up run (two cohorts) into a folder.",
    discussion: """
      Prints how long rendering took. No real person is in the data.

      Example:
        mentormatch report sample --out out/report-sample --mentees 200
      """
  )

  @Option(help: "The folder to write index.html, matches.csv, unmatched.csv and cohorts/*/report.html into.")
  var out: String

  @Option(help: "Mentees in the first cohort (the second has a quarter as many).")
  var mentees: Int = 120

  @Option(help: "The seed of the made-up data.")
  var seed: UInt64 = 1

  @Flag(inversion: .prefixedNo, help: "Put HTML and formula payloads in some names, departments and skills.")
  var hostile = true

  func validate() throws {
    guard (1...10_000_000).contains(mentees) else { throw ValidationError("'--mentees' must be from 1 to 10000000") }
  }

  func run() throws {
    try runReportingErrors {
      let clock = ContinuousClock()
      var reports: [CohortReport] = []
      let made = clock.measure {
        reports = [
          CohortReport.sample(cohort: "Spring 2026", mentees: mentees, seed: seed, hostile: hostile),
          CohortReport.sample(cohort: "Autumn 2026", mentees: max(1, mentees / 4), seed: seed &+ 1),
        ]
      }
      print("made \(reports.count) cohorts (\(mentees) + \(max(1, mentees / 4)) mentees) in \(made.secondsText) s")
      var entries: [RunIndex.Cohort] = []
      let folders = RunIndex.cohortFolders(reports.map(\.cohort))
      for report in reports {
        let folder = folders[report.cohort] ?? "cohorts/cohort"
        var bytes: [UInt8] = []
        let took = clock.measure {
          bytes = report.html(links: ReportLinks(matchesCSV: "../../matches.csv", unmatchedCSV: "../../unmatched.csv", index: "../../index.html"))
        }
        try write(bytes, to: "\(folder)/report.html")
        print("\(folder)/report.html: \(bytes.count) bytes, \(report.pairs.count) pairs, \(report.waiting.count) waiting, rendered in \(took.secondsText) s")
        entries.append(RunIndex.Cohort(report, reportHref: "\(folder)/report.html"))
      }
      let first = reports[0]
      let index = RunIndex(
        programme: first.programme, runID: first.runID, asOf: first.asOf, toolVersion: MentorMatchVersion.current,
        cohorts: entries, inputs: [RunIndex.File(path: "inputs/signups.csv", sha256: String(repeating: "0", count: 64))])
      try write(index.html(), to: "index.html")
      for (name, render) in [("matches.csv", ReportCSV.matches), ("unmatched.csv", ReportCSV.unmatched)] {
        var bytes: [UInt8] = []
        let took = clock.measure { bytes = render(reports) }
        try write(bytes, to: name)
        print("\(name): \(bytes.count) bytes, written in \(took.secondsText) s")
      }
    }
  }

  private func write(_ bytes: [UInt8], to relative: String) throws {
    let url = URL(fileURLWithPath: out).appendingPathComponent(relative)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    } catch {
      printError("\(url.path): cannot write: \(error.localizedDescription)")
      throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
  }
}
