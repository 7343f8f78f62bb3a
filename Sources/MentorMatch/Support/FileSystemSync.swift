import CFileSync

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes everything written to one file system durable at once.
enum FileSystemSync {
  /// Flushes the file system that holds `path` (a file or folder) with
  /// syncfs(2) on Linux: one call for thousands of files written, where an
  /// fsync each costs far more, and unlike sync(2) it does not wait for other
  /// file systems or for what other programs are writing elsewhere.
  /// Returns the errno of the failure, or nil.
  static func sync(containing path: String) -> Int32? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return errno }
    defer { close(fd) }
    return mentormatch_syncfs(fd) == 0 ? nil : errno
  }
}
