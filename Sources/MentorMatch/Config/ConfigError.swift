/// A problem with the config file. Every message names the file, the line
/// where the file has one, and the key
/// (`mentormatch.toml:7: input.max_reject_share: expected a number, got a string`).
public struct ConfigError: Error, Equatable, CustomStringConvertible, ExitCoded {
  /// The config file's path as given.
  public var file: String
  /// The dotted key at fault, or nil for the whole file.
  public var key: String?
  /// The line: of the key (or what holds it), or where TOMLKit stopped.
  public var line: Int?
  public var message: String
  /// The config file itself is missing or unreadable (exit 66, not 78).
  public var isMissingFile = false

  public init(file: String, key: String? = nil, line: Int? = nil, message: String, isMissingFile: Bool = false) {
    self.file = file
    self.key = key
    self.line = line
    self.message = message
    self.isMissingFile = isMissingFile
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let key { place += ": \(key)" }
    return "\(place): \(message)"
  }

  public var exitStatus: ExitStatus { isMissingFile ? .noInput : .config }
}
