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

  /// The curator's loop: decisions in a run's curation file become labels
  /// (`--dry-run` first changes nothing), the next mapping places the terms
  /// exactly, and a bad decision stops everything with file, line and column.
  @Test func curateAddsTheDecidedLabelsAndTheNextMappingPlacesThem() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let taxonomy = folder.appendingPathComponent("taxonomy")
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("fixtures/taxonomy"), to: taxonomy)
    let labels = taxonomy.appendingPathComponent("labels.csv")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: labels.path)
    let before = try Data(contentsOf: labels)
    let curation = folder.appendingPathComponent("skills-curation.csv")
    try Data("""
      folded_term,raw_variants,occurrences,people,side,reason,candidate_1_id,candidate_1_label,candidate_1_score,curator_decision,curator_concept_id,curator_label_kind,curator_notes\r
      green book business cases,Green Book business cases,18,18,both,no-candidate,,,,label,skill:business-case,alt,\r
      general stuff,general stuff,14,14,both,no-candidate,,,,ignore,,,\r
      cloud aws,Cloud (AWS),7,7,both,no-candidate,,,,label,skill:aws,,\r
      knitting,knitting,7,7,both,below-threshold,skill:written-communication,Written communication,750,,,,\r

      """.utf8).write(to: curation)

    let dry = try Self.run(["taxonomy", "curate", "--taxonomy", taxonomy.path, "--dry-run", curation.path])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout == """
      would add skill:business-case,green book business cases,alt (line 2)
      would add skill:aws,cloud aws,hidden (line 4)
      would add 2 labels (1 alt, 1 hidden); 0 already present; 1 ignored; 1 undecided; nothing written (--dry-run)

      """)
    #expect(try Data(contentsOf: labels) == before)

    let applied = try Self.run(["taxonomy", "curate", "--taxonomy", taxonomy.path, curation.path])
    #expect(applied.status == 0, "\(applied.stderr)")
    #expect(applied.stdout.hasSuffix("added 2 labels (1 alt, 1 hidden); 0 already present; 1 ignored; 1 undecided\n"))
    let after = try Data(contentsOf: labels)
    // Appended in the file's own line ends (CRLF in the shipped taxonomy).
    #expect(after == before + Data("skill:business-case,green book business cases,alt\r\nskill:aws,cloud aws,hidden\r\n".utf8))
    let mode = try FileManager.default.attributesOfItem(atPath: labels.path)[.posixPermissions] as? Int
    #expect(mode == 0o644)
    let mapped = try Self.run(["taxonomy", "map", "--taxonomy", taxonomy.path, "-"], stdin: "Green Book business cases\nCloud (AWS)\n")
    #expect(mapped.stdout == """
      term,concept_id,pref_label,method,score\r
      Green Book business cases,skill:business-case,Business case writing (Green Book),exact,1000\r
      Cloud (AWS),skill:aws,Amazon Web Services,exact,1000\r

      """)

    try Data("folded_term,curator_decision,curator_concept_id,curator_label_kind\nknitting,label,skill:knitting,\n".utf8)
      .write(to: curation)
    let refused = try Self.run(["taxonomy", "curate", "--taxonomy", taxonomy.path, curation.path])
    #expect(refused.status == 65)
    #expect(refused.stderr == "mentormatch: \(curation.path):2: curator_concept_id: unknown concept 'skill:knitting'\n")
    #expect(try Data(contentsOf: labels) == after)
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

  /// A UTF-16 file (Excel's "Unicode text") is one problem, said once: it
  /// used to be followed by a misleading "empty file (expected a header)".
  @Test func aUTF16FileIsOneProblemWithAdvice() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let skills = try String(contentsOf: Self.root.appendingPathComponent("fixtures/esco-sample/skills_en.csv"), encoding: .utf8)
    let path = folder.appendingPathComponent("skills_en.csv").path
    try #require(skills.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }).write(to: URL(fileURLWithPath: path))
    let esco = try Self.run([
      "taxonomy", "import-esco", "--skills", path,
      "--broader", "fixtures/esco-sample/broaderRelationsSkillPillar_en.csv", "--out", folder.appendingPathComponent("out").path,
    ])
    #expect(esco.status == 65)
    #expect(
      esco.stderr == """
        mentormatch: \(path):1: the file is UTF-16, not UTF-8; ESCO's CSV downloads are UTF-8: download this file again, \
        or convert it with iconv -f utf-16 -t utf-8

        """)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }
}
