import Foundation

/// The bytes of everything a run reads, as the run folder stores them under
/// `inputs/`, with their digests. Built by the shell from the live paths, and
/// by the audit from a run folder.
struct RunInputsSnapshot {
  /// `inputs/config.toml`, `inputs/exports/1-signups.csv`, …
  var inputs: [String: [UInt8]] = [:]
  /// `inputs/taxonomy/concepts.csv`, …
  var taxonomy: [String: [UInt8]] = [:]
  var priorSnapshot: [UInt8] = []
  /// `prior-waiting.csv`: ids already sent a "still waiting" email.
  var priorWaiting: [UInt8] = []

  /// Where export number `index` (0-based) is stored.
  static func exportPath(_ index: Int, _ file: InputFile) -> String {
    "inputs/exports/\(index + 1)-\(URL(fileURLWithPath: file.name).lastPathComponent)"
  }

  static let configPath = "inputs/config.toml"
  /// Custom email templates, one `<kind>.<part>.mustache` each, so the audit
  /// renders from the bytes the run rendered from.
  static let templatesFolder = "inputs/templates"
  static let taxonomyFolder = "inputs/taxonomy"
  static let priorPath = "prior-pairs.csv"
  static let priorWaitingPath = "prior-waiting.csv"
  /// Present only for a `--cohort` run: the one cohort it matched.
  static let cohortPath = "inputs/cohort.txt"

  /// The bytes of `prior-waiting.csv` for a set of ids.
  static func waitingCSV(_ ids: Set<String>) -> [UInt8] {
    var writer = CSVWriter(mode: .plain)
    writer.write(["id"])
    for id in ids.sorted() { writer.write([id]) }
    return writer.bytes
  }

  /// The ids in `prior-waiting.csv`.
  static func parseWaiting(_ bytes: [UInt8]) throws -> Set<String> {
    var ids: Set<String> = []
    try CSVReader(bytes: bytes, name: priorWaitingPath).forEachRow { row in
      if case .record(let record) = row, record.number > 0, let id = record.fields.first { ids.insert(id) }
    }
    return ids
  }

  /// Every stored input's SHA-256, worked out once: the run id, the
  /// "already done" check, the commit, the index page and the manifest all
  /// need them, and an export can be a hundred megabytes.
  struct Digests: Sendable {
    /// By stored path: `inputs/…` and `inputs/taxonomy/…`.
    var inputs: [String: String]
    var taxonomy: [String: String]
    var prior: String
    var waiting: String

    /// `path=sha256` of the config, exports and taxonomy, by path; without the prior state.
    var inputLines: [String] {
      let all = inputs.merging(taxonomy) { first, _ in first }
      return all.keys.sorted().map { "\($0)=\(all[$0]!)" }
    }

    /// ``inputLines`` and then the prior state's, in a fixed order, for the run id.
    var ordered: [String] { inputLines + ["prior=\(prior)", "waiting=\(waiting)"] }

    /// The config's digest (`inputs/config.toml`), as the run record and the manifest keep it.
    var config: String { inputs[RunInputsSnapshot.configPath] ?? SHA256Hex.of([]) }

    /// One digest over ``inputLines``: two runs with the same value read the same files.
    var inputsSHA256: String { SHA256Hex.of(Array(inputLines.joined(separator: "\n").utf8)) }

    /// The inputs as the run's index page lists them.
    var indexFiles: [RunIndex.File] {
      let all = inputs.merging(taxonomy) { first, _ in first }
      return all.keys.sorted().map { RunIndex.File(path: $0, sha256: all[$0]!) }
    }
  }

  /// The digests of the snapshot as it is now; take them once its files are final.
  func digests() -> Digests {
    Digests(
      inputs: RunManifest.digests(inputs), taxonomy: RunManifest.digests(taxonomy),
      prior: SHA256Hex.of(priorSnapshot), waiting: SHA256Hex.of(priorWaiting))
  }

  /// Every export's bytes, read once each, by resolved path: what the run
  /// ingests (through ``open(options:)``) and what its folder keeps. Read
  /// twice, an export rewritten in between (an upload still landing) would
  /// leave a folder whose copy is not what was matched, and no audit could
  /// re-run the night.
  struct ExportBytes: Sendable {
    var byPath: [String: [UInt8]] = [:]

    /// Reads each distinct path once, in the config's order; a path that is
    /// missing, a directory or not a regular file is refused as
    /// ``CSVReader/init(path:options:)`` refuses it.
    static func read(_ files: [InputFile]) throws(CSVError) -> ExportBytes {
      var exports = ExportBytes()
      for file in files where exports.byPath[file.path] == nil {
        exports.byPath[file.path] = try CSVReader.contentsOfRegularFile(path: file.path)
      }
      return exports
    }

