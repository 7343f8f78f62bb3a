import Foundation

extension Erasure {
  /// What an erasure did to one run folder.
  public struct FolderResult: Sendable, Equatable {
    /// The run folder's name (its run id).
    public var runID: String
    /// The run folder's path under the runs folder: its run id, or
    /// `dry-runs/<run-id>` for a dry run's (which may share the run id).
    public var folder: String
    /// The files changed or removed, with their digests afterwards.
    public var files: [RunManifest.RedactedFile]
    /// Records redacted across the folder's CSV files.
    public var redactedRows: Int
  }

  /// The reason written into manifests. It says nothing about whose data it was.
  public static let erasureReason = "erasure request (UK GDPR art. 17)"

  /// Redacts one run folder: every `.csv` file (inputs and outputs) through
  /// the rule `csvRule` gives for its relative path (nil: leave the file), and
  /// every file `removes` accepts (the .eml files addressed to the person) is
  /// deleted. Each changed file is replaced atomically, and when anything
  /// changed a redaction entry is appended to `manifest.json`.
  ///
  /// - Returns: nil when nothing in the folder matched.
  public static func redact(
    runDirectory: String, asOf: String, reason: String = erasureReason,
    csvRule: (_ relativePath: String, _ bytes: [UInt8]) -> Rule?,
    removes: (_ relativePath: String, _ bytes: [UInt8]) -> Bool
  ) throws -> FolderResult? {
    var manifest = try RunManifest.load(runDirectory: runDirectory)
    var changed: [RunManifest.RedactedFile] = []
    var rows = 0
    for path in DurableFile.files(under: runDirectory) where path != RunManifest.fileName {
      let full = (runDirectory as NSString).appendingPathComponent(path)
      if (path as NSString).lastPathComponent.hasPrefix(".tmp-") {
        // Left by an erasure that crashed mid-replace; the file it was replacing is intact.
        try DurableFile.remove(full)
        continue
      }
      let bytes = try DurableFile.read(full)
      if removes(path, bytes) {
        try DurableFile.remove(full)
        changed.append(RunManifest.RedactedFile(path: path, sha256: nil))
      } else if path.lowercased().hasSuffix(".csv"), let rule = csvRule(path, bytes) {
        let result = try redactCSV(bytes, name: full, rule: rule)
        guard result.redactedRows > 0 else { continue }
        try DurableFile.replace(full, bytes: result.bytes)
        changed.append(RunManifest.RedactedFile(path: path, sha256: SHA256Hex.of(result.bytes)))
        rows += result.redactedRows
      }
    }
    guard !changed.isEmpty else { return nil }
    manifest.redactions.append(RunManifest.Redaction(asOf: asOf, reason: reason, files: changed))
    try manifest.save(runDirectory: runDirectory)
    return FolderResult(
      runID: manifest.runID, folder: (runDirectory as NSString).lastPathComponent,
      files: changed.sorted { $0.path < $1.path }, redactedRows: rows)
  }

  /// Redacts every run folder (``runFolders(under:)``) under `runsDirectory`.
  public static func redactRuns(
    runsDirectory: String, asOf: String, reason: String = erasureReason,
    csvRule: (_ relativePath: String, _ bytes: [UInt8]) -> Rule?,
    removes: (_ relativePath: String, _ bytes: [UInt8]) -> Bool
  ) throws -> [FolderResult] {
    try runFolders(under: runsDirectory).compactMap { name in
      let folder = (runsDirectory as NSString).appendingPathComponent(name)
      var result = try redact(runDirectory: folder, asOf: asOf, reason: reason, csvRule: csvRule, removes: removes)
      result?.folder = name
      return result
    }
  }

