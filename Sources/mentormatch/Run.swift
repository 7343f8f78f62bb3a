import ArgumentParser
import Foundation
import Logging
import MentorMatch

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "The nightly job: validate, match every cohort, write the run folder, commit, publish emails.",
    discussion: """
      Takes the state lock, reads the config, exports and taxonomy, matches each
      cohort, writes runs/<run-id>/ (matches, reports, emails, manifest), commits
      the new pairs and the emails owed in one transaction, then publishes the
      emails into the run's maildir outbox. Re-running the same night makes no
      new pairs and publishes nothing twice. Exit codes: see `mentormatch --help`.

      Example (crontab):
        15 2 * * * cd /srv/mentormatch && mentormatch run --config mentormatch.toml >>run.log 2>&1
      """
  )

  @Option(help: "The config file (TOML).")
  var config: String

  @Option(help: "The run's timestamp (default: now), e.g. 2026-11-28T02:00:00Z. Nothing else in any output depends on the clock.")
  var asOf: String?

  @Flag(help: "Do everything but commit and publish; the run folder goes under runs/dry-runs/.")
  var dryRun = false

  @Option(help: "Match only this cohort.")
  var cohort: String?

  @Option(
    help: ArgumentHelp(
      "For benchmarks, with --dry-run: write each cohort's solver problem into <dir>/cohorts/<cohort>/ as the edges.csv and caps.csv that `mentormatch solve` reads (indices and scores, no names).",
      valueName: "dir"))
  var solverProblems: String?

  func validate() throws {
    if solverProblems != nil && !dryRun {
      throw ValidationError("--solver-problems needs --dry-run: a nightly run writes only its run folder")
    }
  }

  func run() throws {
    // Before the run's threads start (see ProcessHeap for what it saves).
    ProcessHeap.growInLargeSteps()
    // A cron log that just stopped would not say the run did not finish.
    let notice = TerminationNotice { printError(TerminationNotice.runStopped(by: $0)) }
    defer { withExtendedLifetime(notice) {} }
    try runReportingErrors {
      let logger = Logger.mentormatch
      let terminal = isatty(STDERR_FILENO) == 1
      let started = ContinuousClock.now
      let now = Timestamps.now()
      let options = RunOptions(
        configPath: config, asOf: asOf ?? now, dryRun: dryRun, cohort: cohort,
        pid: ProcessInfo.processInfo.processIdentifier,
        crash: CrashPoint.fromEnvironment(ProcessInfo.processInfo.environment), startedAt: now,
        solverProblems: solverProblems)
      let log: @Sendable (String) -> Void = { line in
        // On a terminal, clear the progress line before a log line takes its place.
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        logger.info("\(line)")
      }
      let summary = try NightlyRun.execute(options, log: log, progress: { step in
        // A terminal gets one line that updates in place; cron gets plain log lines.
        let percent = step.total == 0 ? 100 : step.done * 100 / step.total
        let text = "\(step.step): \(step.done)/\(step.total) (\(percent)%)\(step.item.isEmpty ? "" : " \(step.item)")"
        if terminal {
          FileHandle.standardError.write(Data("\r\u{1B}[K\(text)\(step.done == step.total ? "\n" : "")".utf8))
        } else {
          logger.info("\(text)")
        }
      }) {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      }
      for line in summary.lines { print(line) }
      print("run \(summary.runID)\(summary.alreadyDone ? " (already committed)" : ""): \(summary.runFolder ?? "")")
    }
  }
}
