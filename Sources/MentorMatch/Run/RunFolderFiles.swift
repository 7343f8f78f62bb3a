/// Everything a run folder holds, in one map: the inputs, the prior state,
/// the outputs and the manifest that hashes them all.
enum RunFolderFiles {
  static func assemble(result: RunResult, snapshot: RunInputsSnapshot, context: RunContext) -> [String: [UInt8]] {
    var files = result.files
    files.merge(snapshot.inputs) { _, new in new }
    files.merge(snapshot.taxonomy) { _, new in new }
    files[RunInputsSnapshot.priorPath] = snapshot.priorSnapshot
    files[RunInputsSnapshot.priorWaitingPath] = snapshot.priorWaiting
    files[RunManifest.fileName] = manifest(result: result, snapshot: snapshot, context: context).encoded()
    return files
  }

  static func manifest(result: RunResult, snapshot: RunInputsSnapshot, context: RunContext) -> RunManifest {
    RunManifest(
      runID: context.identity.runID, asOf: context.identity.asOf, algorithm: context.config.matching.algorithm.rawValue,
      objective: context.config.matching.objective.description,
      configSHA256: SHA256Hex.of(snapshot.inputs[RunInputsSnapshot.configPath] ?? []),
      inputs: RunManifest.digests(snapshot.inputs), taxonomy: RunManifest.digests(snapshot.taxonomy),
      priorStateSHA256: SHA256Hex.of(snapshot.priorSnapshot), counts: result.counts,
      outputs: RunManifest.digests(result.files))
  }
}

extension RunInputsSnapshot {
  /// The inputs as the run's index page lists them.
  var indexFiles: [RunIndex.File] {
    let all = inputs.merging(taxonomy) { first, _ in first }
    return all.keys.sorted().map { RunIndex.File(path: $0, sha256: SHA256Hex.of(all[$0]!)) }
  }
}
