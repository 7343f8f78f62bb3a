import Foundation
import Testing

/// Runs the built `mentormatch report sample` end to end.
@Suite struct ReportSampleCommandTests {
  static var binary: URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mentormatch")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/debug/mentormatch")
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  @Test func writesARunOfReports() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.run(["report", "sample", "--out", folder.path, "--mentees", "40"])
    #expect(result.status == 0, "\(result.stderr)")
    for file in ["index.html", "matches.csv", "unmatched.csv", "cohorts/spring-2026/report.html", "cohorts/autumn-2026/report.html"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "missing \(file)")
    }
    #expect(result.stdout.contains("cohorts/spring-2026/report.html: "))
    let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"cohorts/spring-2026/report.html\">Spring 2026</a>"))
  }

  @Test func rejectsAnEmptyCohort() throws {
    let result = try Self.run(["report", "sample", "--out", "/tmp/unused", "--mentees", "0"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("'--mentees' must be from 1 to 10000000"))
  }

  @Test func isHiddenFromHelp() throws {
    let result = try Self.run(["--help"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\n  report "))
  }
}
