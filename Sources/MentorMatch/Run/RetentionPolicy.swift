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
    public enum Action: String, Sendable { case removed, kept, skipped }
    public var runID: String
    public var asOf: String
    public var action: Action
    /// `prune` prints this: `removed 2026-08-01T02:00:00Z-ab12 (as of 2026-08-01T02:00:00Z)`.
    public var line: String {
      action == .skipped
        ? "skipped \(runID) (no readable manifest or as-of)"
        : "\(action.rawValue) \(runID) (as of \(asOf))"
    }
  }

  /// Parses an as-of: ISO 8601 date-time with or without fractional
  /// seconds, or a bare date (midnight UTC).
  public static func parseAsOf(_ text: String) -> Date? {
    let full = ISO8601DateFormatter()
    full.formatOptions = [.withInternetDateTime]
    if let date = full.date(from: text) { return date }
    full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = full.date(from: text) { return date }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    return day.date(from: text)
  }

  /// Removes the run folders under `runsDirectory`, and those under its
  /// `dry-runs/` folder, whose as-of is more than ``days`` days before `now`.
  /// The caller holds ``RunLock``.
  ///
  /// - Parameter dryRun: decide without removing.
  /// - Returns: one decision per run folder, in name order, then one per dry
  ///   run's folder (named `dry-runs/<run-id>`), in name order.
  public func prune(runsDirectory: String, now: Date, dryRun: Bool = false) throws(StateError) -> [Decision] {
    let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
    let dryRuns = (runsDirectory as NSString).appendingPathComponent(StateSettings.dryRunsFolderName)
    // A dry run's folder keeps the same personal data as a real run's; it ages alike.
    return try prune(folder: runsDirectory, prefix: "", cutoff: cutoff, dryRun: dryRun)
      + prune(folder: dryRuns, prefix: StateSettings.dryRunsFolderName + "/", cutoff: cutoff, dryRun: dryRun)
  }

  /// Decides (and unless `dryRun`, removes) each run folder in `folder`,
  /// naming it `prefix` + its name. The folder of dry runs is not a run folder.
  private func prune(folder: String, prefix: String, cutoff: Date, dryRun: Bool) throws(StateError) -> [Decision] {
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
      decisions.append(Decision(runID: prefix + name, asOf: manifest.asOf, action: .removed))
    }
    if removedAny { try DurableFile.syncFolder(folder) }
    return decisions
  }
}
