import Foundation
import MentorMatchTestSupport
import Testing

/// The commands exit only with the sysexits(3) codes README.md documents.
@Suite struct ExitCodeTests {
  /// Every exit code a command file names itself is one of ``ExitStatus``'s:
  /// `ExitCode.failure` (1) and bare numbers are outside the scheme cron
  /// wrappers rely on. (Errors from the library go through
  /// `runReportingErrors`, which maps them to their ``ExitStatus``.)
  @Test func commandsNameNoExitCodeOutsideSysexits() throws {
    let folder = Fixtures.root.appendingPathComponent("Sources/mentormatch")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
    #expect(!names.isEmpty)
    var found: [String] = []
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for (index, line) in text.components(separatedBy: "\n").enumerated() {
        let code = line.replacingOccurrences(of: " ", with: "")
        let outside =
          code.contains("ExitCode.failure") || code.contains("ExitCode.validationFailure")
          || code.range(of: #"ExitCode\((-?[0-9]+)\)"#, options: .regularExpression) != nil
        if outside { found.append("\(name):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))") }
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }
}
