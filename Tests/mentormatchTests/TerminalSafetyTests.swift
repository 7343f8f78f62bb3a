import Foundation
import MentorMatchTestSupport
import Testing

/// Values typed on the command line, or read from an export, that hold
/// control characters are echoed in messages with the characters escaped
/// visibly (`\u{1B}`, `\n`), never passed raw to the admin's terminal.
@Suite struct TerminalSafetyTests {
  /// A folder with a config whose state is empty.
  static func stateConfig() throws -> (folder: URL, config: String) {
    let folder = try CommandRunner.temporaryFolder()
    let config = folder.appendingPathComponent("mentormatch.toml").path
    try Data("[state]\ndir = \"state\"\n".utf8).write(to: URL(fileURLWithPath: config))
    return (folder, config)
  }

  /// A copy of the demo programme, with its own state.
  static func demoConfig() throws -> (folder: URL, config: String) {
    let folder = try CommandRunner.temporaryFolder()
    try FileManager.default.copyItem(
      atPath: Fixtures.path("demo/signups.csv"), toPath: folder.appendingPathComponent("signups.csv").path)
    var toml = try String(contentsOfFile: Fixtures.path("demo/mentormatch.toml"), encoding: .utf8)
    toml = toml.replacingOccurrences(of: "dir = \"../../.build/demo-state\"", with: "dir = \"state\"")
    toml = toml.replacingOccurrences(of: "taxonomy = \"../taxonomy\"", with: "taxonomy = \"\(Fixtures.path("taxonomy"))\"")
    let config = folder.appendingPathComponent("mentormatch.toml").path
    try Data(toml.utf8).write(to: URL(fileURLWithPath: config))
    return (folder, config)
  }

  static func expectNoControlCharacters(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
    let output = result.stdout + result.stderr
    let raw = output.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" }
    #expect(raw.isEmpty, "raw control characters in: \(output.debugDescription)", sourceLocation: sourceLocation)
  }

  @Test func pairsEndShowsTheIdsItCouldNotFind() throws {
    let (folder, config) = try Self.stateConfig()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run([
      "pairs", "end", "--config", config, "--mentee", "\u{1B}[31mX", "--mentor", "a\nb", "--reason", "left",
      "--as-of", "2026-11-28T00:00:00Z",
    ])
    #expect(result.exitCode == 65)
    #expect(result.stderr == "mentormatch: pairs: no active pair of mentee '\\u{1B}[31mX' and mentor 'a\\nb'\n")
    Self.expectNoControlCharacters(result)
  }

  @Test(arguments: [
    ["prune", "--now", "\u{1B}[2J"],
    ["pairs", "end", "--mentee", "E1", "--mentor", "R1", "--reason", "x", "--as-of", "\u{1B}[2J"],
    ["forget", "--id", "E1", "--as-of", "\u{1B}]0;owned\u{07}"],
    ["prune", "--older-than", "\u{1B}[2J"],
    ["run", "--as-of", "\u{1B}[2J"],
    ["run", "--as-of", "2026-11-28T02:00:00Z", "--cohort", "\u{1B}[2J"],
    ["generate", "--out", "x", "--people", "\u{1B}[2J"],
    ["pairs", "list", "--\u{1B}[2J"],
  ])
  func optionValuesAreEscapedInUsageErrors(_ arguments: [String]) throws {
    let (folder, config) = try arguments.first == "run" ? Self.demoConfig() : Self.stateConfig()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(
      arguments.first == "generate" ? arguments : arguments + ["--config", config], currentDirectory: folder)
    #expect(result.exitCode == 64, "\(result.stderr)")
    #expect(result.stderr.contains("\\u{1B}"), "\(result.stderr.debugDescription)")
    Self.expectNoControlCharacters(result)
  }

  @Test func rejectedRowsShowControlCharactersEscaped() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var signups = try String(contentsOfFile: Fixtures.path("demo/signups.csv"), encoding: .utf8)
    let row = try #require(signups.range(of: ",HEO,"))
    signups.replaceSubrange(row, with: ",\"G\u{1B}[2J\nX\",")
    try Data(signups.utf8).write(to: folder.appendingPathComponent("signups.csv"))
    try Data("[input]\ndefault_cohort = \"c\"\n[[input.files]]\npath = \"signups.csv\"\n".utf8)
      .write(to: folder.appendingPathComponent("mentormatch.toml"))
    let result = try CommandRunner.run(["validate", "--config", folder.appendingPathComponent("mentormatch.toml").path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr.contains("unknown grade 'G\\u{1B}[2J\\nX'"), "\(result.stderr.debugDescription)")
    Self.expectNoControlCharacters(result)
  }
}
