#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive lock on the state folder, so that two nightly runs (or a run
/// and `forget`) never interleave. It is a `flock(2)` lock on
/// `<state_dir>/mentormatch.lock`: the kernel drops it when the holder exits,
/// however it exits, so a crashed run never leaves a stale lock behind.
///
/// The holder writes its pid and start time into the file, so that a second
/// taker can say who holds it. The file itself is never deleted: deleting a
/// lock file lets two processes lock two different files of the same name.
public final class RunLock {
  /// The lock file's path.
  public let path: String
  private var descriptor: Int32

  /// Takes the lock, without waiting.
  ///
  /// - Parameters:
  ///   - stateDirectory: the folder holding the lock file; created 0700 if missing.
  ///   - pid: the holder's pid, written into the file (the caller's `getpid()`).
  ///   - startedAt: the holder's start time (ISO 8601), from the caller's clock.
  /// - Throws: ``StateError/lockHeld(path:holderPID:holderStartedAt:)`` (exit 75)
  ///   when another open file description holds it; other ``StateError``s when
  ///   the file cannot be opened or written.
  public init(stateDirectory: String, pid: Int32, startedAt: String) throws(StateError) {
    if !FileManager.default.fileExists(atPath: stateDirectory) {
      try DurableFile.makeFolders(stateDirectory)
    }
    path = (stateDirectory as NSString).appendingPathComponent("mentormatch.lock")
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StateError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    // Whatever the umask: a reader of the lock file learns a pid and a time, nothing more, but keep it private.
    _ = fchmod(descriptor, 0o600)
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let failure = errno
      let holder = Self.holder(descriptor)
      close(descriptor)
      descriptor = -1
      guard failure == EWOULDBLOCK else {
        throw StateError.io(path: path, reason: "flock failed: \(String(cString: strerror(failure)))")
      }
      throw StateError.lockHeld(path: path, holderPID: holder.pid, holderStartedAt: holder.startedAt)
    }
    let text = "pid=\(pid)\nstarted=\(startedAt)\n"
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    // Not fsynced: the holder's pid and time are for another process now
    // (the page cache serves it), and the kernel drops the lock itself when
    // the holder dies, so nothing after a power loss depends on these bytes.
    do {
      guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
        throw StateError.io(path: path, reason: String(cString: strerror(errno)))
      }
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      release()
      throw StateError.io(path: path, reason: "cannot record the holder: \(error)")
    }
  }

  deinit { release() }

  /// Releases the lock. Safe to call more than once; `deinit` calls it too.
  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  /// Whether this value still holds the lock.
  public var isHeld: Bool { descriptor >= 0 }

  /// Reads the holder's pid and start time; `unknown` where the file does not
  /// say (the holder may be between taking the lock and writing it).
  private static func holder(_ descriptor: Int32) -> (pid: String, startedAt: String) {
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    let data = (try? handle.readToEnd()) ?? Data()
    var pid = "unknown"
    var startedAt = "unknown"
    for line in String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n") {
      if line.hasPrefix("pid=") { pid = String(line.dropFirst(4)) }
      if line.hasPrefix("started=") { startedAt = String(line.dropFirst(8)) }
    }
    return (pid, startedAt)
  }
}
