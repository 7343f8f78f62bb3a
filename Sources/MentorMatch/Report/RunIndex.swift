/// The run's `index.html` view model: the manifest summary and one entry per
/// cohort report. Values only; the page reads no files.
public struct RunIndex: Sendable, Equatable {
  /// One cohort's line on the index.
  public struct Cohort: Sendable, Equatable {
    public var name: String
    /// The report's path relative to `index.html` (for example `cohorts/spring-2026/report.html`).
    public var reportHref: String
    public var algorithm: String
    public var checkerResult: String
    public var checkerPassed: Bool
    public var counts: CohortReport.Counts
    /// New pairs made in this run.
    public var newPairs: Int

    public init(
      name: String, reportHref: String, algorithm: String, checkerResult: String, checkerPassed: Bool,
      counts: CohortReport.Counts, newPairs: Int
    ) {
      self.name = name
      self.reportHref = reportHref
      self.algorithm = algorithm
      self.checkerResult = checkerResult
      self.checkerPassed = checkerPassed
      self.counts = counts
      self.newPairs = newPairs
    }

    /// The index entry for `report`, linked at `reportHref`.
    public init(_ report: CohortReport, reportHref: String) {
      self.init(
        name: report.cohort, reportHref: reportHref, algorithm: report.algorithm,
        checkerResult: report.checkerResult, checkerPassed: report.checkerPassed,
        counts: report.counts, newPairs: report.pairs.count
      )
    }
  }

  /// A file named in the manifest, with its SHA-256.
  public struct File: Sendable, Equatable {
    /// The path relative to the run folder.
    public var path: String
    /// The SHA-256 in lowercase hex.
    public var sha256: String

    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }

  public var programme: String
  public var runID: String
  public var asOf: String
  public var toolVersion: String
  /// Whether this was a `--dry-run` (nothing committed, nothing sent).
  public var dryRun: Bool
  public var cohorts: [Cohort]
  /// Input files with their hashes, as the manifest records them.
  public var inputs: [File]
  /// Other run-level files to link (`matches.csv`, `unmatched.csv`, `rejects.csv`, …), relative to `index.html`.
  public var downloads: [String]

  public init(
    programme: String, runID: String, asOf: String, toolVersion: String, dryRun: Bool = false,
    cohorts: [Cohort], inputs: [File] = [], downloads: [String] = ["matches.csv", "unmatched.csv"]
  ) {
    self.programme = programme
    self.runID = runID
    self.asOf = asOf
    self.toolVersion = toolVersion
    self.dryRun = dryRun
    self.cohorts = cohorts
    self.inputs = inputs
    self.downloads = downloads
  }
}
