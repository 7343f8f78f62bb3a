import Foundation

/// `mentormatch audit RUN_DIR`: checks a run folder's inputs against its
/// manifest, re-runs the whole core from the folder alone (no database, no
/// network, no clock) and compares every output byte for byte.
public enum RunAudit {
  /// The outcome: one check per file, inputs first.
  public struct Report: Sendable {
    public var checks: [FileCheck]
    /// The manifest records an erasure, so some files were changed on purpose.
    public var redacted: Bool
    /// The mentormatch version that wrote the folder (its manifest's `tool_version`).
    public var writtenBy: String
    public var allSame: Bool { checks.allSatisfy { $0.status == .same } }

    /// ``writtenBy`` when it is not this version: a re-run by another version
    /// may differ where the versions do, without anything being wrong.
    public var otherVersion: String? { writtenBy == MentorMatchVersion.current ? nil : writtenBy }
  }

  public static func audit(runDirectory: String) throws -> Report {
    guard FileManager.default.fileExists(atPath: "\(runDirectory)/\(RunManifest.fileName)") else {
      throw RunError.notARunFolder(runDirectory)
    }
    let manifest = try RunManifest.load(runDirectory: runDirectory)
    var checks = manifest.verify(runDirectory: runDirectory)
    // The state the night started from is an input too; the manifest keeps its digests apart.
    checks.append(manifest.check(path: RunInputsSnapshot.priorPath, recorded: manifest.priorStateSHA256, in: runDirectory))
    if let recorded = manifest.priorWaitingSHA256 {
      checks.append(manifest.check(path: RunInputsSnapshot.priorWaitingPath, recorded: recorded, in: runDirectory))
    }
    let redacted = !manifest.redactions.isEmpty

    func bytes(_ relative: String) -> [UInt8] {
      FileManager.default.contents(atPath: "\(runDirectory)/\(relative)").map(Array.init) ?? []
    }
    guard FileManager.default.fileExists(atPath: "\(runDirectory)/\(RunInputsSnapshot.configPath)") else {
      throw RunError.incompleteRunFolder(runDirectory, missing: RunInputsSnapshot.configPath)
    }
    var config = try MentorMatchConfig.parse(
      bytes: bytes(RunInputsSnapshot.configPath), file: RunInputsSnapshot.configPath,
      baseDirectory: "\(runDirectory)/inputs")
    var snapshot = RunInputsSnapshot()
    snapshot.inputs[RunInputsSnapshot.configPath] = config.bytes
    for (index, file) in config.input.files.enumerated() {
      let stored = RunInputsSnapshot.exportPath(index, file)
      config.input.files[index].path = "\(runDirectory)/\(stored)"
      snapshot.inputs[stored] = bytes(stored)
    }
    for path in manifest.taxonomy.keys.sorted() { snapshot.taxonomy[path] = bytes(path) }
    for path in manifest.inputs.keys.sorted() where path.hasPrefix(RunInputsSnapshot.templatesFolder + "/") {
      snapshot.inputs[path] = bytes(path)
    }
    let cohort = manifest.inputs[RunInputsSnapshot.cohortPath] == nil
      ? nil : String(decoding: bytes(RunInputsSnapshot.cohortPath), as: UTF8.self)
    if let cohort { snapshot.inputs[RunInputsSnapshot.cohortPath] = Array(cohort.utf8) }
    snapshot.priorSnapshot = bytes(RunInputsSnapshot.priorPath)
    snapshot.priorWaiting = bytes(RunInputsSnapshot.priorWaitingPath)

    let ingest = try SignupIngest.read(settings: config.input)
    let taxonomy = manifest.taxonomy.isEmpty
      ? try Taxonomy(concepts: []) : try Taxonomy.load(directory: "\(runDirectory)/\(RunInputsSnapshot.taxonomyFolder)")
    let prior = try PriorState.parse(snapshot: snapshot.priorSnapshot, name: RunInputsSnapshot.priorPath)
    let digests = snapshot.digests()
    let identity = try RunIdentity(asOf: manifest.asOf, digests: digests.ordered)
    if identity.runID != manifest.runID {
      checks.append(FileCheck(path: "(run id: inputs no longer give \(manifest.runID))", status: .differs))
    }
    let composer = try config.email.map { (settings) throws(NotifyError) in
      try snapshot.composer(settings: settings, folder: "\(runDirectory)/\(RunInputsSnapshot.templatesFolder)")
    }
    let context = RunContext(
      config: config, ingest: ingest, taxonomy: taxonomy, prior: prior,
      toldWaiting: try RunInputsSnapshot.parseWaiting(snapshot.priorWaiting),
      identity: RunIdentity(runID: manifest.runID, asOf: identity.asOf), composer: composer, cohort: cohort,
      inputFiles: digests.indexFiles, dryRun: (manifest.counts["dry_run"] ?? 0) == 1)
    let result = try RunCore.compute(context)
    // Emails are re-composed a batch at a time and only their digests kept.
    let rerun = RunManifest.digests(result.files).merging(result.emails.tally().digests) { first, _ in first }
    checks += manifest.compareOutputs(rerunDigests: rerun, runDirectory: runDirectory)
    return Report(checks: checks, redacted: redacted, writtenBy: manifest.toolVersion)
  }
}

extension RunIdentity {
  /// An identity as a manifest records it.
  init(runID: String, asOf: String) {
    self.runID = runID
    self.asOf = asOf
  }
}
