import Foundation
import TOMLKit

/// One table of the TOML config, read with typed getters that name the key on
/// every error and remember which keys were read, so that ``finish()`` can
/// report the unknown ones (a misspelt key must never be ignored silently).
///
/// Each stage reads its own section with this type; `Config/` only composes them.
public final class ConfigSection {
  /// The config file's path, for messages.
  public let file: String
  /// The dotted path of this table (`""` for the root, `input.columns`, `rules[2]`).
  public let path: String
  /// The folder relative paths resolve against: the config file's folder.
  public let baseDirectory: String
  private let table: TOMLTable
  /// Where each key is written, for messages.
  private let lines: TOMLKeyLines
  private var read: Set<String> = []

  init(table: TOMLTable, file: String, path: String, baseDirectory: String, lines: TOMLKeyLines) {
    self.table = table
    self.file = file
    self.path = path
    self.baseDirectory = baseDirectory
    self.lines = lines
  }

  /// Reads a config file into its root section, relative paths resolving
  /// against the file's folder: for commands that read only their own
  /// sections. A missing file or a folder is exit 66, as for the whole config.
  public static func load(configPath: String) throws(ConfigError) -> ConfigSection {
    try parse(bytes: MentorMatchConfig.readFile(path: configPath), file: configPath,
              baseDirectory: URL(fileURLWithPath: configPath).deletingLastPathComponent().path)
  }

  /// Parses config bytes, which must be UTF-8, into a root section.
  static func parse(bytes: [UInt8], file: String, baseDirectory: String) throws(ConfigError) -> ConfigSection {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ConfigError(file: file, message: "not valid UTF-8")
    }
    return try parse(text, file: file, baseDirectory: baseDirectory)
  }

  /// Parses TOML text into a root section.
  public static func parse(_ text: String, file: String, baseDirectory: String) throws(ConfigError) -> ConfigSection {
    let lines = try TOMLPreflight.check(text, file: file)
    do {
      let table = try TOMLTable(string: text)
      return ConfigSection(table: table, file: file, path: "", baseDirectory: baseDirectory, lines: lines)
    } catch let error as TOMLParseError {
      throw ConfigError(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
    } catch {
      throw ConfigError(file: file, message: "not valid TOML: \(error)")
    }
  }

  /// The dotted name of a key in this section.
  public func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// An error about a key of this section (or the section itself), on the
  /// key's line, or the line of what holds it when the key is not written.
  public func error(_ key: String?, _ message: String) -> ConfigError {
    let named = key.map(keyPath) ?? (path.isEmpty ? nil : path)
    return ConfigError(file: file, key: named, line: named.flatMap(lines.line(for:)), message: message)
  }

  /// The keys present, sorted.
  public var keys: [String] { table.keys.sorted() }

  public func contains(_ key: String) -> Bool { table[key] != nil }

  private func value(_ key: String) -> (any TOMLValueConvertible)? {
    read.insert(key)
    return table[key]
  }

  private func mismatch(_ key: String, _ expected: String, _ value: any TOMLValueConvertible) -> ConfigError {
    error(key, "expected \(expected), got \(Self.withArticle(value))")
  }

  /// The value's TOML type with its article: `an integer`, `a string`.
  static func withArticle(_ value: any TOMLValueConvertible) -> String {
    let type = "\(value.type)"
    return (type.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + type
  }

  public func string(_ key: String) throws(ConfigError) -> String? {
    guard let value = value(key) else { return nil }
    guard let string = value.string else { throw mismatch(key, "a string", value) }
    return string
  }

  public func string(_ key: String, default fallback: String) throws(ConfigError) -> String {
    try string(key) ?? fallback
  }

  /// A string that must be one of `choices`.
  public func choice(_ key: String, of choices: [String], default fallback: String) throws(ConfigError) -> String {
    let value = try string(key) ?? fallback
    guard choices.contains(value) else {
      throw error(key, "unknown value '\(value)' (known: \(choices.joined(separator: ", ")))")
    }
    return value
  }

  public func int(_ key: String) throws(ConfigError) -> Int? {
    guard let value = value(key) else { return nil }
    guard let int = value.int else { throw mismatch(key, "a whole number", value) }
    return int
  }

  public func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
    let value = try int(key) ?? fallback
    guard range.contains(value) else {
      throw error(key, "\(value) is out of range (\(range.lowerBound) to \(range.upperBound))")
    }
    return value
  }

  public func double(_ key: String) throws(ConfigError) -> Double? {
    guard let value = value(key) else { return nil }
    if let int = value.int { return Double(int) }
    guard let double = value.double else { throw mismatch(key, "a number", value) }
    return double
  }

  public func double(_ key: String, default fallback: Double, in range: ClosedRange<Double>) throws(ConfigError) -> Double {
    let value = try double(key) ?? fallback
    guard range.contains(value) else {
      throw error(key, "\(value) is out of range (\(range.lowerBound) to \(range.upperBound))")
    }
    return value
  }

  public func bool(_ key: String) throws(ConfigError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard let bool = value.bool else { throw mismatch(key, "true or false", value) }
    return bool
  }

  public func bool(_ key: String, default fallback: Bool) throws(ConfigError) -> Bool {
    try bool(key) ?? fallback
  }

  /// An array of strings; a single string is accepted as an array of one.
  public func strings(_ key: String) throws(ConfigError) -> [String]? {
    guard let value = value(key) else { return nil }
    if let single = value.string { return [single] }
    guard let array = value.array else { throw mismatch(key, "a list of strings", value) }
    var result: [String] = []
    for (index, element) in array.enumerated() {
      guard let string = element.string else {
        throw error("\(key)[\(index)]", "expected a string, got \(Self.withArticle(element))")
      }
      result.append(string)
    }
    return result
  }

  /// A path, resolved against the config file's folder when relative.
  public func path(_ key: String) throws(ConfigError) -> String? {
    guard let raw = try string(key) else { return nil }
    guard !raw.isEmpty else { throw error(key, "empty path") }
    return resolve(raw)
  }

  /// Resolves a path against the config file's folder.
  public func resolve(_ raw: String) -> String {
    if raw.hasPrefix("/") { return raw }
    return URL(fileURLWithPath: raw, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true))
      .standardizedFileURL.path
  }

  /// A sub-table.
  public func section(_ key: String) throws(ConfigError) -> ConfigSection? {
    guard let value = value(key) else { return nil }
    guard let table = value.table else { throw mismatch(key, "a table", value) }
    return ConfigSection(table: table, file: file, path: keyPath(key), baseDirectory: baseDirectory, lines: lines)
  }

  /// An array of tables (`[[rules]]`), each named `key[i]` (0-based) in messages.
  public func sections(_ key: String) throws(ConfigError) -> [ConfigSection]? {
    guard let value = value(key) else { return nil }
    guard let array = value.array else { throw mismatch(key, "an array of tables", value) }
    var result: [ConfigSection] = []
    for (index, element) in array.enumerated() {
      guard let table = element.table else {
        throw error("\(key)[\(index)]", "expected a table, got \(Self.withArticle(element))")
      }
      result.append(
        ConfigSection(table: table, file: file, path: "\(keyPath(key))[\(index)]", baseDirectory: baseDirectory, lines: lines))
    }
    return result
  }

  /// Marks a key as known without reading it (its owner reads it elsewhere).
  public func markRead(_ key: String) { read.insert(key) }

  /// Throws for the first key (in sorted order) that no getter asked for.
  public func finish() throws(ConfigError) {
    for key in keys where !read.contains(key) {
      throw error(key, "unknown key")
    }
  }
}
