import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A maildir outbox (`tmp/`, `new/`, `cur/`), the one place the notification
/// stage touches files. See the maildir description at
/// <https://cr.yp.to/proto/maildir.html>.
///
/// Publishing is idempotent: a message whose file name is already in `new/`
/// or `cur/` (where a delivery tool may add `:2,…` flags) is not written
/// again. Files are 0600, folders 0700.
///
/// Crash safety (``Durability/batch``): every pending message is written to
/// `tmp/`; then one `sync(2)` makes all of their contents durable; only then
/// is each renamed into `new/`, and `new/` is fsynced. So a name in `new/`
/// always refers to complete, durable bytes; after a crash, leftovers in
/// `tmp/` are overwritten and renamed by the next publish, and names already
/// in `new/` are skipped. ``Durability/perFile`` fsyncs each file instead.
public struct MaildirOutbox: Sendable {
  /// How file contents are made durable before they are renamed into `new/`.
  public enum Durability: Sendable {
    /// One `sync` for the whole batch, then the renames.
    case batch
    /// `fsync` on every file before its rename.
    case perFile
  }

  /// The result of a publish, names sorted.
  public struct Publication: Sendable, Equatable {
    /// File names written into `new/` by this call.
    public var written: [String]
    /// File names skipped because `new/` or `cur/` already had them.
    public var alreadyPresent: [String]
  }

  /// The outbox folder (usually `RUN_DIR/outbox`).
  public let directory: String
  public let durability: Durability

  public init(directory: String, durability: Durability = .batch) {
    self.directory = directory
    self.durability = durability
  }

  /// Writes every email not yet published. Throws `duplicateMessage` when two
  /// different emails share a name, `outbox` when the file system fails.
  @discardableResult
  public func publish(_ emails: [ComposedEmail]) throws(NotifyError) -> Publication {
    try publish(messages: emails.map { ($0.fileName, $0.bytes) })
  }

  /// Writes messages given as file names and bytes, as a run folder stores
  /// them; used to finish publishing after a crash.
  @discardableResult
  public func publish(messages: [(fileName: String, bytes: [UInt8])]) throws(NotifyError) -> Publication {
    var byName: [String: (fileName: String, bytes: [UInt8])] = [:]
    for email in messages {
      if let seen = byName[email.fileName], seen.bytes != email.bytes { throw .duplicateMessage(fileName: email.fileName) }
      byName[email.fileName] = email
    }
    for folder in ["", "/tmp", "/new", "/cur"] { try makeDirectory(directory + folder) }
    let present = try publishedNames()
    let pending = byName.keys.filter { !present.contains($0) }.sorted()
    let tmp = try openDirectory(directory + "/tmp")
    defer { close(tmp) }
    let new = try openDirectory(directory + "/new")
    defer { close(new) }
    // Opened before the writes, so that its sync reports every write-back failure of them.
    let fileSystem = durability == .batch && !pending.isEmpty ? try openFileSystem(directory + "/tmp") : nil
    try writeAll(pending.compactMap { byName[$0] }, into: tmp)
    if let fileSystem { try sync(fileSystem, path: directory + "/tmp") }
    // Names relative to open folders: the kernel does not walk the whole
    // path again for each of a hundred thousand files.
    for name in pending where renameat(tmp, name, new, name) != 0 {
      throw failure(directory + "/new/" + name, "cannot move the message into new/")
    }
    if !pending.isEmpty {
      try syncDirectory(directory + "/new")
      try syncDirectory(directory + "/tmp")
    }
    return Publication(written: pending, alreadyPresent: byName.keys.filter(present.contains).sorted())
  }

