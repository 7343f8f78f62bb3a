import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// What a hostile case must lead to (`fixtures/hostile/<case>/expected.json`).
private struct Expected: Decodable {
  var exit: Int32
  var accepted: Int?
  var rejected: [String: String]?
  var superseded: Int?
  var message: String?
}

private let corpus = Fixtures.path("hostile")

private func caseNames() -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
  return names.filter { FileManager.default.fileExists(atPath: "\(corpus)/\($0)/expected.json") }.sorted()
}

/// Runs ingest as `validate` does and reports the outcome: exit code, result, message.
private func outcome(config: String) -> (MentorMatch.ExitStatus, IngestResult?, String) {
  do {
    let settings = try MentorMatchConfig.load(path: config)
    let result = try SignupIngest.read(settings: settings.input)
    return (.ok, result, "")
  } catch let error as any ExitCoded {
    return (error.exitStatus, nil, "\(error)")
  } catch {
    return (.software, nil, "\(error)")
  }
}

/// Whether the suite runs under a sanitizer (`scripts/test-sanitize` sets
/// `MENTORMATCH_SANITIZER`). The giant cases then shrink tenfold: still a row
/// of ragged width far past the header and a field spanning many read chunks
/// (256 KiB each), but minutes faster under AddressSanitizer.
private let sanitized = !(ProcessInfo.processInfo.environment["MENTORMATCH_SANITIZER"] ?? "").isEmpty

@Suite struct HostileCorpusTests {
  @Test func corpusHasAtLeastFortyCases() {
    #expect(caseNames().count >= 40)
  }

  @Test(arguments: caseNames())
  func caseEndsAsExpected(_ name: String) throws {
    let folder = "\(corpus)/\(name)"
    let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/expected.json")))
    let (status, result, message) = outcome(config: "\(folder)/mentormatch.toml")
    #expect(status.rawValue == expected.exit, "\(name): \(message)")
    if let text = expected.message { #expect(message.contains(text), "\(name): \(message)") }
    guard let result else { return }
    #expect(result.signups.count == (expected.accepted ?? 0), "\(name)")
    var rejected: [String: String] = [:]
    for record in result.rejected { rejected[String(record.location.line)] = record.reason.rawValue }
    #expect(rejected == (expected.rejected ?? [:]), "\(name)")
    #expect(result.superseded.count == (expected.superseded ?? 0), "\(name)")
    #expect(result.signups.count + result.rejected.count + result.superseded.count == result.recordsRead)
  }

  @Test func directoryFIFOAndDeviceAreRefusedWithoutBlocking() throws {
    let folder = try Fixtures.temporaryDirectory("hostile")
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("fifo.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let zero = folder.appendingPathComponent("zero.csv").path
    try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
    let directory = folder.appendingPathComponent("dir.csv").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    for path in [fifo, zero, directory] {
      #expect {
        _ = try CSVReader(path: path)
      } throws: { error in
        (error as? CSVError)?.exitCode == .noInput
      }
    }
  }

  @Test func aMillionColumnsIsARaggedRow() throws {
    let columns = sanitized ? 100_000 : 1_000_000
    let header = "id,given_name,email,role,grade\r\n"
    let row = String(repeating: "x,", count: columns - 1) + "x\r\n"
    let result = try ingest(header + row)
    #expect(result.rejected.map(\.reason) == [.raggedRow])
  }

  @Test func aFiftyMegabyteFieldIsReadAndAccounted() throws {
    let megabytes = sanitized ? 5 : 50
    let big = String(repeating: "Stakeholder management; ", count: megabytes * 1024 * 1024 / 24)
    let result = try ingest("id,given_name,email,role,grade,skills_wanted\r\n1,Ann,ann@x.gov.uk,mentee,HEO,\"\(big)\"\r\n")
    #expect(result.signups.count == 1)
    #expect(result.signups.first?.skillsWantedText.utf8.count == big.utf8.count - 1)
  }

  private func ingest(_ text: String) throws -> IngestResult {
    let toml = "[input]\nmax_reject_share = 1.0\n[input.columns]\nconsent = \"\"\n[[input.files]]\npath = \"x.csv\""
    let settings = try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
    return try SignupIngest.read(settings: settings) { file throws(CSVError) in
      CSVReader(bytes: Array(text.utf8), name: file.name)
    }
  }
}
