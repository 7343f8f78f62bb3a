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
  /// - Parameter outputs: ``RunManifest/digests(_:)`` of the result's files,
  ///   which the shell works out on another core while it writes them.
  static func manifest(
    result: RunResult, outputs: [String: String], emails: RunEmailTally, digests: RunInputsSnapshot.Digests,
    context: RunContext
  ) -> RunManifest {
    RunManifest(
      runID: context.identity.runID, asOf: context.identity.asOf, algorithm: context.config.matching.algorithm.rawValue,
      objective: context.config.matching.objective.description,
      configSHA256: digests.config,
      inputs: digests.inputs, taxonomy: digests.taxonomy,
      priorStateSHA256: digests.prior, priorWaitingSHA256: digests.waiting, counts: result.counts(with: emails),
      outputs: outputs.merging(emails.digests) { first, _ in first })
  }
}
