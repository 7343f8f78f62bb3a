import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Publishing emails handed over a batch at a time, so that a caller
/// composing 100,000 messages never holds them all: each batch is written as
/// it comes and then dropped. Its files become durable (one sync) and are
/// named in `new/` on another thread while the caller composes and writes the
/// next batch (``BatchPublishing/eachWhenDurable``), or all together after
/// the last batch (``BatchPublishing/allAtEnd``).
///
/// Where Linux allows it, a file is written unnamed (`O_TMPFILE`) and linked
/// into `new/` once durable, rather than written as `tmp/<name>` and renamed:
/// the same guarantee (no name in `new/` before its bytes are durable; after
/// a crash, unnamed files vanish and unpublished names are written again)
/// for one directory insert per message instead of two and a delete. See
/// ``FileCreation``.
extension MaildirOutbox {
  /// When the batches handed to ``publish(_:batches:)`` are renamed into `new/`.
  public enum BatchPublishing: Sendable {
    /// Each batch as soon as it is written: one sync, then its renames, on a
    /// second thread, overlapping the next batch. If a later batch fails, the
    /// batches before it stay published (complete and durable; the next
    /// publish skips them).
    case eachWhenDurable
    /// Nothing is named in `new/` before the last batch is written: then one
    /// sync and every rename. A failure in any batch leaves `new/` as it was.
    case allAtEnd
  }

  /// Calls `batches` with a function that writes one batch of emails. Each
  /// file is durable before its name appears in `new/`, and `new/` is
  /// fsynced before this returns. Names already in `new/` or `cur/`
  /// are skipped; a name handed over twice is written once, and throws
  /// `duplicateMessage` when the two messages differ. Throws `outbox` when
  /// the file system fails. The files in `new/` do not depend on `publishing`
  /// or on how the emails are cut into batches.
  @discardableResult
  public func publish(
    _ publishing: BatchPublishing = .eachWhenDurable,
    batches: (_ add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) -> Void
  ) throws(NotifyError) -> Publication {
    try publish(publishing, creation: nil, chunkLimit: nil, batches: batches)
  }

  /// ``publish(_:batches:)`` with the file creation and the most unnamed
  /// files per chunk chosen by the caller (tests); `nil` takes the cheapest
  /// creation the system allows and a quarter of the descriptor limit.
  /// Unnamed files are only used for ``BatchPublishing/eachWhenDurable``
  /// with ``Durability/batch``, where each chunk's descriptors close soon.
  func publish(
    _ publishing: BatchPublishing, creation: FileCreation?, chunkLimit: Int?,
    batches: (_ add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) -> Void
  ) throws(NotifyError) -> Publication {
    for folder in ["", "/tmp", "/new", "/cur"] { try makeDirectory(directory + folder) }
    let present = try publishedNames()
    let tmp = try openDirectory(directory + "/tmp")
    defer { close(tmp) }
    let new = try openDirectory(directory + "/new")
    defer { close(new) }
    let unnamedAllowed = publishing == .eachWhenDurable && durability == .batch
    let creation = unnamedAllowed ? creation ?? cheapestCreation(tmp: tmp) : .named
    if creation != .named { try removeLeftovers(in: tmp) }
    let chunkLimit = creation == .named ? Int.max : max(1, chunkLimit ?? Self.unnamedChunkLimit())
    let fileSystem = durability == .batch ? try openFileSystem(directory + "/tmp") : nil
    let publisher = BatchPublisher(outbox: self, creation: creation, tmp: tmp, new: new, fileSystem: fileSystem)
    // Declared after the folders' `defer`s, so it runs first: nothing is
    // still being published when the folders close.
    defer { publisher.drain() }
    var pending: [String] = []
    var pendingNames: Set<String> = []
    var already: Set<String> = []
    var chunk: [WrittenMessage] = []
    // Unnamed files of a chunk not handed over (a failure midway) are closed, which deletes them.
    defer { for message in chunk where message.descriptor >= 0 { close(message.descriptor) } }
    func handOver() {
      publisher.enqueue(chunk)
      chunk = []
    }
    func add(_ emails: [ComposedEmail]) throws(NotifyError) {
      if let failure = publisher.failure { throw failure }
      for email in emails {
        if !present.isEmpty, present.contains(email.fileName) {
          already.insert(email.fileName)
        } else if pendingNames.contains(email.fileName) {
          // Rare: compare with the copy on disk rather than keep every
          // message's bytes. An unnamed copy has no name until published.
          if creation != .named {
            handOver()
            publisher.drain()
            if let failure = publisher.failure { throw failure }
          }
          let stored = try storedCopy(of: email.fileName, folders: creation == .named ? ["tmp", "new"] : ["new"])
          if stored != email.bytes { throw .duplicateMessage(fileName: email.fileName) }
        } else {
          if creation == .named {
            try write(email.bytes, named: email.fileName, in: tmp)
            chunk.append(WrittenMessage(name: email.fileName, descriptor: -1))
          } else {
            chunk.append(WrittenMessage(name: email.fileName, descriptor: try writeUnnamed(email.bytes, for: email.fileName, in: tmp)))
          }
          pending.append(email.fileName)
          pendingNames.insert(email.fileName)
          if chunk.count >= chunkLimit { handOver() }
        }
      }
      if publishing == .eachWhenDurable { handOver() }
    }
    try batches(add)
    handOver()
    publisher.drain()
    if let failure = publisher.failure { throw failure }
    if !pending.isEmpty {
      try syncDirectory(directory + "/new")
      try syncDirectory(directory + "/tmp")
    }
    return Publication(written: pending.sorted(), alreadyPresent: already.sorted())
  }

  /// The bytes this publish already wrote under `name`, looked for in
  /// `folders` in order: for named files `tmp/`, then `new/` once renamed
  /// (a rename is atomic, so one of the two holds it); for unnamed ones
  /// `new/` alone (`tmp/` may hold a crash's leftover of that name).
  private func storedCopy(of name: String, folders: [String]) throws(NotifyError) -> [UInt8] {
    for folder in folders {
      if let stored = FileManager.default.contents(atPath: "\(directory)/\(folder)/\(name)") { return [UInt8](stored) }
    }
    throw failure("\(directory)/tmp/\(name)", "cannot read the message")
  }

  /// Deletes the files in `tmp/` (open as `tmp`): what a crashed publish
  /// left there. Named files overwrite and rename their leftovers; unnamed
  /// ones never touch `tmp/`'s names, so they clear them first. Nothing in
  /// `tmp/` was ever published, and every message is written again.
  private func removeLeftovers(in tmp: Int32) throws(NotifyError) {
    let path = directory + "/tmp"
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
      throw .outbox(path: path, problem: "cannot list the folder")
    }
    // A folder in tmp/ is not a message: left alone.
    for name in names where unlinkat(tmp, name, 0) != 0 && errno != ENOENT && errno != EISDIR {
      throw failure("\(path)/\(name)", "cannot remove a leftover message")
    }
  }
}
