import Foundation

/// How one file of a run folder compares with what the manifest recorded.
public enum FileStatus: String, Sendable, Equatable {
  case same
  case differs
  case missing
  /// Changed or removed by a recorded erasure, and exactly as the erasure left it.
  case redacted
}

/// One line of a verification: a file and its status.
public struct FileCheck: Sendable, Equatable {
  /// The path relative to the run folder.
  public var path: String
  public var status: FileStatus

  /// Creates a value from its parts.
  public init(path: String, status: FileStatus) {
    self.path = path
    self.status = status
  }

  /// `same  inputs/signups.csv`: the line `audit` prints.
  public var line: String { "\(status.rawValue) \(path)" }
}

extension RunManifest {
  /// The digest the last redaction of `path` left, if any: `.some(nil)` when
  /// the redaction removed the file.
  func redactedDigest(of path: String) -> String?? {
    for redaction in redactions.reversed() {
      if let file = redaction.files.first(where: { $0.path == path }) { return .some(file.sha256) }
    }
    return nil
  }

  /// Whether any erasure touched this run folder.
  public var isRedacted: Bool { !redactions.isEmpty }

  /// Checks one stored file against the digest the manifest recorded for it.
  func check(path: String, recorded: String, in runDirectory: String) -> FileCheck {
    let full = (runDirectory as NSString).appendingPathComponent(path)
    let redacted = redactedDigest(of: path)
    guard FileManager.default.fileExists(atPath: full), let actual = try? SHA256Hex.ofFile(atPath: full) else {
      return FileCheck(path: path, status: redacted == .some(nil) ? .redacted : .missing)
    }
    if actual == recorded { return FileCheck(path: path, status: .same) }
    if let redacted, redacted == actual { return FileCheck(path: path, status: .redacted) }
    return FileCheck(path: path, status: .differs)
  }

  /// Verifies the stored inputs and taxonomy files against their recorded
  /// digests (tamper detection), one check per file sorted by path.
  public func verify(runDirectory: String) -> [FileCheck] {
    let recorded = inputs.merging(taxonomy) { first, _ in first }
    return recorded.keys.sorted().map { check(path: $0, recorded: recorded[$0] ?? "", in: runDirectory) }
  }

  /// Compares a re-run's outputs with the stored ones, one check per file in
  /// either set, sorted by path. A file is `same` when the stored bytes, the
  /// re-run's bytes and the recorded digest all agree; `redacted` when a
  /// recorded erasure explains the stored file; `missing` when the run folder
  /// lacks it; `differs` otherwise (including a file only one side has).
  public func compareOutputs(rerun: [String: [UInt8]], runDirectory: String) -> [FileCheck] {
    compareOutputs(rerunDigests: RunManifest.digests(rerun), runDirectory: runDirectory)
  }

  /// ``compareOutputs(rerun:runDirectory:)`` given the re-run's SHA-256 digests
  /// (path → hex) instead of its bytes, so that a large run's emails need not
  /// be held at once.
  public func compareOutputs(rerunDigests rerun: [String: String], runDirectory: String) -> [FileCheck] {
    let paths = Set(outputs.keys).union(rerun.keys).sorted()
    return paths.map { path in
      guard let recorded = outputs[path] else { return FileCheck(path: path, status: .differs) }
      let stored = check(path: path, recorded: recorded, in: runDirectory)
      // A file the erasure changed or removed is `redacted` whatever the
      // re-run (from the redacted inputs) makes of it, or whether it makes it at all.
      if stored.status == .same, rerun[path] != recorded {
        return FileCheck(path: path, status: .differs)
      }
      return stored
    }
  }
}