  /// The run folders (folders holding `manifest.json`) under `runsDirectory`,
  /// then those under its `dry-runs/` folder, each in name order, as paths
  /// relative to `runsDirectory` (`20261128T020000Z-…`, `dry-runs/20261128T020000Z-…`).
  /// A dry run keeps the same personal data as a real one, so erasure reaches it too.
  static func runFolders(under runsDirectory: String) -> [String] {
    func names(in folder: String, prefix: String) -> [String] {
      let path = prefix.isEmpty ? folder : (folder as NSString).appendingPathComponent(prefix)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.sorted().filter { !$0.hasPrefix(".") }.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
        .filter { name in
          let manifest = ((folder as NSString).appendingPathComponent(name) as NSString)
            .appendingPathComponent(RunManifest.fileName)
          return FileManager.default.fileExists(atPath: manifest)
        }
    }
    return names(in: runsDirectory, prefix: "") + names(in: runsDirectory, prefix: StateSettings.dryRunsFolderName)
  }

  /// The rule for the run's own CSVs (and stored exports whose config cannot
  /// be read): a row matches when one of its identifying fields equals one of `values`,
  /// ignoring case. Identifying fields are the columns whose header names an
  /// id, an email, a mentee or a mentor (`id`, `person_id`, `email`,
  /// `mentee`, …); a file whose header names none is matched on every field.
  /// The delimiter is the most frequent of `,` `;` and tab on the first line.
  public static func identifyingFieldsEqual(_ values: [String]) -> (_ relativePath: String, _ bytes: [UInt8]) -> Rule? {
    let wanted = Set(values.filter { !$0.isEmpty }.map { $0.lowercased() })
    return { path, bytes in
      guard !wanted.isEmpty else { return nil }
      let options = CSVReadOptions(delimiter: sniffDelimiter(bytes))
      var header: [String] = []
      try? CSVReader(bytes: Array(bytes.prefix { $0 != 0x0A && $0 != 0x0D }), name: path, options: options)
        .forEachRow { row in
          if case .record(let record) = row, header.isEmpty { header = record.fields }
        }
      let columns = header.indices.filter { isIdentifying(header[$0]) }
      let needles = wanted.map { Array($0.utf8) }
      return Rule(options: options) { fields in
        let candidates = columns.isEmpty ? Array(fields.indices) : columns.filter { $0 < fields.count }
        return candidates.contains { wanted.contains(fields[$0].lowercased()) }
      } matchesUnreadable: { raw in
        // A row that cannot be split into fields is matched on its bytes: better to
        // redact a row too many than to keep a person's data.
        let lowered = raw.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return needles.contains { needle in
          !needle.isEmpty && lowered.count >= needle.count
            && (0...(lowered.count - needle.count)).contains { lowered[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
      }
    }
  }

  /// Whether a column name looks like it holds a person's id or email.
  static func isIdentifying(_ name: String) -> Bool {
    let name = name.lowercased().trimmingCharacters(in: .whitespaces)
    return name == "id" || name.hasSuffix("_id") || name.hasSuffix(" id") || name.contains("email")
      || name.contains("e-mail") || name.hasPrefix("mentee") || name.hasPrefix("mentor") || name == "recipient"
  }

  /// An `.eml` file is removed when its name is in `fileNames` (from the
  /// state's notifications) or when its header block names one of `emails`
  /// (case-insensitively).
  public static func emailsAddressedTo(emails: [String], fileNames: Set<String>) -> (_ relativePath: String, _ bytes: [UInt8]) -> Bool {
    let needles = emails.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    return { path, bytes in
      guard path.lowercased().hasSuffix(".eml") else { return false }
      if fileNames.contains((path as NSString).lastPathComponent) { return true }
      guard !needles.isEmpty else { return false }
      let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
      let normal = text.replacingOccurrences(of: "\r\n", with: "\n")
      let header = (normal.components(separatedBy: "\n\n").first ?? normal).lowercased()
      return needles.contains { header.contains($0) }
    }
  }

  /// The most frequent of `,`, `;` and tab on the first line; `,` on a tie.
  static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
    let first = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
    let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]
    var best = candidates[0]
    var bestCount = first.filter { $0 == best }.count
    for candidate in candidates.dropFirst() {
      let count = first.filter { $0 == candidate }.count
      if count > bestCount { (best, bestCount) = (candidate, count) }
    }
    return best
  }
}
