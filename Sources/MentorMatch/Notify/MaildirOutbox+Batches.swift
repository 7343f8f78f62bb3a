import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Publishing emails handed over a batch at a time, so that a caller
/// composing 100,000 messages never holds them all: each batch is written to
/// `tmp/` as it comes and then dropped. Its files become durable (one sync)
/// and are renamed into `new/` on another thread while the caller composes
/// and writes the next batch (``BatchPublishing/eachWhenDurable``), or all
/// together after the last batch (``BatchPublishing/allAtEnd``).
extension MaildirOutbox {
  /// When the batches handed to ``publish(_:batches:)`` are renamed into `new/`.
  public enum BatchPublishing: Sendable {
    /// Each batch as soon as it is written: one sync, then its renames, on a
    /// second thread, overlapping the next batch. If a later batch fails, the
    /// batches before it stay published (complete and durable; the next
    /// publish skips them).
    case eachWhenDurable
    /// Nothing before the last batch is written: one sync, then every rename.
    /// A failure in any batch leaves `new/` as it was.
    case allAtEnd
  }

  /// Calls `batches` with a function that writes one batch of emails into
  /// `tmp/`; each file is durable before its name appears in `new/`, and
  /// `new/` is fsynced before this returns. Names already in `new/` or `cur/`
  /// are skipped; a name handed over twice is written once, and throws
  /// `duplicateMessage` when the two messages differ. Throws `outbox` when
  /// the file system fails. The files in `new/` do not depend on `publishing`
  /// or on how the emails are cut into batches.
  @discardableResult
  public func publish(
    _ publishing: BatchPublishing = .eachWhenDurable,
    batches: (_ add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) -> Void
  ) throws(NotifyError) -> Publication {
    for folder in ["", "/tmp", "/new", "/cur"] { try makeDirectory(directory + folder) }
    let present = try publishedNames()
    let tmp = try openDirectory(directory + "/tmp")
    defer { close(tmp) }
    let new = try openDirectory(directory + "/new")
    defer { close(new) }
    let renamer = BatchRenamer(outbox: self, tmp: tmp, new: new)
    // Declared after the folders' `defer`s, so it runs first: no rename is
    // still in flight when the folders close.
    defer { renamer.drain() }
    var pending: [String] = []
    var pendingNames: Set<String> = []
    var already: Set<String> = []
    func add(_ emails: [ComposedEmail]) throws(NotifyError) {
      if let failure = renamer.failure { throw failure }
      let start = pending.count
      for email in emails {
        if present.contains(email.fileName) {
          already.insert(email.fileName)
        } else if pendingNames.contains(email.fileName) {
          // Rare: compare with the copy on disk rather than keep every message's bytes.
          if try storedCopy(of: email.fileName) != email.bytes { throw .duplicateMessage(fileName: email.fileName) }
        } else {
          try write(email.bytes, named: email.fileName, in: tmp)
          pending.append(email.fileName)
          pendingNames.insert(email.fileName)
        }
      }
      if publishing == .eachWhenDurable { renamer.enqueue(Array(pending[start...])) }
    }
    try batches(add)
    if publishing == .allAtEnd { renamer.enqueue(pending) }
    renamer.drain()
    if let failure = renamer.failure { throw failure }
    if !pending.isEmpty {
      try syncDirectory(directory + "/new")
      try syncDirectory(directory + "/tmp")
    }
    return Publication(written: pending.sorted(), alreadyPresent: already.sorted())
  }

  /// The bytes this publish already wrote under `name`: in `tmp/`, or in
  /// `new/` once the renamer moved it (a rename is atomic, so one of the two
  /// holds it).
  private func storedCopy(of name: String) throws(NotifyError) -> [UInt8] {
    for folder in ["tmp", "new"] {
      if let stored = FileManager.default.contents(atPath: "\(directory)/\(folder)/\(name)") { return [UInt8](stored) }
    }
    throw failure("\(directory)/tmp/\(name)", "cannot read the message")
  }
}

/// Renames batches of written files from `tmp/` into `new/`, in order, on
/// one serial queue: for each batch one sync (so that every byte of it is
/// durable), then its renames. The first failure stops the rest; the caller
/// reads it from ``failure``.
private final class BatchRenamer: @unchecked Sendable {
  private let outbox: MaildirOutbox
  private let tmp: Int32
  private let new: Int32
  private let queue = DispatchQueue(label: "mentormatch.outbox.rename")
  private let lock = NSLock()
  // Guarded by `lock`.
  private var firstFailure: NotifyError?

  init(outbox: MaildirOutbox, tmp: Int32, new: Int32) {
    self.outbox = outbox
    self.tmp = tmp
    self.new = new
  }

  var failure: NotifyError? { lock.withLock { firstFailure } }

  /// Makes `names` (all written and closed) durable, then renames them into `new/`.
  func enqueue(_ names: [String]) {
    guard !names.isEmpty else { return }
    queue.async { [self] in
      guard failure == nil else { return }
      do throws(NotifyError) {
        if outbox.durability == .batch { try outbox.syncFileSystem(outbox.directory + "/tmp") }
        for name in names where renameat(tmp, name, new, name) != 0 {
          throw outbox.failure(outbox.directory + "/new/" + name, "cannot move the message into new/")
        }
      } catch {
        lock.withLock { if firstFailure == nil { firstFailure = error } }
      }
    }
  }

  /// Waits until every batch handed over is renamed (or given up).
  func drain() { queue.sync {} }
}
