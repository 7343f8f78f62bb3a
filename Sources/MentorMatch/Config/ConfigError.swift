/// A problem with the config file. Every message names the file and the key
/// (`mentormatch.toml: input.max_reject_share: expected a number from 0 to 1, got 'lots'`).
public struct ConfigError: Error, Equatable, CustomStringConvertible, ExitCoded {
  /// The config file's path as given.
  public var file: String
  /// The dotted key at fault, or nil for the whole file.
  public var key: String?
  /// The line, where TOMLKit gives it.
  public var line: Int?
  public var message: String

  public init(file: String, key: String? = nil, line: Int? = nil, message: String) {
    self.file = file
    self.key = key
    self.line = line
    self.message = message
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let key { place += ": \(key)" }
    return "\(place): \(message)"
  }

  public var exitStatus: ExitStatus { .config }
}
