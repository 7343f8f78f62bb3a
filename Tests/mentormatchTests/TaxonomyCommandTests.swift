import Foundation
import MentorMatchTestSupport
import Testing

/// End-to-end tests of `mentormatch taxonomy …`, running the built binary as
/// swift-argument-parser's `AssertExecuteCommand` does.
@Suite struct TaxonomyCommandTests {
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs the built binary from the package root, through the shared runner.
  static func run(_ arguments: [String], stdin: String? = nil) throws -> Outcome {
    let result = try CommandRunner.run(arguments, stdin: Data((stdin ?? "").utf8), currentDirectory: root)
    return Outcome(stdout: result.stdout, stderr: result.stderr, status: result.exitCode)
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func checkPrintsCounts() throws {
    let outcome = try Self.run(["taxonomy", "check", "fixtures/taxonomy"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.hasPrefix("taxonomy fixtures/taxonomy: ok\nconcepts: "))
    #expect(outcome.stdout.contains("by scheme:\n"))
    #expect(outcome.stdout.contains("by level:\n  1: "))
    #expect(outcome.stdout.contains("labels:\n  pref: "))
  }

  @Test func checkRejectsABrokenTaxonomyWithFileAndLine() throws {
    let folder = try Self.temporaryFolder()
    try Data("id,pref_label,broader,scheme,status,replaced_by\na,Alpha,,skill,active,\na,Beta,zz,skill,active,\n".utf8)
      .write(to: folder.appendingPathComponent("concepts.csv"))
    let outcome = try Self.run(["taxonomy", "check", folder.path])
    #expect(outcome.status == 65)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr == """
      mentormatch: \(folder.path)/concepts.csv:3: duplicate id 'a' (first at line 2)
      \(folder.path)/concepts.csv:3: 'a' has unknown broader concept 'zz'

      """)
  }

  @Test func checkOfMissingFolderExits66() throws {
    let outcome = try Self.run(["taxonomy", "check", "/nonexistent/taxonomy"])
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "mentormatch: /nonexistent/taxonomy: taxonomy folder not found\n")
  }

  @Test func mapWritesCSV() throws {
    let outcome = try Self.run(["taxonomy", "map", "--taxonomy", "fixtures/taxonomy", "-"], stdin: "Stakeholder Management\nunderwater basket weaving\n\n=cmd\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.components(separatedBy: "\r\n")
    #expect(lines[0] == "term,concept_id,pref_label,method,score")
    #expect(lines[1] == "Stakeholder Management,skill:stakeholder-management,Stakeholder management,exact,1000")
    #expect(lines[2].hasPrefix("underwater basket weaving,,,"))
    #expect(lines[3].hasPrefix("'=cmd,,,"))
    #expect(lines.count == 5)
  }

  @Test func mapSplitsCellsAndReadsThresholdsFromConfig() throws {
    let folder = try Self.temporaryFolder()
    let config = folder.appendingPathComponent("mentormatch.toml")
    try Data("[input]\nfile = 'x'\n\n[skills]\naccept_threshold = 1000\nreview_threshold = 100\n".utf8).write(to: config)
    let outcome = try Self.run(["taxonomy", "map", "--taxonomy", "fixtures/taxonomy", "--config", config.path, "--cells", "-"], stdin: "Python/SQL; stakeholder engagment\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let rows = outcome.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { !$0.contains(",fuzzy,") })
  }

  @Test func mapWithAMissingConfigExits66() throws {
    let outcome = try Self.run(["taxonomy", "map", "--taxonomy", "fixtures/taxonomy", "--config", "/nonexistent.toml", "-"], stdin: "x\n")
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "mentormatch: /nonexistent.toml: no such file\n")
  }

  @Test func mapRejectsBadConfig() throws {
    let folder = try Self.temporaryFolder()
    let config = folder.appendingPathComponent("bad.toml")
    try Data("[skills]\naccept_treshold = 900\n".utf8).write(to: config)
    let outcome = try Self.run(["taxonomy", "map", "--taxonomy", "fixtures/taxonomy", "--config", config.path, "-"], stdin: "x\n")
    #expect(outcome.status == 78)
    #expect(outcome.stderr == "mentormatch: \(config.path):2: skills.accept_treshold: unknown key\n")
  }

  @Test func importESCOWritesALoadableTaxonomy() throws {
    let out = try Self.temporaryFolder().appendingPathComponent("esco")
    let outcome = try Self.run([
      "taxonomy", "import-esco",
      "--skills", "fixtures/esco-sample/skills_en.csv",
      "--broader", "fixtures/esco-sample/broaderRelationsSkillPillar_en.csv",
      "--groups", "fixtures/esco-sample/skillGroups_en.csv",
      "--out", out.path,
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.hasPrefix("wrote \(out.path): 7 concepts, 9 labels\n"))
    // Folders 0700 and files 0600, as every output of mentormatch.
    func mode(_ url: URL) throws -> Int? { try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int }
    #expect(try mode(out) == 0o700)
    for name in ["concepts.csv", "labels.csv", "attribution.txt"] {
      #expect(try mode(out.appendingPathComponent(name)) == 0o600, "\(name)")
    }
    let check = try Self.run(["taxonomy", "check", out.path])
    #expect(check.status == 0)
    #expect(check.stdout.contains("attribution: attribution.txt"))
  }

  @Test func importESCOWithMissingFileExits66() throws {
    let outcome = try Self.run(["taxonomy", "import-esco", "--skills", "/nonexistent.csv", "--broader", "/nonexistent2.csv", "--out", "/tmp/x"])
    #expect(outcome.status == 66)
    // The reason in words, not the error enum's debug dump.
    #expect(outcome.stderr.hasPrefix("mentormatch: /nonexistent.csv: cannot open: No such file or directory\n"))
  }

  /// A file that is not UTF-8 gets advice that the command in hand can act
  /// on: neither `import-esco` nor `taxonomy check` reads `input.encoding`.
  @Test func invalidUTF8GetsAdviceForTheCommandInHand() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var skills = try Data(contentsOf: Self.root.appendingPathComponent("fixtures/esco-sample/skills_en.csv"))
    let label = try #require(skills.range(of: Data("manage projects".utf8)))
    skills.replaceSubrange(label, with: Data("manage proj".utf8) + [0xE9] + Data("cts".utf8))
    try skills.write(to: folder.appendingPathComponent("skills_en.csv"))
    let esco = try Self.run([
      "taxonomy", "import-esco", "--skills", folder.appendingPathComponent("skills_en.csv").path,
      "--broader", "fixtures/esco-sample/broaderRelationsSkillPillar_en.csv", "--out", folder.appendingPathComponent("out").path,
    ])
    #expect(esco.status == 65)
    #expect(esco.stderr.contains("skills_en.csv:2: field 5 is not valid UTF-8 (ESCO's CSV downloads are UTF-8"), "\(esco.stderr)")
    #expect(esco.stderr.contains("iconv -f windows-1252 -t utf-8"), "\(esco.stderr)")
    #expect(!esco.stderr.contains("input.encoding"), "\(esco.stderr)")

    let taxonomy = folder.appendingPathComponent("taxonomy")
    try FileManager.default.createDirectory(at: taxonomy, withIntermediateDirectories: true)
    try Data("id,pref_label\nc1,Caf".utf8 + [0xE9] + "\n".utf8).write(to: taxonomy.appendingPathComponent("concepts.csv"))
    let check = try Self.run(["taxonomy", "check", taxonomy.path])
    #expect(check.status == 65)
    #expect(check.stderr.contains("concepts.csv:2: field 2 is not valid UTF-8 (taxonomy files are UTF-8"), "\(check.stderr)")
    #expect(!check.stderr.contains("input.encoding"), "\(check.stderr)")
  }
}
