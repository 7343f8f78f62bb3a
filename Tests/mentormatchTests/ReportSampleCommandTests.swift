import Foundation
import MentorMatchTestSupport
import Testing

/// Runs the built `mentormatch report sample` end to end.
@Suite struct ReportSampleCommandTests {
  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let result = try CommandRunner.run(arguments)
    return (result.exitCode, result.stdout, result.stderr)
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
