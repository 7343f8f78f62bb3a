import Foundation
import MentorMatchTestSupport
import Testing

/// `mentormatch validate`, run as the built binary.
@Suite struct ValidateCommandTests {
  @Test func demoExportSummaryAddsUp() throws {
    let out = try Fixtures.temporaryDirectory("validate")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run(["validate", "--config", Fixtures.path("demo/mentormatch.toml"), "--out", out.path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("records read: 188 = accepted 180 + rejected 7 + superseded 1"))
    #expect(result.stderr.contains("signups.csv:132: grade: unknown-grade: unknown grade 'G8'"))
    let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
    #expect(rejects.hasPrefix("file,line,record,field,reason,message\r\n"))
    #expect(rejects.components(separatedBy: "\r\n").count == 1 + 8 + 1)
    let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("rejects.csv").path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  /// `--show-rejects` names that many records, then counts the rest and says where they are.
  @Test func showRejectsCountsTheRest() throws {
    let out = try Fixtures.temporaryDirectory("validate")
    defer { try? FileManager.default.removeItem(at: out) }
    let demo = Fixtures.path("demo/mentormatch.toml")
    let two = try CommandRunner.run(["validate", "--config", demo, "--show-rejects", "2", "--out", out.path])
    #expect(two.stderr == """
      mentormatch: signups.csv:82: consent: no-consent: consent is 'no', not yes
      mentormatch: signups.csv:123: capacity: bad-capacity: 'lots' is not a whole number from 0 to 5
      mentormatch: … 5 more rejected records in rejects.csv

      """)
    let six = try CommandRunner.run(["validate", "--config", demo, "--show-rejects", "6"])
    #expect(six.stderr.hasSuffix("mentormatch: … 1 more rejected record\n"), "\(six.stderr)")
  }

  /// A header-only export is warned about on stderr, file by file.
  @Test func aHeaderOnlyExportIsWarnedAbout() throws {
    let folder = try Fixtures.temporaryDirectory("validate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let header = "id,given_name,family_name,email,role,grade,department,profession,location,skills_offered,skills_wanted,capacity,cohort,line_manager_email,consent,signed_up_at\r\n"
    try Data(header.utf8).write(to: folder.appendingPathComponent("signups.csv"))
    try Data("[[input.files]]\npath = \"signups.csv\"\n".utf8).write(to: folder.appendingPathComponent("mentormatch.toml"))
    let result = try CommandRunner.run(["validate", "--config", folder.appendingPathComponent("mentormatch.toml").path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("signups.csv: 0 records\n"), "\(result.stdout)")
    #expect(result.stderr == "mentormatch: warning: signups.csv holds a header and no rows: nobody was read from it (is the export complete?)\n")
  }

  @Test func jsonSummaryIsOneObject() throws {
    let result = try CommandRunner.run(["validate", "--config", Fixtures.path("demo/mentormatch.toml"), "--json"])
    #expect(result.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["records_read"] as? Int == 188)
    #expect(object?["accepted"] as? Int == 180)
  }

  @Test func defaultMessagesCarryNoAddresses() throws {
    let result = try CommandRunner.run(["validate", "--config", Fixtures.path("demo/mentormatch.toml")])
    // Reasons may mention the '@' sign, never an address.
    #expect(!Addresses.found(in: result.stderr), "\(result.stderr)")
  }

  @Test(arguments: [
    ("hostile/config-unknown-key", Int32(78), "input.colums: unknown key"),
    ("hostile/unterminated-quote", 65, "signups.csv:3: a quoted field opened here is never closed"),
    ("hostile/semicolons-with-comma-config", 65, "set input.delimiter"),
    ("hostile/all-rejected", 65, "over the limit"),
    ("hostile/mapped-column-absent", 65, "signups.csv:1: missing column 'Dept' for field 'department' (named in [input.columns]"),
  ])
  func failsWithTheDocumentedCode(_ folder: String, _ code: Int32, _ message: String) throws {
    let result = try CommandRunner.run(["validate", "--config", Fixtures.path("\(folder)/mentormatch.toml")])
    #expect(result.exitCode == code)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func missingConfigAndMissingExport() throws {
    let missing = try CommandRunner.run(["validate", "--config", "/nonexistent/m.toml"])
    #expect(missing.exitCode == 66)
    let folder = try Fixtures.temporaryDirectory("validate")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("[input]\n[[input.files]]\npath = \"gone.csv\"\n".utf8).write(to: folder.appendingPathComponent("m.toml"))
    let noExport = try CommandRunner.run(["validate", "--config", folder.appendingPathComponent("m.toml").path])
    #expect(noExport.exitCode == 66)
    #expect(noExport.stderr.contains("gone.csv: cannot open"))
  }

  @Test func usageErrorsExit64() throws {
    let result = try CommandRunner.run(["validate"])
    #expect(result.exitCode == 64)
  }
}
