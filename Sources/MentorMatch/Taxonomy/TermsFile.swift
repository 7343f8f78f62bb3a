import Foundation

/// The text file of terms `taxonomy map` reads.
public enum TermsFile {
  /// The whole file (or standard input for `-`) as text; bytes that are not
  /// UTF-8 become U+FFFD.
  public static func read(_ path: String) throws(TermsFileError) -> String {
    if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
    guard let data = FileManager.default.contents(atPath: path) else { throw TermsFileError(path: path) }
    return String(decoding: data, as: UTF8.self)
  }
}

/// A terms file that cannot be read (exit 66).
public struct TermsFileError: Error, Sendable, Equatable, CustomStringConvertible, ExitCoded {
  /// The path as given.
  public var path: String
  public var description: String { "\(path): cannot read the file" }
  public var exitStatus: ExitStatus { .noInput }
}
