/// What a run folder holds besides the emails and the manifest, which are
/// written after it (the emails a batch at a time, the manifest last).
enum RunFolderFiles {
  /// The inputs, the prior state and the outputs other than emails.
  static func assemble(result: RunResult, snapshot: RunInputsSnapshot) -> [String: [UInt8]] {
    var files = result.files
    files.merge(snapshot.inputs) { _, new in new }
    files.merge(snapshot.taxonomy) { _, new in new }
    files[RunInputsSnapshot.priorPath] = snapshot.priorSnapshot
    files[RunInputsSnapshot.priorWaitingPath] = snapshot.priorWaiting
    return files
  }

  /// The manifest that hashes every input and output, emails included.
  static func manifest(
    result: RunResult, emails: RunEmailTally, snapshot: RunInputsSnapshot, context: RunContext
  ) -> RunManifest {
    RunManifest(
      runID: context.identity.runID, asOf: context.identity.asOf, algorithm: context.config.matching.algorithm.rawValue,
      objective: context.config.matching.objective.description,
      configSHA256: SHA256Hex.of(snapshot.inputs[RunInputsSnapshot.configPath] ?? []),
      inputs: RunManifest.digests(snapshot.inputs), taxonomy: RunManifest.digests(snapshot.taxonomy),
      priorStateSHA256: SHA256Hex.of(snapshot.priorSnapshot), counts: result.counts(with: emails),
      outputs: RunManifest.digests(result.files).merging(emails.digests) { first, _ in first })
  }
}

extension RunInputsSnapshot {
  /// The inputs as the run's index page lists them.
  var indexFiles: [RunIndex.File] {
    let all = inputs.merging(taxonomy) { first, _ in first }
    return all.keys.sorted().map { RunIndex.File(path: $0, sha256: SHA256Hex.of(all[$0]!)) }
  }
}
