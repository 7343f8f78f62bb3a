import Foundation
import MentorMatchTestSupport
import Testing

@Suite struct SolveCommandTests {
  private let edges = """
    mentee,mentor,mentee_score,mentor_score
    a,X,5,1
    b,X,3,2
    b,Y,1,1
    c,Y,2,4

    """

  private func write(_ files: [String: String]) throws -> URL {
    let folder = try CommandRunner.temporaryFolder()
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  /// `solve` picks among equal optima as a run does (`[matching] method`
  /// defaults to `phases`): on twelve mentees with tied scores the two
  /// methods choose different pairs, and the default is phases' choice.
  @Test func theDefaultMethodIsTheRunsDefault() throws {
    let rows = [
    "m00,T0,0,1 m00,T7,1,0 m00,T6,0,0 m00,T2,1,1 m01,T5,1,0 m01,T4,0,1 m01,T3,1,1 m01,T6,1,1",
    "m02,T2,0,0 m02,T4,0,1 m02,T1,0,0 m02,T5,1,0 m03,T7,1,1 m03,T6,1,1 m03,T3,0,1 m03,T4,1,0",
    "m04,T7,1,1 m04,T2,1,1 m04,T3,1,1 m04,T4,0,1 m05,T2,1,1 m05,T4,1,1 m05,T7,0,1 m05,T3,1,0",
    "m06,T5,0,0 m06,T7,0,1 m06,T0,0,0 m06,T1,0,1 m07,T3,1,0 m07,T6,0,1 m07,T1,1,0 m07,T0,0,0",
    "m08,T1,0,0 m08,T0,1,1 m08,T6,0,0 m08,T5,0,0 m09,T6,0,0 m09,T4,0,1 m09,T0,0,1 m09,T1,1,1",
    "m10,T0,0,1 m10,T2,1,0 m10,T3,1,0 m10,T4,0,1 m11,T1,1,1 m11,T0,1,0 m11,T3,1,1 m11,T7,1,1",
    ].joined(separator: " ").split(separator: " ")
    let folder = try write(["edges.csv": "mentee,mentor,mentee_score,mentor_score\n" + rows.joined(separator: "\n") + "\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    func solve(_ method: [String]) throws -> CommandResult {
      let result = try CommandRunner.run(
        ["solve", "--edges", "edges.csv", "--algorithm", "optimal"] + method, currentDirectory: folder)
      #expect(result.exitCode == 0, "\(result.stderr)")
      #expect(result.stderr.contains("8 pairs, 16 people matched, total score 15; certificate verified"))
      return result
    }
    let byDefault = try solve([]), phases = try solve(["--method", "phases"]), ssp = try solve(["--method", "ssp"])
    #expect(byDefault.stdout == phases.stdout)
    #expect(ssp.stdout != phases.stdout, "the instance no longer tells the methods apart")
  }

  @Test func stableWritesSortedPairsAndASummary() throws {
    let folder = try write(["edges.csv": edges])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(["solve", "--edges", "edges.csv", "--algorithm", "stable"], currentDirectory: folder)
    #expect(result.exitCode == 0)
    #expect(result.stdout == "mentee,mentor\r\nb,X\r\nc,Y\r\n")
    #expect(result.stderr == "mentormatch: solve: stable: 2 pairs, 4 people matched, total score 11; "
      + "0 blocking pairs, 0 capacity violations, 0 invalid pairs\n")
  }

  @Test func optimalUsesCapacitiesAndWritesTheOutFile() throws {
    let folder = try write(["edges.csv": edges, "caps.csv": "id,capacity\nX,2\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(
      ["solve", "--edges", "edges.csv", "--capacities", "caps.csv", "--algorithm", "optimal",
       "--objective", "pairs,score", "--out", "matches.csv"],
      currentDirectory: folder)
    #expect(result.exitCode == 0)
    #expect(result.stdout.isEmpty)
    let written = try String(contentsOf: folder.appendingPathComponent("matches.csv"), encoding: .utf8)
    #expect(written == "mentee,mentor\r\na,X\r\nb,X\r\nc,Y\r\n")
    // Ids of real people: private, as every other output is.
    let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("matches.csv").path)[.posixPermissions]
    #expect(mode as? Int == 0o600)
    #expect(result.stderr.contains("optimal (pairs,score): 3 pairs, 5 people matched, total score 17; certificate verified"))
  }

  @Test(arguments: [
    ("mentee,mentor,mentee_score,mentor_score\na,X,5,1\nb,X,high,2\n", "edges.csv:3: mentee_score 'high' is not an integer"),
    ("mentee,mentor,mentee_score\na,X,5\n", "edges.csv:1: missing column 'mentor_score'"),
    ("mentee,mentor,mentee_score,mentor_score\na,X,5,1\nb,Y,1,1\na,X,2,2\n", "edges.csv:4: duplicate pair ('a', 'X'), first on line 2"),
    // The most negative 64-bit integer has no positive counterpart: the range
    // check must not negate it (it used to trap, exit 132).
    ("mentee,mentor,mentee_score,mentor_score\na,X,5,-9223372036854775808\n",
     "edges.csv:2: mentor_score -9223372036854775808 is outside ±1000000000"),
    ("mentee,mentor,mentee_score,mentor_score\na,X,9223372036854775807,1\n",
     "edges.csv:2: mentee_score 9223372036854775807 is outside ±1000000000"),
  ])
  func badRowsAreDataErrorsWithFileAndLine(text: String, message: String) throws {
    let folder = try write(["edges.csv": text])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(["solve", "--edges", "edges.csv", "--algorithm", "stable"], currentDirectory: folder)
    #expect(result.exitCode == 65)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func badCapacityIsADataError() throws {
    let folder = try write(["edges.csv": edges, "caps.csv": "id,capacity\nX,-1\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(
      ["solve", "--edges", "edges.csv", "--capacities", "caps.csv", "--algorithm", "optimal"], currentDirectory: folder)
    #expect(result.exitCode == 65)
    #expect(result.stderr.contains("caps.csv:2: capacity '-1' is not a whole number of 0 or more"))
  }

  /// `solve` has no encoding option, so it must not suggest `input.encoding`.
  @Test func invalidUTF8SuggestsConvertingTheFile() throws {
    let folder = try write([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    try (Data("mentee,mentor,mentee_score,mentor_score\nRen".utf8) + [0xE9] + Data(",X,1,1\n".utf8))
      .write(to: folder.appendingPathComponent("edges.csv"))
    let result = try CommandRunner.run(["solve", "--edges", "edges.csv", "--algorithm", "stable"], currentDirectory: folder)
    #expect(result.exitCode == 65)
    #expect(result.stderr.contains("edges.csv:2: field 1 is not valid UTF-8 (solve reads UTF-8 only"), "\(result.stderr)")
    #expect(!result.stderr.contains("input.encoding"), "\(result.stderr)")
  }

  /// An `--out` whose folder does not exist says so in words, exit 73.
  @Test func outIntoAMissingFolderSaysWhich() throws {
    let folder = try write(["edges.csv": edges])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(
      ["solve", "--edges", "edges.csv", "--algorithm", "stable", "--out", "absent/m.csv"], currentDirectory: folder)
    #expect(result.exitCode == 73)
    #expect(result.stderr.hasSuffix("absent/m.csv: cannot create: the folder 'absent' does not exist\n"), "\(result.stderr)")
  }

  @Test func missingFileIsNoInput() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(["solve", "--edges", "absent.csv", "--algorithm", "stable"], currentDirectory: folder)
    #expect(result.exitCode == 66)
    #expect(result.stderr.contains("absent.csv: cannot open"))
  }

  @Test(arguments: [
    ["--algorithm", "fastest"],
    ["--algorithm", "optimal", "--objective", "people,fairness"],
  ])
  func badOptionsAreUsageErrors(options: [String]) throws {
    let folder = try write(["edges.csv": edges])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(["solve", "--edges", "edges.csv"] + options, currentDirectory: folder)
    #expect(result.exitCode == 64)
  }
}