  /// Publishes messages that already sit, complete and durable, in `source`
  /// (a run folder's `emails/`): each is hard-linked into `new/`, which is
  /// atomic and writes no byte twice, then `new/` is fsynced. Where the file
  /// system refuses a link (another file system, no hard links), the bytes
  /// are copied through `tmp/` as ``publish(messages:)`` does. Names whose
  /// file is missing from `source` are left out of the result.
  @discardableResult
  public func publish(linking fileNames: [String], from source: String) throws(NotifyError) -> Publication {
    for folder in ["", "/tmp", "/new", "/cur"] { try makeDirectory(directory + folder) }
    let present = try publishedNames()
    // A source folder that is gone (pruned) holds no message: every name is missing.
    let from = open(source, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard from >= 0 || errno == ENOENT else { throw failure(source, "cannot open the folder") }
    defer { if from >= 0 { close(from) } }
    let new = try openDirectory(directory + "/new")
    defer { close(new) }
    var linked: [String] = []
    var copies: [(fileName: String, bytes: [UInt8])] = []
    var already: [String] = []
    // Names relative to the two open folders, and no stat first: a missing
    // source is the link's own ENOENT. A run publishes hundreds of thousands.
    for name in Self.uniqueSorted(fileNames) {
      if present.contains(name) {
        already.append(name)
      } else if from < 0 {
        continue
      } else if linkat(from, name, new, name, 0) == 0 {
        linked.append(name)
      } else if errno == ENOENT {
        continue
      } else if errno == EXDEV || errno == EPERM || errno == EMLINK || errno == EOPNOTSUPP {
        guard let data = FileManager.default.contents(atPath: "\(source)/\(name)") else {
          throw failure("\(source)/\(name)", "cannot read the message")
        }
        copies.append((name, Array(data)))
      } else {
        throw failure("\(directory)/new/\(name)", "cannot link the message into new/")
      }
    }
    if !linked.isEmpty, fsync(new) != 0 { throw failure(directory + "/new", "cannot sync the folder") }
    guard !copies.isEmpty else { return Publication(written: linked, alreadyPresent: already) }
    let copied = try publish(messages: copies)
    return Publication(written: (linked + copied.written).sorted(), alreadyPresent: (already + copied.alreadyPresent).sorted())
  }

  /// Publishes a folder of messages staged beside the outbox (complete,
  /// durable, and not yet seen by any relay) in one step: `staged` is
  /// renamed to `new/`, which rename(2) does atomically, whatever the number
  /// of messages; then the outbox and the staged folder's parent are
  /// fsynced. `tmp/` and `cur/` are made first. Returns false, changing
  /// nothing, when `staged` does not exist (published already, or never
  /// staged). Should `new/` hold messages already, the staged ones are
  /// linked in beside them as ``publish(linking:from:)`` does and the
  /// staged folder is removed.
  public func publish(renaming staged: String) throws(NotifyError) -> Bool {
    guard access(staged, F_OK) == 0 else {
      guard errno == ENOENT else { throw failure(staged, "cannot read the staged messages") }
      return false
    }
    for folder in ["", "/tmp", "/cur"] { try makeDirectory(directory + folder) }
    if rename(staged, directory + "/new") != 0 {
      guard errno == ENOTEMPTY || errno == EEXIST else { throw failure(directory + "/new", "cannot publish the staged messages") }
      let names: [String]
      do { names = try FileManager.default.contentsOfDirectory(atPath: staged) } catch {
        throw .outbox(path: staged, problem: "cannot list the staged messages")
      }
      try publish(linking: names, from: staged)
      for name in names where unlink(staged + "/" + name) != 0 && errno != ENOENT {
        throw failure(staged + "/" + name, "cannot remove a staged message")
      }
      guard rmdir(staged) == 0 else { throw failure(staged, "cannot remove the staged folder") }
    }
    guard chmod(directory + "/new", 0o700) == 0 else { throw failure(directory + "/new", "cannot set the folder's mode") }
    try syncDirectory(directory)
    try syncDirectory((staged as NSString).deletingLastPathComponent)
    return true
  }

  /// `names` sorted without repeats; a list already in strictly increasing
  /// order (as a run hands over its emails) is returned as it is.
  static func uniqueSorted(_ names: [String]) -> [String] {
    var increasing = true
    for index in names.indices.dropFirst() where !(names[index - 1] < names[index]) {
      increasing = false
      break
    }
    return increasing ? names : Set(names).sorted()
  }

  /// The names in `new/` and `cur/`, with any maildir `:2,…` suffix removed.
  public func publishedNames() throws(NotifyError) -> Set<String> {
    var names: Set<String> = []
    for folder in ["new", "cur"] {
      let path = "\(directory)/\(folder)"
      guard FileManager.default.fileExists(atPath: path) else { continue }
      do {
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
          names.insert(String(name.split(separator: ":", maxSplits: 1).first ?? Substring(name)))
        }
      } catch {
        throw .outbox(path: path, problem: "cannot list the folder")
      }
    }
    return names
  }

