import Foundation
@testable import MentorMatch

/// A fresh temporary folder per test, removed by the caller's `defer`.
func makeTemporaryFolder(_ label: String = #function) -> String {
  let name = "mm-state-\(label.filter { $0.isLetter || $0.isNumber })-\(getpid())-\(UUID().uuidString.prefix(8))"
  let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

/// The permission bits of a path.
func mode(of path: String) -> mode_t {
  var info = stat()
  guard stat(path, &info) == 0 else { return 0 }
  return info.st_mode & 0o777
}

/// The built `mentormatch` binary: next to the test bundle, else in `.build/debug`.
func builtBinary() -> String? {
  var candidates: [String] = []
  if let first = CommandLine.arguments.first {
    var folder = (first as NSString).deletingLastPathComponent
    for _ in 0..<4 {
      candidates.append((folder as NSString).appendingPathComponent("mentormatch"))
      folder = (folder as NSString).deletingLastPathComponent
    }
  }
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  candidates.append(root.appendingPathComponent(".build/debug/mentormatch").path)
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program to completion and returns its exit status, stdout and stderr.
func runProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil)
  throws -> (status: Int32, stdout: String, stderr: String)
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  if let environment {
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// A small committed run for state tests.
func sampleRun(_ id: String = "run-1", asOf: String = "2026-11-01T02:00:00Z") -> RunRecord {
  RunRecord(id: id, asOf: asOf, configSHA256: "c0", inputsSHA256: "i-\(id)")
}

let samplePeople = [
  PersonSeen(id: "E1", cohort: "spring", role: "mentee", email: "Ann@Example.gov.uk"),
  PersonSeen(id: "E2", cohort: "spring", role: "mentee", email: "bob@example.gov.uk"),
  PersonSeen(id: "R1", cohort: "spring", role: "mentor", email: "cat@example.gov.uk"),
  PersonSeen(id: "R2", cohort: "autumn", role: "mentor", email: nil),
]
