#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a run folder so that no reader ever sees it half-written: every
/// file goes into `<runs_dir>/.tmp-<run-id>-<pid>/` (files 0600, folders
/// 0700), every file and folder is made durable (one syncfs(2) on Linux,
/// which commits the new names with the data; elsewhere a sync and an fsync
/// per folder), the folder is renamed to `<runs_dir>/<run-id>/` and
/// `<runs_dir>` is fsynced.
///
/// The caller holds ``RunLock``: temporary folders left by crashed runs are
/// removed at the next write, which would be wrong if another writer were live.
public struct RunFolderWriter: Sendable {
  /// The folder that holds the run folders.
  public let runsDirectory: String
  /// Used in the temporary folder's name.
  public let pid: Int32
  /// Steps `run-folder-files-written` (before the rename) and `run-folder-renamed`.
  public let crash: CrashPoint
  /// Every file written into the folder `from` is also hard-linked into the
  /// folder `into` (both relative to the run folder), by another thread
  /// while the next files are written: the nightly run's emails, staged for
  /// its outbox (``MaildirOutbox/publish(renaming:)``). Those links are left
  /// out when an existing run folder is compared.
  public let links: (from: String, into: String)?
  /// The empty file written beside the folder ``links`` go into, once every
  /// link is in it (`.outbox-new.complete` for `.outbox-new`). It stays when
  /// that folder is later renamed away whole, so a run folder holding the
  /// marker but not the folder has had every link published in one rename:
  /// after a crash before the state recorded it, nothing is linked again
  /// (a relay may have sent and deleted those messages meanwhile).
  public static func completeMarker(linksInto into: String) -> String { into + ".complete" }

  /// How ``links`` are made: linkat(2), replaced in tests.
  var linkFile: FolderLinker.Link = { linkat($0, $1, $2, $1, 0) }

  /// What ``write(runID:files:)`` did.
  public enum Outcome: Sendable, Equatable {
    /// The folder was written and renamed into place.
    case written
    /// The folder was there already with exactly these files; nothing was written.
    case alreadyPresent
  }

  /// A writer into `runsDirectory`; `pid` is the caller's `getpid()`, `crash` the injected test hook.
  public init(runsDirectory: String, pid: Int32, crash: CrashPoint = .none, links: (from: String, into: String)? = nil) {
    self.runsDirectory = runsDirectory
    self.pid = pid
    self.crash = crash
    self.links = links
  }

  /// The final folder of a run.
  public func folder(runID: String) -> String {
    (runsDirectory as NSString).appendingPathComponent(runID)
  }

  /// Writes the files (relative path → bytes) as the run folder `runID`.
  ///
  /// - Throws: ``StateError/runFolderDiffers(path:)`` (exit 73) when the final
  ///   folder exists with other content; ``StateError/cannotCreate(path:reason:)``
  ///   (73) or ``StateError/io(path:reason:)`` (74) when the file system fails;
  ///   ``StateError/badRelativePath(path:)`` for a path that leaves the folder.
  @discardableResult
  public func write(runID: String, files: [String: [UInt8]]) throws(StateError) -> Outcome {
    try write(runID: runID, files: files) { (_: Adder) throws(StateError) in [:] }
  }

  /// What ``write(runID:files:more:)`` hands its `more`: adds files to the
  /// folder being written, or compares them with the folder already there.
  public struct Adder {
    fileprivate let paths: ([String: [UInt8]]) throws(StateError) -> Void
    fileprivate let named: (String, [(name: String, bytes: [UInt8])]) throws(StateError) -> Void

    /// Adds files by path relative to the run folder, written in path order.
    public func callAsFunction(_ files: [String: [UInt8]]) throws(StateError) { try paths(files) }

    /// Adds files by name into `folder` (a path relative to the run
    /// folder), written in the order given: a batch of emails, with no
    /// sorting, hashing or lookup per file. Each name is one path component,
    /// and no two names of a run folder may be the same.
    public func callAsFunction(folder: String, _ files: [(name: String, bytes: [UInt8])]) throws(StateError) {
      try named(folder, files)
    }
  }

