import Foundation

/// What a run of the built `mentormatch` binary produced.
public struct CommandResult: Sendable {
  public var stdout: String
  public var stderr: String
  public var exitCode: Int32
}

/// Runs the built `mentormatch` executable for end-to-end tests, as
/// swift-argument-parser's `AssertExecuteCommand` does.
///
/// The binary is found, in order: `$MENTORMATCH_BINARY`; next to the test
/// bundle (`.build/<triple>/<config>/`); `.build/debug/` under the package root.
public enum CommandRunner {
  /// Errors finding or starting the binary (a broken test setup, not a test failure).
  public struct SetupError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The path of the built binary.
  public static func binaryPath(filePath: String = #filePath) throws -> String {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["MENTORMATCH_BINARY"] { candidates.append(override) }
    for base in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")] {
      candidates.append(base.deletingLastPathComponent().appendingPathComponent("mentormatch").path)
      candidates.append(base.appendingPathComponent("mentormatch").path)
    }
    var root = URL(fileURLWithPath: filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }  // Tests/MentorMatchTestSupport/CommandRunner.swift
    candidates.append(root.appendingPathComponent(".build/debug/mentormatch").path)
    for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return path
      }
    }
    throw SetupError(description: "cannot find the mentormatch binary (tried: \(candidates.joined(separator: ", ")))")
  }

  /// Runs `mentormatch` with `arguments`, optional extra `environment`
  /// entries, `stdin` bytes and working directory; waits for it to exit.
  /// With `umask`, the binary starts under that umask (set by `/bin/sh`
  /// for the child alone: the tests' own umask is shared by every test).
  public static func run(
    _ arguments: [String],
    environment: [String: String] = [:],
    stdin: Data = Data(),
    currentDirectory: URL? = nil,
    umask: String? = nil
  ) throws -> CommandResult {
    let process = Process()
    if let umask {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", try binaryPath()] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: try binaryPath())
      process.arguments = arguments
    }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }

    // Files rather than pipes, so a chatty child can never block on a full pipe.
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("mentormatch-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let paths = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
    try stdin.write(to: paths[0])
    _ = FileManager.default.createFile(atPath: paths[1].path, contents: nil)
    _ = FileManager.default.createFile(atPath: paths[2].path, contents: nil)
    let input = try FileHandle(forReadingFrom: paths[0])
    let output = try FileHandle(forWritingTo: paths[1])
    let errors = try FileHandle(forWritingTo: paths[2])
    defer {
      try? input.close()
      try? output.close()
      try? errors.close()
    }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    return CommandResult(
      stdout: String(decoding: try Data(contentsOf: paths[1]), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: paths[2]), as: UTF8.self),
      exitCode: process.terminationStatus)
  }

  /// A fresh temporary folder for a test's files; the caller removes it.
  public static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mentormatch-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
