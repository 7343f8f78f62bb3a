import Foundation
import Testing
@testable import MentorMatch
import MentorMatchTestSupport

@Suite struct RunManifestTests {
  static func sample() -> RunManifest {
    RunManifest(
      toolVersion: "0.1.0", runID: "2026-11-01-ab12", asOf: "2026-11-01T02:00:00Z", algorithm: "optimal",
      objective: "people,pairs,score", configSHA256: SHA256Hex.of(Array("config".utf8)),
      inputs: ["inputs/signups.csv": SHA256Hex.of(Array("id\r\nE1\r\n".utf8)), "inputs/a/b.csv": "00"],
      taxonomy: ["inputs/taxonomy/skills.csv": "11"], priorStateSHA256: "22", priorWaitingSHA256: "23",
      counts: ["waiting": 3, "matched": 10, "signups": 13, "rejected": 0],
      outputs: ["matches.csv": "33", "outbox/new/1.eml": "44"],
      redactions: [
        RunManifest.Redaction(
          asOf: "2026-11-20T10:00:00Z", reason: Erasure.erasureReason,
          files: [.init(path: "outbox/new/1.eml", sha256: nil), .init(path: "inputs/signups.csv", sha256: "55")])
      ])
  }

  @Test func encodingIsByteStableAndMatchesTheGoldenFile() throws {
    let manifest = Self.sample()
    let bytes = manifest.encoded()
    #expect(bytes == manifest.encoded())
    #expect(bytes == (try Self.foundationEncoded(manifest)))
    let decoded = try RunManifest.decode(bytes, name: "m")
    #expect(decoded == manifest)
    #expect(decoded.encoded() == bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\"inputs/a/b.csv\""))  // slashes unescaped
    #expect(text.hasSuffix("}\n"))
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Snapshots/encodingIsByteStableAndMatchesTheGoldenFile.json")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(bytes).write(to: golden)
    }
    let expected = try #require(FileManager.default.contents(atPath: golden.path), "record with RECORD_SNAPSHOTS=1")
    #expect([UInt8](expected) == bytes)
  }

  /// A manifest written before `prior_waiting_sha256` was kept still decodes,
  /// and an erasure that saves it again writes no such key: its bytes change
  /// only by the redaction.
  @Test func aManifestWithoutThePriorWaitingDigestReadsAndWritesAsBefore() throws {
    var manifest = Self.sample()
    manifest.priorWaitingSHA256 = nil
    let bytes = manifest.encoded()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains("prior_waiting_sha256"))
    let decoded = try RunManifest.decode(bytes, name: "m")
    #expect(decoded.priorWaitingSHA256 == nil)
    #expect(decoded.encoded() == bytes)
    let withDigest = String(decoding: Self.sample().encoded(), as: UTF8.self)
    #expect(withDigest.contains("  \"prior_state_sha256\" : \"22\",\n  \"prior_waiting_sha256\" : \"23\",\n"))
  }

  /// What earlier versions wrote, and `audit` compares against: Foundation's encoder.
  static func foundationEncoded(_ manifest: RunManifest) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return [UInt8](try encoder.encode(manifest)) + [0x0A]
  }

  /// The hand-written encoding is byte for byte Foundation's, on seeded
  /// manifests with every escape, non-ASCII keys whose byte order differs
  /// from their character order, shared prefixes, and empty maps and lists.
  @Test(arguments: 0..<60)
  func encodingEqualsFoundationsEncoder(seed: Int) throws {
    var random = SeededGenerator(seed: UInt64(seed))
    let alphabet: [String] = [
      "a", "b", "Z", "/", "\\", "\"", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "é", "e\u{301}",
      "ß", "€", "😀", "\u{2028}", " ", ":", "{", "[", "-", "_", ".", "0", "9",
    ]
    func text(_ maxLength: Int) -> String {
      (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }
    func map(_ count: Int) -> [String: String] {
      var map: [String: String] = [:]
      for _ in 0..<Int.random(in: 0...count, using: &random) { map["emails/" + text(6)] = text(8) }
      return map
    }
    var counts: [String: Int] = [:]
    for _ in 0..<Int.random(in: 0...6, using: &random) { counts[text(5)] = Int.random(in: -1_000...Int.max, using: &random) }
    let redactions = (0..<Int.random(in: 0...2, using: &random)).map { _ in
      RunManifest.Redaction(
        asOf: text(4), reason: text(10),
        files: (0..<Int.random(in: 0...3, using: &random)).map { _ in
          .init(path: text(6), sha256: Bool.random(using: &random) ? nil : text(4))
        })
    }
    let manifest = RunManifest(
      toolVersion: text(4), runID: text(6), asOf: text(4), algorithm: text(3), objective: text(5),
      configSHA256: text(4), inputs: map(5), taxonomy: map(3), priorStateSHA256: text(3),
      priorWaitingSHA256: Bool.random(using: &random) ? nil : text(3), counts: counts, outputs: map(40),
      redactions: redactions)
    #expect(manifest.encoded() == (try Self.foundationEncoded(manifest)))
  }

  @Test func fileDigestStreamsAndMatchesTheInMemoryDigest() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    // Over two read chunks, so the streaming path is exercised.
    let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let path = folder + "/big.bin"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try SHA256Hex.ofFile(atPath: path) == SHA256Hex.of(bytes))
    #expect(SHA256Hex.of(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func verifyReportsSameDiffersMissingAndRedacted() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let files: [String: [UInt8]] = [
      "inputs/a.csv": Array("a\r\n".utf8), "inputs/b.csv": Array("b\r\n".utf8),
      "inputs/c.csv": Array("c\r\n".utf8), "inputs/d.csv": Array("d\r\n".utf8),
    ]
    for (path, bytes) in files {
      try FileManager.default.createDirectory(atPath: folder + "/inputs", withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + path))
    }
    var manifest = Self.sample()
    manifest.inputs = files.mapValues { SHA256Hex.of($0) }
    manifest.taxonomy = [:]
    let redactedBytes = Array("[redacted]\r\n".utf8)
    manifest.redactions = [
      .init(asOf: "t", reason: "r", files: [.init(path: "inputs/d.csv", sha256: SHA256Hex.of(redactedBytes))])
    ]
    try Data("tampered".utf8).write(to: URL(fileURLWithPath: folder + "/inputs/b.csv"))
    try FileManager.default.removeItem(atPath: folder + "/inputs/c.csv")
    try Data(redactedBytes).write(to: URL(fileURLWithPath: folder + "/inputs/d.csv"))
    #expect(manifest.verify(runDirectory: folder).map(\.line) == [
      "same inputs/a.csv", "differs inputs/b.csv", "missing inputs/c.csv", "redacted inputs/d.csv",
    ])
    // A redacted file edited afterwards is caught too.
    try Data("edited".utf8).write(to: URL(fileURLWithPath: folder + "/inputs/d.csv"))
    #expect(manifest.verify(runDirectory: folder).last?.status == .differs)
  }

  @Test func compareOutputsChecksStoredRecordedAndRerunBytes() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let matches = Array("mentee,mentor\r\nE1,R1\r\n".utf8)
    try Data(matches).write(to: URL(fileURLWithPath: folder + "/matches.csv"))
    try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/report.html"))
    var manifest = Self.sample()
    manifest.redactions = []
    manifest.outputs = ["matches.csv": SHA256Hex.of(matches), "report.html": SHA256Hex.of(Array("x".utf8)), "gone.csv": "00"]
    let checks = manifest.compareOutputs(
      rerun: ["matches.csv": matches, "report.html": Array("y".utf8), "gone.csv": [], "extra.csv": []],
      runDirectory: folder)
    #expect(checks.map(\.line) == ["differs extra.csv", "missing gone.csv", "same matches.csv", "differs report.html"])
  }
}
