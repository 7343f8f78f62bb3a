/// Problems of the nightly run and the audit, beyond those of the stages
/// they call (which keep their own error types and exit codes).
public enum RunError: Error, Equatable, CustomStringConvertible, ExitCoded {
  case badAsOf(String)
  /// A timestamp before 1900, which no email's `Date:` header may carry.
  case asOfBefore1900(String)
  /// An as-of before that of a run the state has committed: nights move forward.
  case asOfBeforeLastRun(asOf: String, last: String, runID: String)
  case unknownCohort(String, known: [String])
  case badSnapshot(file: String, line: Int, message: String)
  /// `writtenBy`: the version that wrote the folder, when it is not this one.
  case auditFailed(runDirectory: String, differing: Int, redacted: Bool, writtenBy: String? = nil)
  case notARunFolder(String)
  /// A run folder without a file the audit cannot re-run the night without.
  case incompleteRunFolder(String, missing: String)
  /// A stage timer that did not run its stage: a bug.
  case stageSkipped(String)

  public var description: String {
    switch self {
    case .badAsOf(let text):
      return "--as-of: '\(TerminalText.visible(text))' is not a timestamp (use 2026-11-28T02:00:00Z)"
    case .asOfBefore1900(let text):
      return "--as-of: '\(TerminalText.visible(text))' is before 1900, which an email's Date header cannot carry (RFC 5322)"
    case .asOfBeforeLastRun(let asOf, let last, let runID):
      return "--as-of: \(asOf) is before the last committed run's as-of (\(last), run \(runID)): a night cannot be "
        + "run after a later one, whose pairs and emails it would not know of; to check a past night, run "
        + "'mentormatch audit' on its run folder"
    case .unknownCohort(let name, let known):
      return "--cohort: no sign-ups in cohort '\(TerminalText.visible(name))' (cohorts: \(known.joined(separator: ", ")))"
    case .badSnapshot(let file, let line, let message):
      return "\(file):\(line): \(message)"
    case .auditFailed(let folder, let differing, let redacted, let writtenBy):
      let version = writtenBy.map {
        "; the folder was written by mentormatch \(TerminalText.visible($0)) and this is \(MentorMatchVersion.current), "
          + "whose outputs may differ where the versions do: audit with mentormatch \(TerminalText.visible($0)) "
          + "to re-run the night as it ran"
      } ?? ""
      return (redacted
        ? "\(folder): the run was redacted after it ran (erasure), so it cannot be re-run byte for byte: "
          + "\(CountedNoun.phrase(differing, "file")) \(differing == 1 ? "is" : "are") redacted or differ\(differing == 1 ? "s" : "") from a re-run of the redacted inputs"
        : "\(folder): \(CountedNoun.phrase(differing, "file")) \(differing == 1 ? "differs" : "differ") from a re-run") + version
    case .notARunFolder(let folder):
      return "\(folder): not a run folder (no manifest.json)"
    case .incompleteRunFolder(let folder, let missing):
      return "\(folder): \(missing) is missing; the night cannot be re-run without it"
    case .stageSkipped(let stage):
      return "internal error: stage '\(stage)' did not run"
    }
  }

  public var exitStatus: ExitStatus {
    switch self {
    case .badAsOf, .asOfBefore1900, .asOfBeforeLastRun, .unknownCohort: .usage
    case .badSnapshot, .auditFailed, .incompleteRunFolder: .dataError
    case .notARunFolder: .noInput
    case .stageSkipped: .software
    }
  }
}
