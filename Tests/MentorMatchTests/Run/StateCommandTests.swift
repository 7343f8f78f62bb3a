import Foundation
import Testing
@testable import MentorMatch

/// End-to-end tests of `pairs`, `forget` and `prune` through the built binary.
@Suite struct StateCommandTests {
  /// A config, a state database with one run and its run folder.
  static func setUp() throws -> (folder: String, config: String, binary: String) {
    let binary = try #require(builtBinary(), "build the mentormatch binary first (swift build)")
    let folder = makeTemporaryFolder()
    let config = folder + "/mentormatch.toml"
    try "[state]\ndir = \"state\"\nretention_days = 30\n\n[input]\nfile = \"signups.csv\"\n"
      .write(toFile: config, atomically: true, encoding: .utf8)
    do {
      let store = try StateStore(path: folder + "/state/mentormatch.sqlite")
      try store.commit(
        run: sampleRun("r1"), people: samplePeople,
        newPairs: [
          NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40),
          NewPair(menteeID: "E2", mentorID: "R1", cohort: "spring", score: 30),
          NewPair(menteeID: "E2", mentorID: "R2", cohort: "=2+2", score: 5),
        ],
        notifications: [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "e1.eml")])
    }
    _ = try ErasureTests.writeRun(folder + "/state/runs", id: "r1")
    return (folder, config, binary)
  }

  @Test func pairsListAndEnd() throws {
    let (folder, config, binary) = try Self.setUp()
    defer { removeFolder(folder) }
    let all = try runProcess(binary, ["pairs", "list", "--config", config])
    #expect(all.status == 0)
    #expect(all.stdout == """
      mentee,mentor,cohort,run,score,status\r
      E2,R2,'=2+2,r1,5,active\r
      E1,R1,spring,r1,40,active\r
      E2,R1,spring,r1,30,active\r

      """)
    let ended = try runProcess(
      binary,
      ["pairs", "end", "--config", config, "--mentee", "E2", "--mentor", "R1", "--reason", "moved", "--as-of", "2026-11-05T00:00:00Z"])
    #expect(ended.status == 0)
    let spring = try runProcess(binary, ["pairs", "list", "--config", config, "--cohort", "spring"])
    #expect(spring.stdout == "mentee,mentor,cohort,run,score,status\r\nE1,R1,spring,r1,40,active\r\n")
    #expect(spring.stderr.isEmpty)
    // A misspelt cohort lists only the header; stderr says which cohorts have pairs.
    let typo = try runProcess(binary, ["pairs", "list", "--config", config, "--cohort", "sprung"])
    #expect(typo.status == 0)
    #expect(typo.stdout == "mentee,mentor,cohort,run,score,status\r\n")
    #expect(typo.stderr == "mentormatch: no active pairs in cohort 'sprung' (cohorts with active pairs: =2+2, spring)\n")
  }

  @Test func forgetSurvivesACrashAndKeepsModesWhateverTheUmask() throws {
    let (folder, config, binary) = try Self.setUp()
    defer { removeFolder(folder) }
    // A hostile umask: without explicit chmods, files would come out 0400 and folders 0500.
    let shell = ["-c", "umask 277; exec \"$0\" \"$@\"", binary, "forget", "--config", config, "--email", "ann@example.gov.uk",
                 "--as-of", "2026-11-20T10:00:00Z"]
    let crashed = try runProcess("/bin/sh", shell, environment: ["MENTORMATCH_CRASH_AT": "forget-after-redaction"])
    #expect(crashed.status == 137)
    #expect(try StateStore(path: folder + "/state/mentormatch.sqlite").loadPriorState().people.contains { $0.id == "E1" })
    let finished = try runProcess("/bin/sh", shell)
    #expect(finished.status == 0, "\(finished.stderr)")
    #expect(finished.stdout == "state: erased 1 person, 1 pair, 1 notification\n")
    // Again, or for someone never there: says it found nothing, still exit 0.
    for again in [shell, shell.map { $0 == "ann@example.gov.uk" ? "anne@example.gov.uk" : $0 }] {
      let nothing = try runProcess("/bin/sh", again)
      #expect(nothing.status == 0)
      #expect(nothing.stdout == "state: erased 0 people, 0 pairs, 0 notifications\n"
        + "nothing found: that id or address is in neither the state nor any run folder (erased already, or mistyped?)\n")
    }
    #expect(!(finished.stdout + finished.stderr + crashed.stdout + crashed.stderr).lowercased().contains("ann"))
    let store = try StateStore(path: folder + "/state/mentormatch.sqlite")
    #expect(try store.loadPriorState().people.map(\.id) == ["E2", "R1", "R2"])
    #expect(try store.integrityCheck() == ["ok"])
    let run = folder + "/state/runs/r1"
    #expect(try RunManifest.load(runDirectory: run).redactions.count == 1)
    #expect(mode(of: folder + "/state") == 0o700)
    #expect(mode(of: folder + "/state/mentormatch.lock") == 0o600)
    #expect(mode(of: folder + "/state/mentormatch.sqlite") == 0o600)
    #expect(mode(of: run + "/matches.csv") == 0o600)
    #expect(mode(of: run + "/manifest.json") == 0o600)
  }

  @Test func pruneUsesConfigRetentionOrTheOption() throws {
    let (folder, config, binary) = try Self.setUp()
    defer { removeFolder(folder) }
    let kept = try runProcess(binary, ["prune", "--config", config, "--older-than", "60d", "--now", "2026-12-15T00:00:00Z"])
    #expect(kept.status == 0)
    #expect(kept.stdout == "")
    // The set-up's run still owes its email: kept past the period until it is published.
    let held = try runProcess(binary, ["prune", "--config", config, "--now", "2026-12-15T00:00:00Z"])
    #expect(held.status == 0)
    #expect(held.stdout == "kept r1 (as of 2026-11-01T02:00:00Z): its emails are still owed; the next run publishes them from it\n")
    #expect(try StateStore(path: folder + "/state/mentormatch.sqlite").markPublished(runID: "r1") == 1)
    // --dry-run says what it would remove and removes nothing.
    let dry = try runProcess(binary, ["prune", "--config", config, "--now", "2026-12-15T00:00:00Z", "--dry-run"])
    #expect(dry.status == 0)
    #expect(dry.stdout == "would remove r1 (as of 2026-11-01T02:00:00Z)\n")
    #expect(FileManager.default.fileExists(atPath: folder + "/state/runs/r1"))
    let pruned = try runProcess(binary, ["prune", "--config", config, "--now", "2026-12-15T00:00:00Z"])
    #expect(pruned.status == 0)
    #expect(pruned.stdout == "removed r1 (as of 2026-11-01T02:00:00Z)\n")
    #expect(!FileManager.default.fileExists(atPath: folder + "/state/runs/r1"))
  }

  /// A config file that is missing, or a folder, is a missing input (66) for
  /// the state commands too, with the same words as `run` and `validate`.
  @Test(arguments: [["pairs", "list"], ["forget", "--id", "E1"], ["prune"]])
  func missingConfigIsNoInput(_ command: [String]) throws {
    let (folder, _, binary) = try Self.setUp()
    defer { removeFolder(folder) }
    let missing = try runProcess(binary, command + ["--config", folder + "/nope.toml"])
    #expect(missing.status == 66)
    #expect(missing.stderr == "mentormatch: \(folder)/nope.toml: no such file\n")
    let directory = try runProcess(binary, command + ["--config", folder])
    #expect(directory.status == 66)
    #expect(directory.stderr == "mentormatch: \(folder): is a directory\n")
  }

  /// A time that is not ISO 8601 is a usage error shown with the usage of
  /// the command at fault, not the root command's.
  @Test(arguments: [
    (["prune", "--now", "yesterday"], "mentormatch prune"),
    (["forget", "--id", "E1", "--as-of", "yesterday"], "mentormatch forget"),
    (["pairs", "end", "--mentee", "E1", "--mentor", "R1", "--reason", "x", "--as-of", "yesterday"], "mentormatch pairs end"),
  ])
  func badTimeShowsTheCommandsUsage(_ arguments: [String], usage: String) throws {
    let (folder, config, binary) = try Self.setUp()
    defer { removeFolder(folder) }
    let result = try runProcess(binary, arguments + ["--config", config])
    #expect(result.status == 64)
    #expect(result.stderr.contains("expects an ISO 8601 time such as 2026-11-28T02:00:00Z, got 'yesterday'"), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: \(usage) "), "\(result.stderr)")
  }

  @Test func unknownStateKeyIsAConfigError() throws {
    let (folder, config, binary) = try Self.setUp()
    defer { removeFolder(folder) }
    try "[state]\ndri = \"state\"\n".write(toFile: config, atomically: true, encoding: .utf8)
    let result = try runProcess(binary, ["pairs", "list", "--config", config])
    #expect(result.status == 78)
    #expect(result.stderr.contains("state.dri: unknown key"))
  }
}
