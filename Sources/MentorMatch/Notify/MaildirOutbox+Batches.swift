import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Publishing emails handed over a batch at a time, so that a caller
/// composing 100,000 messages never holds them all: each batch is written to
/// `tmp/` as it comes and then dropped; after the last, one sync and the
/// renames into `new/`, exactly as ``MaildirOutbox/publish(messages:)``.
extension MaildirOutbox {
  /// Calls `batches` with a function that writes one batch of emails into
  /// `tmp/`; once `batches` returns, makes them durable and renames them into
  /// `new/`. Names already in `new/` or `cur/` are skipped; a name handed over
  /// twice is written once, and throws `duplicateMessage` when the two
  /// messages differ (what ``publish(_:)`` does, except that the batches
  /// before the duplicate are already in `tmp/`, which the next publish
  /// overwrites). Throws `outbox` when the file system fails.
  @discardableResult
  public func publish(
    batches: (_ add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) -> Void
  ) throws(NotifyError) -> Publication {
    for folder in ["", "/tmp", "/new", "/cur"] { try makeDirectory(directory + folder) }
    let present = try publishedNames()
    let tmp = try openDirectory(directory + "/tmp")
    defer { close(tmp) }
    var pending: [String] = []
    var pendingNames: Set<String> = []
    var already: Set<String> = []
    func add(_ emails: [ComposedEmail]) throws(NotifyError) {
      for email in emails {
        if present.contains(email.fileName) {
          already.insert(email.fileName)
        } else if pendingNames.contains(email.fileName) {
          // Rare: compare with the copy in tmp/ rather than keep every message's bytes.
          let path = "\(directory)/tmp/\(email.fileName)"
          guard let stored = FileManager.default.contents(atPath: path) else { throw failure(path, "cannot read the message") }
          if [UInt8](stored) != email.bytes { throw .duplicateMessage(fileName: email.fileName) }
        } else {
          try write(email.bytes, named: email.fileName, in: tmp)
          pending.append(email.fileName)
          pendingNames.insert(email.fileName)
        }
      }
    }
    try batches(add)
    if durability == .batch, !pending.isEmpty { try syncFileSystem(directory + "/tmp") }
    let new = try openDirectory(directory + "/new")
    defer { close(new) }
    pending.sort()
    for name in pending where renameat(tmp, name, new, name) != 0 {
      throw failure(directory + "/new/" + name, "cannot move the message into new/")
    }
    if !pending.isEmpty {
      try syncDirectory(directory + "/new")
      try syncDirectory(directory + "/tmp")
    }
    return Publication(written: pending, alreadyPresent: already.sorted())
  }
}
