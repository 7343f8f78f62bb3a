import Foundation
import MentorMatchTestSupport
import Testing

/// Runs the built `mentormatch` binary, as swift-argument-parser's
/// `AssertExecuteCommand` does, and returns its exit code, stdout and stderr.
private func execute(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
  // Next to the test bundle, so a sanitizer build (.build-asan, .build-tsan) runs its own binary.
  let binary = try CommandRunner.binaryPath()
  let process = Process()
  process.executableURL = URL(fileURLWithPath: binary)
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

@Suite struct GenerateCommandTests {
  @Test func writesAnExportThatValidates() throws {
    let folder = NSTemporaryDirectory() + "mentormatch-generate-cli-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let generated = try execute(["generate", "--people", "500", "--seed", "4", "--bad-rows", "0.1", "--out", folder])
    #expect(generated.status == 0)
    #expect(generated.out.contains("rows: 500"))
    #expect(generated.out.contains("wrote: \(folder)/signups.csv"))
    let validated = try execute(["validate", "--config", folder + "/mentormatch.toml", "--json", "--show-rejects", "0"])
    #expect(validated.status == 0)
    #expect(validated.out.contains("\"records_read\":500"))
  }

  @Test(arguments: [
    (["generate", "--people", "10", "--out", "/tmp/x", "--bad-rows", "0.9"], "'--bad-rows' must be from 0 to 0.5"),
    (["generate", "--people", "10", "--out", "/tmp/x", "--cohorts", "0"], "'--cohorts' must be 1 or more"),
    (["generate", "--people", "99999999999", "--out", "/tmp/x"], "'--people' must be from 0 to 10000000"),
    (["generate", "--people=-5", "--out", "/tmp/x"], "'--people' must be from 0 to 10000000"),
  ])
  func refusesBadOptionsWithUsageExit(arguments: [String], message: String) throws {
    let result = try execute(arguments)
    #expect(result.status == 64)
    #expect(result.err.contains(message))
  }

  @Test func missingTaxonomyFolderExitsNoInput() throws {
    let result = try execute(["generate", "--people", "5", "--out", NSTemporaryDirectory() + "mm-none", "--taxonomy", "/nonexistent"])
    #expect(result.status == 66)
    #expect(result.err.contains("/nonexistent/concepts.csv: cannot open"))
  }
}
