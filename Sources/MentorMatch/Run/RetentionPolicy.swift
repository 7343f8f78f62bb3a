import Foundation

/// Deletes run folders past the retention period (UK GDPR storage
/// limitation). A run's age comes from the as-of in its manifest, never from
/// file times; a folder without a readable manifest or as-of is kept and reported.
public struct RetentionPolicy: Sendable, Equatable {
  public var days: Int

  /// Creates a value from its parts.
  public init(days: Int) { self.days = days }

  /// Parses `90d` (days). A bare number means days too.
  public init(parsing text: String) throws(StateError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let digits = trimmed.hasSuffix("d") ? String(trimmed.dropLast()) : trimmed
    guard let days = Int(digits), days >= 0, days <= 36_500 else { throw StateError.badRetention(text: text) }
    self.days = days
  }

  /// One run folder's fate.
  public struct Decision: Sendable, Equatable {
    public enum Action: String, Sendable {
      case removed, kept, skipped
      /// Past the period, but kept: the state still owes emails from it,
      /// which the next run publishes from this folder.
      case held
    }
    public var runID: String
    public var asOf: String
    public var action: Action
    /// Whether this was decided by `prune --dry-run`: nothing was removed.
    public var dryRun = false
    /// `prune` prints this: `removed 2026-08-01T02:00:00Z-ab12 (as of 2026-08-01T02:00:00Z)`,
    /// or in a dry run `would remove 2026-08-01T02:00:00Z-ab12 (as of …)`.
    public var line: String {
      switch action {
      case .skipped: "skipped \(runID) (no readable manifest or as-of)"
      case .held: "kept \(runID) (as of \(asOf)): its emails are still owed; the next run publishes them from it"
      case .removed where dryRun: "would remove \(runID) (as of \(asOf))"
      case .removed, .kept: "\(action.rawValue) \(runID) (as of \(asOf))"
      }
    }
  }

  /// Parses an as-of in any form `run --as-of` takes (``SignupTimestamp``):
  /// an ISO 8601 date-time with or without fractional seconds or a zone, or
  /// a bare date (midnight UTC), to the whole second. Plain arithmetic:
  /// `ISO8601DateFormatter` would load ICU's calendar and time zone data.
  public static func parseAsOf(_ text: String) -> Date? {
    SignupTimestamp.secondsSince1970(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
  }

  /// `prune` on a state: the run folders under its runs folder, keeping any
  /// run whose emails the database still owes (a run that committed and was
  /// stopped before publishing; the next run publishes them from its folder).
  /// A state with no database yet owes nothing, and none is created.
  /// The caller holds ``RunLock``.
  public func prune(_ settings: StateSettings, now: Date, dryRun: Bool = false) throws(StateError) -> [Decision] {
    var owed: Set<String> = []
    if FileManager.default.fileExists(atPath: settings.databasePath) {
      owed = Set(try StateStore(settings: settings).unpublishedNotifications().map(\.runID))
    }
    return try prune(runsDirectory: settings.runsDirectory, now: now, dryRun: dryRun, owedBy: owed)
  }

  /// Removes the run folders under `runsDirectory`, and those under its
  /// `dry-runs/` folder, whose as-of is more than ``days`` days before `now`,
  /// except runs in `owing` (ids of runs whose emails are still owed).
  /// The caller holds ``RunLock``.
  ///
  /// - Parameter dryRun: decide without removing.
  /// - Returns: one decision per run folder, in name order, then one per dry
  ///   run's folder (named `dry-runs/<run-id>`), in name order.
  public func prune(runsDirectory: String, now: Date, dryRun: Bool = false, owedBy owing: Set<String> = [])
    throws(StateError) -> [Decision]
  {
    let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
    let dryRuns = (runsDirectory as NSString).appendingPathComponent(StateSettings.dryRunsFolderName)
    // A dry run's folder keeps the same personal data as a real run's; it
    // ages alike. A dry run commits nothing, so it never owes an email.
    return try prune(folder: runsDirectory, prefix: "", cutoff: cutoff, dryRun: dryRun, owing: owing)
      + prune(folder: dryRuns, prefix: StateSettings.dryRunsFolderName + "/", cutoff: cutoff, dryRun: dryRun, owing: [])
  }

  /// Decides (and unless `dryRun`, removes) each run folder in `folder`,
  /// naming it `prefix` + its name. The folder of dry runs is not a run folder.
  private func prune(folder: String, prefix: String, cutoff: Date, dryRun: Bool, owing: Set<String>)
    throws(StateError) -> [Decision]
  {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var decisions: [Decision] = []
    var removedAny = false
    for name in names.sorted() where !name.hasPrefix(".") {
      if prefix.isEmpty, name == StateSettings.dryRunsFolderName { continue }
      let runFolder = (folder as NSString).appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: runFolder, isDirectory: &isFolder), isFolder.boolValue else { continue }
      guard let manifest = try? RunManifest.load(runDirectory: runFolder), let asOf = Self.parseAsOf(manifest.asOf) else {
        decisions.append(Decision(runID: prefix + name, asOf: "", action: .skipped))
        continue
      }
      guard asOf < cutoff else {
        decisions.append(Decision(runID: prefix + name, asOf: manifest.asOf, action: .kept))
        continue
      }
      guard !owing.contains(name) else {
        decisions.append(Decision(runID: prefix + name, asOf: manifest.asOf, action: .held))
        continue
      }
      if !dryRun {
        // Renamed out of sight first, so a crash mid-removal leaves a
        // `.tmp-` folder that the next run folder write sweeps away, never a half run.
        let doomed = (folder as NSString).appendingPathComponent(".tmp-pruned-\(name)-\(getpid())")
        try DurableFile.move(runFolder, to: doomed)
        do {
          try FileManager.default.removeItem(atPath: doomed)
        } catch {
          throw StateError.io(path: runFolder, reason: "cannot remove: \(error.localizedDescription)")
        }
        removedAny = true
      }
      decisions.append(Decision(runID: prefix + name, asOf: manifest.asOf, action: .removed, dryRun: dryRun))
    }
    if removedAny { try DurableFile.syncFolder(folder) }
    return decisions
  }
}
