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
  public static func makeDirectory(_ path: String) throws(WriteError) {
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    } catch {
      throw WriteError(path: path, reason: Self.reason(error), cannotCreate: true)
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

  private static func reason(_ error: any Error) -> String {
    if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return (error as NSError).localizedDescription
  }
}