  /// Writes `files`, then the batches `more` hands to its argument (emails,
  /// so that they need not all be in memory at once), then the files `more`
  /// returns (the manifest, which hashes everything before it), as the run
  /// folder `runID`. Nothing is renamed into place before every byte is durable.
  ///
  /// When the final folder exists already, the same calls compare instead of
  /// write: ``Outcome/alreadyPresent`` when it holds exactly these files.
  @discardableResult
  public func write(
    runID: String, files: [String: [UInt8]], more: (_ add: Adder) throws(StateError) -> [String: [UInt8]]
  ) throws(StateError) -> Outcome {
    try Self.checkComponent(runID)
    for path in files.keys { try Self.checkRelative(path) }
    try DurableFile.makeFolders(runsDirectory)
    try removeStaleTemporaries()
    let final = folder(runID: runID)
    if FileManager.default.fileExists(atPath: final) {
      var expected: [String] = []
      func compareFile(_ path: String, _ bytes: [UInt8]) throws(StateError) {
        expected.append(path)
        let full = (final as NSString).appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: full), try DurableFile.read(full) == bytes else {
          throw StateError.runFolderDiffers(path: final)
        }
      }
      func compare(_ batch: [String: [UInt8]]) throws(StateError) {
        for path in batch.keys.sorted() {
          try Self.checkRelative(path)
          try compareFile(path, batch[path] ?? [])
        }
      }
      try compare(files)
      let adder = Adder(paths: compare(_:)) { (folder, files) throws(StateError) in
        try Self.checkRelative(folder)
        for file in files {
          try Self.checkName(file.name, in: folder)
          try compareFile(folder + "/" + file.name, file.bytes)
        }
      }
      try compare(try more(adder))
      let linked = links.map { $0.into + "/" }
      let marker = links.map { Self.completeMarker(linksInto: $0.into) }
      // The staged links, their completion marker and the mark a commit
      // leaves (``StateContinuity/committedMarker``) are bookkeeping, not content.
      let present = DurableFile.files(under: final).filter { path in
        (linked.map { !path.hasPrefix($0) } ?? true) && path != marker && path != StateContinuity.committedMarker
      }
      guard present == expected.sorted() else { throw StateError.runFolderDiffers(path: final) }
      return .alreadyPresent
    }
    let temporary = (runsDirectory as NSString).appendingPathComponent(".tmp-\(runID)-\(pid)")
    try DurableFile.makeFolder(temporary)
    // Opened before any file is written, so that its sync reports every
    // write-back failure of them (``FileSystemSync/Opened``).
    let fileSystem: FileSystemSync.Opened
    do { fileSystem = try FileSystemSync.Opened(containing: temporary) } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw StateError.io(path: temporary, reason: "cannot open for syncfs: \(String(cString: strerror(error.code)))")
    }
    // Filled in a function of its own, so that its open folders and the
    // linker are done with before a failure removes it.
    func fill() throws(StateError) {
      var folders: Set<String> = [temporary]
      // Each folder of the run is opened once and its files created by name in
      // it: a run writes hundreds of thousands of emails into one folder.
      var openFolders: [Substring: Int32] = [:]
      defer { for fd in openFolders.values { close(fd) } }
      // Learnt from the first file: whether the umask leaves 0600 alone.
      var mode = DurableFile.ModeRepair.unknown
      /// Makes a folder of the run and its missing parents, noting each.
      func makeFolder(_ full: String) throws(StateError) {
        try DurableFile.makeFolders(full)
        var walk = full
        while walk.count > temporary.count {
          folders.insert(walk)
          walk = (walk as NSString).deletingLastPathComponent
        }
      }
      /// The open folder `parent` of the run ("" for the run folder), made when new.
      func openFolder(_ parent: Substring) throws(StateError) -> Int32 {
        if let fd = openFolders[parent] { return fd }
        let full = parent.isEmpty ? temporary : temporary + "/" + parent
        try makeFolder(full)
        let fd = try DurableFile.openFolder(full)
        openFolders[parent] = fd
        return fd
      }
      let linker = try links.map { (links) throws(StateError) in
        try makeFolder(temporary + "/" + links.into)
        return try FolderLinker(into: temporary + "/" + links.into, link: linkFile)
      }
      defer { linker?.end() }
      func put(_ batch: [String: [UInt8]]) throws(StateError) {
        var linked: [String] = []
        for path in batch.keys.sorted() {
          try Self.checkRelative(path)
          let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
          let parent = slash.map { path[..<$0] } ?? ""
          let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
          try DurableFile.create(
            in: try openFolder(parent), name: name, bytes: batch[path] ?? [], sync: false, mode: &mode,
            path: temporary + "/" + path)
          if let from = links?.from, parent == from { linked.append(name) }
        }
        if let linker, let from = links?.from, let folder = openFolders[Substring(from)], !linked.isEmpty {
          linker.link(linked, from: folder, path: temporary + "/" + from)
        }
      }
      func put(folder: String, _ files: [(name: String, bytes: [UInt8])]) throws(StateError) {
        try Self.checkRelative(folder)
        let fd = try openFolder(Substring(folder))
        for file in files {
          try Self.checkName(file.name, in: folder)
          try DurableFile.create(
            in: fd, name: file.name, bytes: file.bytes, sync: false, mode: &mode,
            path: temporary + "/" + folder + "/" + file.name)
        }
        if let linker, folder == links?.from, !files.isEmpty {
          linker.link(files.map(\.name), from: fd, path: temporary + "/" + folder)
        }
      }
      try put(files)
      try put(try more(Adder(paths: put(_:), named: put(folder:_:))))
      try linker?.finish()
      if let linker, linker.refused, let into = links?.into {
        // No hard links here: no staged folder, so publishing copies instead.
        folders.remove(temporary + "/" + into)
        do { try FileManager.default.removeItem(atPath: temporary + "/" + into) } catch {
          throw StateError.io(path: temporary + "/" + into, reason: "cannot remove the staged links: \(error.localizedDescription)")
        }
      } else if linker != nil, let into = links?.into {
        let marker = Self.completeMarker(linksInto: into)
        try DurableFile.create(temporary + "/" + marker, bytes: [], sync: false)
      }
      // One sync for every file and folder: nothing is renamed into place
      // before all of its bytes and names are durable.
      if let failure = fileSystem.sync() {
        throw StateError.io(path: temporary, reason: "syncfs failed: \(String(cString: strerror(failure)))")
      }
      #if !os(Linux)
      // Linux's syncfs(2) commits the file system's metadata (the new folders'
      // entries) with the data, so there the folders need no fsync of their
      // own; elsewhere sync(2) may return before the writes are done. Deepest
      // first, so that each folder's entries are durable before its parent's.
      for folder in folders.sorted(by: { $0.count > $1.count }) { try DurableFile.syncFolder(folder) }
      #endif
    }
    do {
      try fill()
      crash.hit("run-folder-files-written")
      try DurableFile.move(temporary, to: final)
    } catch {
      // A failed write (a full disk) leaves nothing behind: the folder holds
      // personal data, and on a full disk its space. A crash leaves it for
      // the next write to remove (removeStaleTemporaries).
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
    try DurableFile.syncFolder(runsDirectory)
    crash.hit("run-folder-renamed")
    return .written
  }

  /// Removes `.tmp-*` folders in the runs folder: leftovers of crashed runs.
  /// - Returns: the names removed, sorted.
  @discardableResult
  public func removeStaleTemporaries() throws(StateError) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? []
    var removed: [String] = []
    for name in names.sorted() where name.hasPrefix(".tmp-") {
      let path = (runsDirectory as NSString).appendingPathComponent(name)
      do {
        try FileManager.default.removeItem(atPath: path)
      } catch {
        throw StateError.io(path: path, reason: "cannot remove stale temporary folder: \(error.localizedDescription)")
      }
      removed.append(name)
    }
    if !removed.isEmpty { try DurableFile.syncFolder(runsDirectory) }
    return removed
  }

  static func checkComponent(_ name: String) throws(StateError) {
    guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.hasPrefix(".tmp-"),
      !name.contains("\0")
    else { throw StateError.badRelativePath(path: name) }
  }

  /// A file name inside `folder`: one plain path component.
  static func checkName(_ name: String, in folder: String) throws(StateError) {
    guard !name.utf8.contains(UInt8(ascii: "/")) else { throw StateError.badRelativePath(path: folder + "/" + name) }
    do { try checkRelative(name) } catch { throw StateError.badRelativePath(path: folder + "/" + name) }
  }

  /// A relative path of plain components: not absolute, no empty, `.` or
  /// `..` component, no NUL. Checked byte by byte (called once per email).
  static func checkRelative(_ path: String) throws(StateError) {
    var length = 0
    var onlyDots = true
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") {
        guard length > 0, !(onlyDots && length <= 2) else { throw StateError.badRelativePath(path: path) }
        length = 0
        onlyDots = true
        continue
      }
      guard byte != 0 else { throw StateError.badRelativePath(path: path) }
      length += 1
      if byte != UInt8(ascii: ".") { onlyDots = false }
    }
    guard length > 0, !(onlyDots && length <= 2) else { throw StateError.badRelativePath(path: path) }
  }
}
