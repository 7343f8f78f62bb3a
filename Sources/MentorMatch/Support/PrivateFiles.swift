import Foundation

/// Writes files that hold personal data: folders 0700, files 0600, whatever
/// the umask. Used at the edges (the CLI's `--out`, run folders).
public enum PrivateFiles {
  /// A failure to write, mapped to exit 73 (cannot create) or 74 (I/O).
  public struct WriteError: Error, CustomStringConvertible, ExitCoded {
    public var path: String
    public var reason: String
    public var cannotCreate: Bool
    public var description: String { "\(path): cannot \(cannotCreate ? "create" : "write"): \(reason)" }
    public var exitStatus: ExitStatus { cannotCreate ? .cannotCreate : .ioError }
  }

  /// Creates a folder (and its parents) with mode 0700.
  ///
  /// The reason is the system's (`Read-only file system`, `Permission
  /// denied`), and the path the folder that could not be made.
  public static func makeDirectory(_ path: String) throws(WriteError) {
    do throws(StateError) {
      try DurableFile.makeFolders(path)
    } catch {
      switch error {
      case .cannotCreate(let failed, let why), .io(let failed, let why):
        throw WriteError(path: failed, reason: why, cannotCreate: true)
      default:
        throw WriteError(path: path, reason: "\(error)", cannotCreate: true)
      }
    }
    // An existing folder too: whatever made it, it holds personal data.
    guard chmod(path, 0o700) == 0 else {
      throw WriteError(path: path, reason: String(cString: strerror(errno)), cannotCreate: true)
    }
  }

  /// Writes a file with mode 0600, replacing it atomically: the bytes go to
  /// a temporary file created 0600 (never readable by others, even for a
  /// moment, whatever the umask), fsynced and renamed over `path`.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    do {
      try DurableFile.replace(path, bytes: bytes)
    } catch {
      let folder = (path as NSString).deletingLastPathComponent
      var reason: String
      var cannotCreate = true
      switch error {
      case .cannotCreate(_, let why): reason = why
      case .io(_, let why):
        reason = why
        cannotCreate = false
      default: reason = "\(error)"
      }
      if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
        reason = "the folder '\(folder)' does not exist"
      }
      throw WriteError(path: path, reason: reason, cannotCreate: cannotCreate)
    }
  }

  /// Creates `folder` (0700) and writes each file into it (0600), in name order.
  public static func write(into folder: String, _ files: [String: [UInt8]]) throws(WriteError) {
    try makeDirectory(folder)
    for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
      try write(bytes, to: (folder as NSString).appendingPathComponent(name))
    }
  }
}
