#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Hard-links files into one folder on a serial queue of its own, so that a
/// run folder's emails are also staged for the outbox while the writer goes
/// on creating the next ones: each link takes only the target folder's lock,
/// not the one the writer's file creation holds.
final class FolderLinker: @unchecked Sendable {
  private let queue = DispatchQueue(label: "mentormatch.folder-links")
  private let group = DispatchGroup()
  private let lock = NSLock()
  /// The first link that failed; later batches are skipped.
  private var failure: StateError?
  private let folder: Int32
  private let path: String

  /// Links into the existing folder at `path`, which it opens.
  init(into path: String) throws(StateError) {
    folder = try DurableFile.openFolder(path)
    self.path = path
  }

  /// Links `names` from the folder open as `source` (at `sourcePath`, for
  /// messages), after every batch handed over before. `source` must stay
  /// open until ``finish()``.
  func link(_ names: [String], from source: Int32, path sourcePath: String) {
    let (folder, path) = (folder, path)
    queue.async(group: group) {
      guard self.firstFailure == nil else { return }
      for name in names where linkat(source, name, folder, name, 0) != 0 {
        let reason = String(cString: strerror(errno))
        self.record(.io(path: "\(path)/\(name)", reason: "cannot link \(sourcePath)/\(name): \(reason)"))
        return
      }
    }
  }

  /// Waits for every link; throws the first failure.
  func finish() throws(StateError) {
    group.wait()
    if let failure = firstFailure { throw failure }
  }

  /// Waits for the links under way and closes the folder.
  func end() {
    group.wait()
    _ = close(folder)
  }

  private var firstFailure: StateError? {
    lock.lock()
    defer { lock.unlock() }
    return failure
  }

  private func record(_ error: StateError) {
    lock.lock()
    defer { lock.unlock() }
    if failure == nil { failure = error }
  }
}
