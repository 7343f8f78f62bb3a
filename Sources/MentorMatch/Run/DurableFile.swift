#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// File operations that survive a crash or power loss: each file and folder
/// is fsynced, and replacements go through a temporary name and `rename(2)`,
/// which POSIX makes atomic. Modes are set with `fchmod`/`chmod`, so the
/// process umask cannot loosen them.
enum DurableFile {
  /// Owner read and write only: run files hold personal data.
  static let fileMode: mode_t = 0o600
  /// Owner only.
  static let folderMode: mode_t = 0o700

  private static func reason() -> String { String(cString: strerror(errno)) }

  /// Creates a new file (failing if it exists) with `bytes`, mode 0600, and
  /// fsyncs it unless `sync` is false (the caller then syncs a whole batch).
  static func create(_ path: String, bytes: [UInt8], sync: Bool = true) throws(StateError) {
    var mode = ModeRepair.always
    try create(in: AT_FDCWD, name: path, bytes: bytes, sync: sync, mode: &mode, path: path)
  }

  /// Whether a file created with ``fileMode`` still needs fchmod(2) to
  /// have that mode: only under a umask that takes some of its bits away.
  /// The umask is the process's, the same for every file it creates, so
  /// the first file of a batch tells for the rest.
  enum ModeRepair {
    /// Not known yet: the next file created finds out with fstat(2).
    case unknown
    case always
    /// The umask leaves 0600 alone: no fchmod per file (a run's hundreds
    /// of thousands of emails spared one system call each).
    case never
  }

  /// ``create(_:bytes:sync:)`` for `name` inside the folder open as
  /// `folder`: the kernel does not walk the whole path again for each of a
  /// run's hundreds of thousands of emails. `path` names the file in errors.
  /// `mode` starts ``ModeRepair/unknown`` for a batch of files, which then
  /// learns from its first file whether the umask leaves 0600 alone.
  static func create(
    in folder: Int32, name: String, bytes: [UInt8], sync: Bool = true, mode: inout ModeRepair,
    path: @autoclosure () -> String
  ) throws(StateError) {
    let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
    guard fd >= 0 else { throw StateError.cannotCreate(path: path(), reason: reason()) }
    defer { close(fd) }
    if mode == .unknown {
      var status = stat()
      guard fstat(fd, &status) == 0 else { throw StateError.io(path: path(), reason: reason()) }
      mode = status.st_mode & 0o7777 == fileMode ? .never : .always
    }
    if mode == .always {
      guard fchmod(fd, fileMode) == 0 else { throw StateError.io(path: path(), reason: reason()) }
    }
    var written = 0
    while written < bytes.count {
      let result = writeBytes(fd, bytes, from: written)
      if result < 0, errno == EINTR { continue }
      guard result > 0 else { throw StateError.io(path: path(), reason: "write failed: \(reason())") }
      written += result
    }
    guard !sync || fsync(fd) == 0 else { throw StateError.io(path: path(), reason: "fsync failed: \(reason())") }
  }

  /// Opens a folder for ``create(in:name:bytes:sync:mode:path:)``.
  static func openFolder(_ path: String) throws(StateError) -> Int32 {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw StateError.io(path: path, reason: reason()) }
    return fd
  }

  /// Creates a folder, mode 0700 whatever the umask.
  static func makeFolder(_ path: String) throws(StateError) {
    guard mkdir(path, folderMode) == 0 || errno == EEXIST else {
      throw StateError.cannotCreate(path: path, reason: reason())
    }
    // EEXIST says only that the name is taken; a file there is no folder to write in.
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
      throw StateError.cannotCreate(path: path, reason: "a file of that name is in the way (not a folder)")
    }
    guard chmod(path, folderMode) == 0 else { throw StateError.cannotCreate(path: path, reason: reason()) }
  }

  /// Creates a folder and any missing parents, each 0700.
  static func makeFolders(_ path: String) throws(StateError) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path { try makeFolders(parent) }
    try makeFolder(path)
  }

  /// fsyncs a folder, so that the names created, renamed or removed in it are durable.
  static func syncFolder(_ path: String) throws(StateError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw StateError.io(path: path, reason: reason()) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw StateError.io(path: path, reason: "fsync failed: \(reason())") }
  }

  /// Renames atomically.
  static func move(_ from: String, to: String) throws(StateError) {
    guard rename(from, to) == 0 else {
      throw StateError.io(path: to, reason: "rename failed: \(reason())")
    }
  }

  /// Replaces a file's content atomically: a temporary file beside it,
  /// fsynced, renamed over it, then the folder fsynced.
  static func replace(_ path: String, bytes: [UInt8]) throws(StateError) {
    let folder = (path as NSString).deletingLastPathComponent
    let temporary = (folder as NSString).appendingPathComponent(
      ".tmp-\((path as NSString).lastPathComponent)-\(getpid())")
    _ = unlink(temporary)
    try create(temporary, bytes: bytes)
    try move(temporary, to: path)
    try syncFolder(folder.isEmpty ? "." : folder)
  }

  /// Removes a file and fsyncs its folder.
  static func remove(_ path: String) throws(StateError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw StateError.io(path: path, reason: reason()) }
    let folder = (path as NSString).deletingLastPathComponent
    try syncFolder(folder.isEmpty ? "." : folder)
  }

  /// Reads a whole file.
  static func read(_ path: String) throws(StateError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StateError.io(path: path, reason: "cannot read")
    }
    return [UInt8](data)
  }

  /// The regular files under a folder, as sorted relative paths.
  static func files(under root: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    var result: [String] = []
    while let relative = enumerator.nextObject() as? String {
      var isFolder: ObjCBool = false
      let full = (root as NSString).appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
        result.append(relative)
      }
    }
    return result.sorted()
  }
}

/// write(2) of `bytes` from `offset` on (the whole array in one call, as a
/// rule; the rest after a short write).
private func writeBytes(_ fd: Int32, _ bytes: [UInt8], from offset: Int) -> Int {
  if offset == 0 { return write(fd, bytes, bytes.count) }
  let rest = Array(bytes[offset...])
  return write(fd, rest, rest.count)
}
