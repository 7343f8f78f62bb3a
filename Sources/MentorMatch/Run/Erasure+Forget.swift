import Foundation
/// What `forget` did, across the state and the run folders.
public struct ErasureSummary: Sendable, Equatable {
  public var state: ForgetReport
  public var folders: [Erasure.FolderResult]

  /// The lines `forget` prints: counts and file paths, no personal data
  /// beyond the person ids the operator typed or the state held.
  public var lines: [String] {
    var lines = [
      "state: erased \(CountedNoun.phrase(state.personIDs.count, "person", "people")), \(CountedNoun.phrase(state.pairsRemoved, "pair")), "
        + "\(CountedNoun.phrase(state.notifications.count, "notification"))"
    ]
    for folder in folders {
      for file in folder.files {
        lines.append("\(folder.folder)/\(file.path): \(file.sha256 == nil ? "removed" : "redacted")")
      }
    }
    if state.personIDs.isEmpty && folders.allSatisfy(\.files.isEmpty) {
      // An erasure request must not pass quietly on a typo.
      lines.append("nothing found: that id or address is in neither the state nor any run folder (erased already, or mistyped?)")
    }
    return lines
  }
}

extension Erasure {
  /// Erases a person from the state and from every stored run folder, in
  /// an order that survives a crash at any point: look up what the state
  /// knows, redact the run folders (each file replaced atomically, each
  /// manifest gaining a redaction entry), then delete from the state in one
  /// transaction. Running it again after a crash finishes the work; running
  /// it again after success changes nothing.
  ///
  /// A person is found by every id and address the state and the stored
  /// exports give them (``identities(of:exports:)``, read through each run's
  /// own column mapping): their rows in stored exports (and rows naming them
  /// as line manager), rows of the run's own CSVs whose id or email columns
  /// name them, .eml files addressed to them or naming their address, and
  /// HTML reports listing their id or address. The caller holds ``RunLock``.
  public static func forget(
    store: StateStore, runsDirectory: String, personID: String?, email: String?, asOf: String,
    crash: CrashPoint = .none
  ) throws -> ErasureSummary {
    let preview = try store.erasurePreview(personID: personID, email: email)
    let seed = ([personID, email].compactMap { $0 } + preview.personIDs)
      .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    let runs = runFolders(under: runsDirectory)
    let exports = runs.map { name in
      let folder = (runsDirectory as NSString).appendingPathComponent(name)
      return (name: name, folder: folder, exports: storedExports(runDirectory: folder))
    }
    let known = identities(
      of: Set(seed),
      exports: exports.flatMap { run in
        run.exports.keys.sorted().map { (path: "\(run.folder)/\($0)", columns: run.exports[$0]!) }
      })
    let values = known.sorted()
    let emails = values.filter { $0.contains("@") }
    let removes = removesMentions(
      of: values, emails: emails,
      addressedTo: emailsAddressedTo(emails: emails, fileNames: Set(preview.notifications.map(\.fileName))))
    var folders: [FolderResult] = []
    for run in exports {
      let byHeader = identifyingFieldsEqual(values)
      if var result = try redact(
        runDirectory: run.folder, asOf: asOf,
        csvRule: { path, bytes in run.exports[path].map { exportRule($0, wanted: known) } ?? byHeader(path, bytes) },
        removes: removes)
      {
        result.folder = run.name
        folders.append(result)
      }
    }
    crash.hit("forget-after-redaction")
    var state = ForgetReport(personIDs: [], pairsRemoved: 0, notifications: [])
    var ids = preview.personIDs
    if let personID, !ids.contains(personID) { ids.append(personID) }
    for id in ids.sorted() {
      let report = try store.forget(personID: id)
      state.personIDs += report.personIDs
      state.pairsRemoved += report.pairsRemoved
      state.notifications += report.notifications
    }
    return ErasureSummary(state: state, folders: folders)
  }
}

extension Erasure {
  /// Files that must go because they mention the person: emails addressed to
  /// them, emails to others that name their address, and HTML reports that
  /// list their id or address. Reports and emails are derived outputs; the
  /// manifest's redaction entry records each removal.
  static func removesMentions(
    of values: [String], emails: [String], addressedTo: @escaping (_ relativePath: String, _ bytes: [UInt8]) -> Bool
  ) -> (_ relativePath: String, _ bytes: [UInt8]) -> Bool {
    let ids = values.filter { !$0.isEmpty && !$0.contains("@") }
    return { path, bytes in
      if addressedTo(path, bytes) { return true }
      let lower = path.lowercased()
      guard lower.hasSuffix(".eml") || lower.hasSuffix(".html") else { return false }
      let text = String(decoding: bytes, as: UTF8.self)
      let lowered = text.lowercased()
      if emails.contains(where: { lowered.contains($0) }) { return true }
      // In HTML an id stands alone in a table cell: >P00003<.
      return lower.hasSuffix(".html") && ids.contains { lowered.contains(">\($0)<") }
    }
  }
}
