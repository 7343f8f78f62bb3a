import Foundation
import Testing

/// Compares output with a golden file under `Tests/MentorMatchTests/Snapshots/`;
/// `RECORD_SNAPSHOTS=1` rewrites the file instead.
enum ReportSnapshot {
  static func expectMatches(_ bytes: [UInt8], named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Snapshots").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(bytes).write(to: url)
      return
    }
    guard let golden = FileManager.default.contents(atPath: url.path) else {
      Issue.record("missing snapshot \(url.path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
      return
    }
    guard Array(golden) != bytes else { return }
    let expected = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let actual = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let line = Array(zip(expected, actual)).firstIndex { $0 != $1 } ?? min(expected.count, actual.count)
    let got = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name)
    try? Data(bytes).write(to: got)
    Issue.record(
      """
      \(name) differs from its snapshot at line \(line + 1) (actual output in \(got.path))
      expected: \(line < expected.count ? String(expected[line]) : "<end>")
      actual:   \(line < actual.count ? String(actual[line]) : "<end>")
      """, sourceLocation: sourceLocation)
  }
}