  /// The messages in `new/` and `cur/` as (folder, file name, bytes), sorted by name.
  public func messages() throws(NotifyError) -> [(folder: String, fileName: String, bytes: [UInt8])] {
    var result: [(folder: String, fileName: String, bytes: [UInt8])] = []
    for folder in ["new", "cur"] {
      let path = "\(directory)/\(folder)"
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let names: [String]
      do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
        throw .outbox(path: path, problem: "cannot list the folder")
      }
      for name in names where !name.hasPrefix(".") {
        guard let data = FileManager.default.contents(atPath: "\(path)/\(name)") else {
          throw .outbox(path: "\(path)/\(name)", problem: "cannot read the message")
        }
        result.append((folder, name, [UInt8](data)))
      }
    }
    return result.sorted { ($0.fileName, $0.folder) < ($1.fileName, $1.folder) }
  }

  func failure(_ path: String, _ what: String) -> NotifyError {
    .outbox(path: path, problem: "\(what): \(String(cString: strerror(errno)))")
  }

  /// Makes the folder and its parents, 0700, naming the system's reason
  /// when it cannot (a full disk, a read-only file system, a denied parent):
  /// the admin reading the message at 2 a.m. needs it.
  func makeDirectory(_ path: String) throws(NotifyError) {
    do throws(PrivateFiles.WriteError) {
      try PrivateFiles.makeDirectory(path)
    } catch {
      throw .outboxFolder(path: error.path, reason: error.reason)
    }
  }

  /// Writes every message into the `tmp/` folder open as `folder`, in name
  /// order. One thread: creating files in one folder from two threads was
  /// measured slower on the shared machine (the folder's lock is contended
  /// and spun on), not faster.
  private func writeAll(_ messages: [(fileName: String, bytes: [UInt8])], into folder: Int32) throws(NotifyError) {
    for message in messages { try write(message.bytes, named: message.fileName, in: folder) }
  }

  func write(_ bytes: [UInt8], named name: String, in folder: Int32) throws(NotifyError) {
    let fd = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw failure("\(directory)/tmp/\(name)", "cannot create the message file") }
    do {
      try writeAll(bytes, to: fd, path: "\(directory)/tmp/\(name)")
    } catch {
      close(fd)
      throw error
    }
    guard close(fd) == 0 else { throw failure("\(directory)/tmp/\(name)", "cannot write the message") }
  }

  /// Writes every byte to `fd` (and fsyncs it under ``Durability/perFile``);
  /// `path` names the file in errors and is only built for one.
  func writeAll(_ bytes: [UInt8], to fd: Int32, path: @autoclosure () -> String) throws(NotifyError) {
    var written = 0
    while written < bytes.count {
      let rest = written == 0 ? bytes : Array(bytes[written...])
      let result = writeBytes(fd, rest)
      if result < 0, errno == EINTR { continue }
      guard result > 0 else { throw failure(path(), "cannot write the message") }
      written += result
    }
    if durability == .perFile, fsync(fd) != 0 { throw failure(path(), "cannot sync the message") }
  }

  func openDirectory(_ path: String) throws(NotifyError) -> Int32 {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(path, "cannot open the folder") }
    return fd
  }

  func syncDirectory(_ path: String) throws(NotifyError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(path, "cannot open the folder") }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw failure(path, "cannot sync the folder") }
  }

  /// The outbox's file system, opened for syncfs(2) before the messages it
  /// must make durable are written (``FileSystemSync/Opened``).
  func openFileSystem(_ path: String) throws(NotifyError) -> FileSystemSync.Opened {
    do { return try FileSystemSync.Opened(containing: path) } catch { throw failure(path, "cannot open the folder") }
  }

  func sync(_ fileSystem: FileSystemSync.Opened, path: String) throws(NotifyError) {
    // syncfs(2) on the outbox's own file system waits for its writeback to
    // finish, the guarantee needed before a name appears in new/, without
    // waiting for other file systems as sync(2) does.
    if fileSystem.sync() != nil { throw failure(path, "cannot sync the file system") }
  }
}

/// write(2), at file scope so that the outbox's own `write` does not hide it.
private func writeBytes(_ fd: Int32, _ bytes: [UInt8]) -> Int {
  write(fd, bytes, bytes.count)
}
