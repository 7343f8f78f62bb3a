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
///
/// On a file system that refuses hard links (another device, no links, too
/// many), linking stops without an error and ``refused`` is set: the caller
/// then drops the staged folder, and publishing copies instead.
final class FolderLinker: @unchecked Sendable {
  /// linkat(2), replaceable in tests.
  typealias Link = @Sendable (_ source: Int32, _ name: String, _ folder: Int32) -> Int32

  private let queue = DispatchQueue(label: "mentormatch.folder-links")
  private let group = DispatchGroup()
  private let lock = NSLock()
  /// The first link that failed; later batches are skipped.
  private var failure: StateError?
  private var refusedLinks = false
  private let folder: Int32
  private let path: String
  private let linkFile: Link

  /// Links into the existing folder at `path`, which it opens.
  init(into path: String, link: @escaping Link = { linkat($0, $1, $2, $1, 0) }) throws(StateError) {
    folder = try DurableFile.openFolder(path)
    self.path = path
    linkFile = link
  }

  /// Whether the file system refused hard links, so that nothing more was linked.
  var refused: Bool {
    lock.lock()
    defer { lock.unlock() }
    return refusedLinks
  }

  /// Links `names` from the folder open as `source` (at `sourcePath`, for
  /// messages), after every batch handed over before. `source` must stay
  /// open until ``finish()``.
  func link(_ names: [String], from source: Int32, path sourcePath: String) {
    let (folder, path, linkFile) = (folder, path, linkFile)
    queue.async(group: group) {
      guard self.firstFailure == nil, !self.refused else { return }
      for name in names where linkFile(source, name, folder) != 0 {
        let code = errno
        if [EXDEV, EPERM, EMLINK, EOPNOTSUPP, ENOTSUP].contains(code) {
          self.refuse()
        } else {
          let reason = String(cString: strerror(code))
          self.record(.io(path: "\(path)/\(name)", reason: "cannot link \(sourcePath)/\(name): \(reason)"))
        }
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

  private func refuse() {
    lock.lock()
    defer { lock.unlock() }
    refusedLinks = true
  }

  private func record(_ error: StateError) {
    lock.lock()
    defer { lock.unlock() }
    if failure == nil { failure = error }
  }
}