    /// An `open` for ``SignupIngest/read(settings:open:)`` that reads these
    /// bytes, named as a reader of the file would be.
    func open(options: CSVReadOptions) -> @Sendable (InputFile) throws(CSVError) -> CSVReader {
      { [byPath] (file) throws(CSVError) -> CSVReader in
        guard let bytes = byPath[file.path] else {
          throw CSVError(file: file.path, kind: .cannotOpen(reason: "not read with the other exports"))
        }
        return CSVReader(bytes: bytes, name: file.path, options: options)
      }
    }
  }

  /// The taxonomy folder's files, read once each: what the run loads its
  /// taxonomy from (``Taxonomy/load(directory:files:)``) and what its folder
  /// keeps under `inputs/taxonomy/`, with their digests.
  struct TaxonomyFiles: Sendable {
    /// By file name: every regular file of the folder but hidden ones.
    var byName: [String: [UInt8]] = [:]
    /// By stored path (`inputs/taxonomy/<name>`).
    var digests: [String: String] = [:]

    static func read(directory: String) throws -> TaxonomyFiles {
      var files = TaxonomyFiles()
      for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        let bytes = try contents(path, name: path)
        files.byName[name] = bytes
        files.digests["\(taxonomyFolder)/\(name)"] = SHA256Hex.of(bytes)
      }
      return files
    }
  }

  /// Reads the live files named by the config: the config and custom
  /// templates, each hashed as it is read, and hashes the exports' bytes
  /// read already. The shell does this on another core while the exports are
  /// ingested; the taxonomy comes from its own thread and the prior state
  /// from the database, through ``Read/finish(priorSnapshot:toldWaiting:cohort:taxonomy:)``.
  static func read(config: MentorMatchConfig, exports: ExportBytes) throws -> Read {
    var files = Read()
    files.addInput(configPath, config.bytes)
    for (index, file) in config.input.files.enumerated() {
      guard let bytes = exports.byPath[file.path] else {
        throw CSVError(file: file.name, kind: .cannotOpen(reason: "not read with the other exports"))
      }
      files.addInput(exportPath(index, file), bytes)
    }
    if let email = config.email {
      for (name, path) in try EmailTemplateSet.customFiles(settings: email).sorted(by: { $0.key < $1.key }) {
        files.addInput("\(templatesFolder)/\(name.fileName)", try contents(path, name: path))
      }
    }
    return files
  }

  /// The files ``read(config:exports:)`` found, with their digests
  /// worked out once, as each was added.
  struct Read: Sendable {
    private(set) var snapshot = RunInputsSnapshot()
    private var inputDigests: [String: String] = [:]

    mutating func addInput(_ path: String, _ bytes: [UInt8]) {
      snapshot.inputs[path] = bytes
      inputDigests[path] = SHA256Hex.of(bytes)
    }

    /// The whole snapshot and its digests, once the prior state is loaded.
    /// - Parameter priorSnapshot: the prior state's ``PriorState/snapshotCSV()``.
    /// - Parameter cohort: the one cohort a `--cohort` run matches, kept as an input.
    /// - Parameter taxonomy: the taxonomy files the run loaded its taxonomy from.
    func finish(priorSnapshot: [UInt8], toldWaiting: Set<String>, cohort: String?, taxonomy: TaxonomyFiles)
      -> (RunInputsSnapshot, Digests)
    {
      var read = self
      if let cohort { read.addInput(RunInputsSnapshot.cohortPath, Array(cohort.utf8)) }
      var snapshot = read.snapshot
      for (name, bytes) in taxonomy.byName { snapshot.taxonomy["\(taxonomyFolder)/\(name)"] = bytes }
      snapshot.priorSnapshot = priorSnapshot
      snapshot.priorWaiting = RunInputsSnapshot.waitingCSV(toldWaiting)
      let digests = Digests(
        inputs: read.inputDigests, taxonomy: taxonomy.digests, prior: SHA256Hex.of(snapshot.priorSnapshot),
        waiting: SHA256Hex.of(snapshot.priorWaiting))
      return (snapshot, digests)
    }
  }

  /// The composer for the run: the settings with the templates this
  /// snapshot holds (the shipped defaults for the rest), checked against the
  /// built-in sample.
  /// - Parameter folder: where the templates are, for messages.
  func composer(settings: EmailSettings, folder: String) throws(NotifyError) -> EmailComposer {
    let prefix = Self.templatesFolder + "/"
    var files: [String: [UInt8]] = [:]
    for (path, bytes) in inputs where path.hasPrefix(prefix) { files[String(path.dropFirst(prefix.count))] = bytes }
    let composer = EmailComposer(settings: settings, templates: try EmailTemplateSet(files: files, folder: folder))
    try composer.validate()
    return composer
  }

  private static func contents(_ path: String, name: String) throws(CSVError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CSVError(file: name, kind: .cannotOpen(reason: "cannot be read"))
    }
    return Array(data)
  }
}
