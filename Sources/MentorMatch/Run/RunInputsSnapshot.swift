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

  /// Reads the live files named by the config.
  static func capture(
    config: MentorMatchConfig, taxonomyDirectory: String?, prior: PriorState, toldWaiting: Set<String>
  ) throws -> RunInputsSnapshot {
    var snapshot = RunInputsSnapshot()
    snapshot.inputs[configPath] = config.bytes
    for (index, file) in config.input.files.enumerated() {
      snapshot.inputs[exportPath(index, file)] = try read(file.path, name: file.name)
    }
    if let email = config.email {
      for (name, path) in try EmailTemplateSet.customFiles(settings: email).sorted(by: { $0.key < $1.key }) {
        snapshot.inputs["\(templatesFolder)/\(name.fileName)"] = try read(path, name: path)
      }
    }
    let names = try taxonomyDirectory.map { try FileManager.default.contentsOfDirectory(atPath: $0).sorted() } ?? []
    for name in names where !name.hasPrefix(".") {
      guard let taxonomyDirectory else { break }
      let path = (taxonomyDirectory as NSString).appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      snapshot.taxonomy["\(taxonomyFolder)/\(name)"] = try read(path, name: path)
    }
    snapshot.priorSnapshot = prior.snapshotCSV()
    snapshot.priorWaiting = waitingCSV(toldWaiting)
    return snapshot
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

  private static func read(_ path: String, name: String) throws(CSVError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CSVError(file: name, kind: .cannotOpen(reason: "cannot be read"))
    }
    return Array(data)
  }
}
