import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MaildirOutbox {
  /// How ``publish(_:batches:)`` creates a message's file before it is
  /// durable and named in `new/`.
  enum FileCreation: Sendable, Equatable, CaseIterable {
    /// `tmp/<name>`, then renamed into `new/`: the maildir's own recipe.
    case named
    /// An unnamed file (`O_TMPFILE`, Linux) in `tmp/`'s file system, then
    /// linked into `new/` through its descriptor (`linkat` with
    /// `AT_EMPTY_PATH`, which needs `CAP_DAC_READ_SEARCH`).
    case unnamedLinkedByDescriptor
    /// The same, linked through `/proc/self/fd/N` (any user, needs `/proc`).
    case unnamedLinkedByProcPath
  }

  /// The cheapest creation this system allows in the `tmp/` folder open as
  /// `tmp`, found by trying it on a hidden probe file that is removed again.
  /// An unnamed file costs no entry in `tmp/` and no rename: one directory
  /// insert per message instead of two inserts and a delete, and no lock on
  /// `tmp/` while it is created (measured: 25 % less system time).
  func cheapestCreation(tmp: Int32) -> FileCreation {
    [FileCreation.unnamedLinkedByDescriptor, .unnamedLinkedByProcPath].first { Self.supports($0, tmp: tmp) } ?? .named
  }

  /// Whether `creation` works in the folder open as `tmp`: tried on a hidden
  /// probe file, removed again.
  static func supports(_ creation: FileCreation, tmp: Int32) -> Bool {
    guard creation != .named else { return true }
    #if os(Linux) && (arch(x86_64) || arch(arm64))
      let fd = openat(tmp, ".", unnamedFileFlags, 0o600)
      guard fd >= 0 else { return false }
      defer { close(fd) }
      let probe = ".probe-\(getpid())"
      _ = unlinkat(tmp, probe, 0)
      guard linkUnnamed(fd, creation, into: tmp, as: probe) else { return false }
      _ = unlinkat(tmp, probe, 0)
      return true
    #else
      return false
    #endif
  }

  #if os(Linux) && (arch(x86_64) || arch(arm64))
    // Glibc's Swift module leaves out the GNU flags; these are the generic
    // Linux values (asm-generic/fcntl.h, linux/fcntl.h) that x86-64 and arm64 use.
    static let unnamedFileFlags: Int32 = 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC
    static let atEmptyPath: Int32 = 0x1000
  #else
    static let unnamedFileFlags: Int32 = -1
    static let atEmptyPath: Int32 = 0
  #endif

  /// Gives the unnamed file open as `fd` the name `name` in the folder open as `folder`.
  static func linkUnnamed(_ fd: Int32, _ creation: FileCreation, into folder: Int32, as name: String) -> Bool {
    switch creation {
    case .named: return false
    case .unnamedLinkedByDescriptor: return linkat(fd, "", folder, name, atEmptyPath) == 0
    case .unnamedLinkedByProcPath: return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", folder, name, AT_SYMLINK_FOLLOW) == 0
    }
  }

  /// Creates an unnamed file in the `tmp/` folder open as `tmp` and writes
  /// `bytes` into it; returns its descriptor, open.
  func writeUnnamed(_ bytes: [UInt8], for name: String, in tmp: Int32) throws(NotifyError) -> Int32 {
    let fd = openat(tmp, ".", Self.unnamedFileFlags, 0o600)
    guard fd >= 0 else { throw failure("\(directory)/tmp", "cannot create the message file for '\(name)'") }
    do {
      try writeAll(bytes, to: fd, path: "\(directory)/tmp (the unnamed file for '\(name)')")
    } catch {
      close(fd)
      throw error
    }
    return fd
  }

  /// How many unnamed files a batch may hold open: a quarter of the
  /// descriptor limit (three chunks can be open at once), at most 4,096.
  static func unnamedChunkLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
    return max(16, min(4_096, (Int(clamping: limit.rlim_cur) - 64) / 4))
  }
}

/// One message written and closed (`descriptor` -1, in `tmp/` under its
/// name) or written and still open (an unnamed file).
struct WrittenMessage: Sendable {
  var name: String
  var descriptor: Int32
}

/// Publishes chunks of written messages, in order, on one serial queue: one
/// sync (so that every byte of them is durable), then each message is
/// renamed or linked into `new/`. Chunks that queued up while a sync ran
/// share the next one, so a slow sync (other I/O on the machine) is paid
/// once for all of them rather than once per chunk. At most two chunks wait
/// at a time, so unnamed files never hold more descriptors than the caller
/// budgeted. The first failure stops the rest (their unnamed files are
/// closed, which deletes them); the caller reads it from ``failure``.
final class BatchPublisher: @unchecked Sendable {
  private let outbox: MaildirOutbox
  private let creation: MaildirOutbox.FileCreation
  private let tmp: Int32
  private let new: Int32
  /// Opened before the first message was written; nil unless the outbox syncs each batch.
  private let fileSystem: FileSystemSync.Opened?
  private let queue = DispatchQueue(label: "mentormatch.outbox.publish")
  private let slots = DispatchSemaphore(value: 2)
  private let lock = NSLock()
  // Guarded by `lock`.
  private var firstFailure: NotifyError?
  private var waiting: [[WrittenMessage]] = []

  init(
    outbox: MaildirOutbox, creation: MaildirOutbox.FileCreation, tmp: Int32, new: Int32,
    fileSystem: FileSystemSync.Opened?
  ) {
    self.outbox = outbox
    self.creation = creation
    self.tmp = tmp
    self.new = new
    self.fileSystem = fileSystem
  }

  var failure: NotifyError? { lock.withLock { firstFailure } }

  /// Hands over messages all written (and, when named, closed); waits while
  /// two chunks are pending. Takes over the descriptors: each is closed
  /// once its file is linked, or when the chunk is given up.
  func enqueue(_ messages: [WrittenMessage]) {
    guard !messages.isEmpty else { return }
    slots.wait()
    lock.withLock { waiting.append(messages) }
    queue.async { [self] in
      // Takes every chunk waiting; a later block may then find none.
      let chunks = lock.withLock {
        defer { waiting = [] }
        return waiting
      }
      guard !chunks.isEmpty else { return }
      defer { for _ in chunks { slots.signal() } }
      let messages = chunks.flatMap { $0 }
      var next = 0
      do throws(NotifyError) {
        if failure == nil {
          if let fileSystem { try outbox.sync(fileSystem, path: outbox.directory + "/tmp") }
          while next < messages.count {
            let message = messages[next]
            next += 1
            try publish(message)
          }
        }
      } catch {
        lock.withLock { if firstFailure == nil { firstFailure = error } }
      }
      for message in messages[next...] where message.descriptor >= 0 { close(message.descriptor) }
    }
  }

  private func publish(_ message: WrittenMessage) throws(NotifyError) {
    let target = outbox.directory + "/new/" + message.name
    if message.descriptor < 0 {
      guard renameat(tmp, message.name, new, message.name) == 0 else {
        throw outbox.failure(target, "cannot move the message into new/")
      }
      return
    }
    guard MaildirOutbox.linkUnnamed(message.descriptor, creation, into: new, as: message.name) else {
      let error = outbox.failure(target, "cannot link the message into new/")
      close(message.descriptor)
      throw error
    }
    guard close(message.descriptor) == 0 else { throw outbox.failure(target, "cannot write the message") }
  }

  /// Waits until every chunk handed over is published (or given up).
  func drain() { queue.sync {} }
}
