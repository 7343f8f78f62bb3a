import Foundation
/// What `forget` did, across the state and the run folders.
public struct ErasureSummary: Sendable, Equatable {
  public var state: ForgetReport
  public var folders: [Erasure.FolderResult]

  /// The lines `forget` prints: counts and file paths, no personal data
  /// beyond the person ids the operator typed or the state held.
  public var lines: [String] {
    var lines = [
      "state: erased \(state.personIDs.count) person(s), \(state.pairsRemoved) pair(s), "
        + "\(state.notifications.count) notification(s)"
    ]
    for folder in folders {
      for file in folder.files {
        lines.append("\(folder.runID)/\(file.path): \(file.sha256 == nil ? "removed" : "redacted")")
      }
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
  /// Interim matching (until the config's column mapping is wired): CSV rows
  /// whose identifying fields equal the id, the email or any id the state
  /// finds for the email; .eml files the state names for them or whose
  /// header names the email. The caller holds ``RunLock``.
  public static func forget(
    store: StateStore, runsDirectory: String, personID: String?, email: String?, asOf: String,
    crash: CrashPoint = .none
  ) throws -> ErasureSummary {
    let preview = try store.erasurePreview(personID: personID, email: email)
    let values = [personID, email].compactMap { $0 } + preview.personIDs
    let folders = try redactRuns(
      runsDirectory: runsDirectory, asOf: asOf,
      csvRule: identifyingFieldsEqual(values),
      removes: removesMentions(
        of: values, email: email, addressedTo: emailsAddressedTo(email: email, fileNames: Set(preview.notifications.map(\.fileName)))))
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
    of values: [String], email: String?, addressedTo: @escaping (_ relativePath: String, _ bytes: [UInt8]) -> Bool
  ) -> (_ relativePath: String, _ bytes: [UInt8]) -> Bool {
    let address = email?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    let ids = values.filter { !$0.isEmpty && !$0.contains("@") }
    return { path, bytes in
      if addressedTo(path, bytes) { return true }
      let lower = path.lowercased()
      guard lower.hasSuffix(".eml") || lower.hasSuffix(".html") else { return false }
      let text = String(decoding: bytes, as: UTF8.self)
      if !address.isEmpty, text.lowercased().contains(address) { return true }
      // In HTML an id stands alone in a table cell: >P00003<.
      return lower.hasSuffix(".html") && ids.contains { text.contains(">\($0)<") }
    }
  }
}
