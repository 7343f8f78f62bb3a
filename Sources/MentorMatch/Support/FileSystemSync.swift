import CFileSync

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes everything written to one file system durable at once: syncfs(2)
/// on Linux (sync(2) on other systems), one call for thousands of files
/// written, where an fsync each costs far more; unlike sync(2) it does not
/// wait for other file systems or for what other programs write elsewhere.
enum FileSystemSync {
  /// The file system holding `path`, opened for syncfs(2) before the files
  /// it must make durable are written. Since Linux 5.8, syncfs reports a
  /// writeback error to a descriptor when the error came after the
  /// descriptor was opened, or when nothing had seen it yet (errseq_t,
  /// `s_wb_err`): one opened only at the end can miss a failure that the
  /// kernel's own writeback met during a long write and that another
  /// program's syncfs of the same file system saw first. Closed when released.
  final class Opened: Sendable {
    private let descriptor: Int32

    /// Opens `path` (a file or folder); throws its errno.
    init(containing path: String) throws(Failure) {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Failure(code: errno) }
    }

    deinit { close(descriptor) }

    /// syncfs(2): the errno of the failure, or nil.
    func sync() -> Int32? { mentormatch_syncfs(descriptor) == 0 ? nil : errno }
  }

  /// An errno from opening a file system for ``Opened``.
  struct Failure: Error {
    var code: Int32
  }
}
