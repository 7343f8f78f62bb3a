import Foundation
import Testing
@testable import MentorMatch

@Suite struct ErasureTests {
  static let signups = Array((
    "\u{FEFF}id,email,name,notes\r\n"
      + "E1,ann@example.gov.uk,Ann,\"two\r\nlines\"\r\n"
      + "E2,bob@example.gov.uk,Bob,plain\r\n"
      + "\r\n"
      + "R1,CAT@example.gov.uk,Cat,last"
  ).utf8)

  static func lines(of bytes: [UInt8]) throws -> [CSVRow] {
    try CSVReader(bytes: bytes, name: "t").readAll()
  }

  @Test func redactingARowKeepsRowCountLineNumbersAndOtherBytes() throws {
    let rule = Erasure.Rule { $0.contains("ann@example.gov.uk") }
    let result = try Erasure.redactCSV(Self.signups, name: "signups.csv", rule: rule)
    #expect(result.redactedRows == 1)
    let before = try Self.lines(of: Self.signups)
    let after = try Self.lines(of: result.bytes)
    #expect(after.count == before.count)
    #expect(after.map(\.line) == before.map(\.line))
    guard case .record(let redacted) = after[1] else { Issue.record("row 1 unreadable"); return }
    #expect(redacted.fields == Array(repeating: "[redacted]", count: 4))
    #expect(after[2] == before[2])
    #expect(after[3] == before[3])
    let text = String(decoding: result.bytes, as: UTF8.self)
    #expect(text.hasPrefix("\u{FEFF}id,email,name,notes\r\n[redacted],[redacted],[redacted],[redacted]\r\n\r\n"))
    #expect(!text.contains("Ann"))
    #expect(text.hasSuffix("R1,CAT@example.gov.uk,Cat,last"))
    // Redacting again changes nothing.
    #expect(try Erasure.redactCSV(result.bytes, name: "s", rule: Erasure.Rule { _ in true }).redactedRows == 2)
    #expect(try Erasure.redactCSV(result.bytes, name: "s", rule: rule).bytes == result.bytes)
  }

  @Test func headerIsNeverRedactedAndSemicolonFilesAreSniffed() throws {
    let bytes = Array("id;email\nE1;a@b.c\nE2;d@e.f\n".utf8)
    let rule = try #require(Erasure.identifyingFieldsEqual(["A@B.C", "id"])("x.csv", bytes))
    #expect(rule.options.delimiter == UInt8(ascii: ";"))
    let result = try Erasure.redactCSV(bytes, name: "x.csv", rule: rule)
    #expect(String(decoding: result.bytes, as: UTF8.self) == "id;email\n[redacted];[redacted]\nE2;d@e.f\n")
  }

  @Test func unreadableRowsAreMatchedOnTheirBytes() throws {
    // A Windows-1252 export read as UTF-8: the row with 'Renée' cannot be split into fields.
    let bytes = Array("id,email,name\r\nE1,ann@example.gov.uk,Ren".utf8) + [0xE9]
      + Array("e\r\nE2,b@c.d,Bo\r\nE3,x@y.z,Ren".utf8) + [0xE9] + Array("\r\n".utf8)
    let rule = try #require(Erasure.identifyingFieldsEqual(["ANN@example.gov.uk"])("s.csv", bytes))
    let result = try Erasure.redactCSV(bytes, name: "s.csv", rule: rule)
    #expect(result.redactedRows == 1)
    // The other unreadable row is untouched.
    let expected = Array("id,email,name\r\n[redacted],[redacted],[redacted]\r\nE2,b@c.d,Bo\r\nE3,x@y.z,Ren".utf8)
      + [0xE9] + Array("\r\n".utf8)
    #expect(result.bytes == expected)
  }

  @Test func identifyingColumnsOnlyWhenTheHeaderNamesThem() throws {
    let bytes = Array("mentee,mentor,cohort,run,score\r\nE1,R1,spring,r,7\r\nE2,R2,spring,r,40\r\n".utf8)
    let rule = try #require(Erasure.identifyingFieldsEqual(["7"])("matches.csv", bytes))
    // A score of 7 is not the person with id 7.
    #expect(try Erasure.redactCSV(bytes, name: "m", rule: rule).redactedRows == 0)
    let byMentor = try #require(Erasure.identifyingFieldsEqual(["r2"])("matches.csv", bytes))
    #expect(try Erasure.redactCSV(bytes, name: "m", rule: byMentor).redactedRows == 1)
  }

  /// A stored export that lacks a column its config names was run by an
  /// older version (this one refuses it); erasure still reads its id and
  /// email columns through the mapping.
  @Test func aStoredExportWithoutANamedColumnIsStillReadThroughItsMapping() throws {
    let toml = "[input]\n[[input.files]]\npath = \"s.csv\"\n[input.columns]\nemail = \"Work email\"\ndepartment = \"Dept\"\n[input.extra]\nteam = \"Team\""
    let settings = try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
    let bytes = Array("id,given_name,Work email,role,grade\r\nE1,Ann,ann@example.gov.uk,mentee,HEO\r\n".utf8)
    let columns = try #require(Erasure.exportColumns(bytes, file: settings.files[0], settings: settings))
    #expect(columns.id == 0)
    #expect(columns.email == 2)
  }

  /// A run folder as the orchestrator would leave it.
  static func outputs(_ id: String) -> [String: [UInt8]] {
    [
      "matches.csv": Array("mentee,mentor,cohort,run,score\r\nE1,R1,spring,\(id),40\r\nE2,R1,spring,\(id),30\r\n".utf8),
      "outbox/new/e1.eml": Array("To: Ann <ann@example.gov.uk>\r\nSubject: match\r\n\r\nhello\r\n".utf8),
      "outbox/new/e2.eml": Array("To: Bob <bob@example.gov.uk>\r\nSubject: match\r\n\r\nann@example.gov.uk\r\n".utf8),
    ]
  }

  static func writeRun(_ runs: String, id: String) throws -> String {
    let outputs = Self.outputs(id)
    let inputs: [String: [UInt8]] = ["inputs/signups.csv": signups]
    let manifest = RunManifest(
      runID: id, asOf: "2026-11-01T02:00:00Z", algorithm: "stable", objective: "people,pairs,score",
      configSHA256: "c", inputs: inputs.mapValues { SHA256Hex.of($0) }, taxonomy: [:], priorStateSHA256: "p",
      counts: [:], outputs: outputs.mapValues { SHA256Hex.of($0) })
    var files = outputs.merging(inputs) { a, _ in a }
    files[RunManifest.fileName] = manifest.encoded()
    try RunFolderWriter(runsDirectory: runs, pid: 1).write(runID: id, files: files)
    return runs + "/" + id
  }

  @Test func forgetRedactsRunFoldersRecordsItAndErasesTheState() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let folder = try Self.writeRun(runs, id: "r1")
    let store = try StateStore.inMemory()
    try store.commit(
      run: sampleRun("r1"), people: samplePeople,
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)],
      notifications: [OwedNotification(recipientID: "E1", kind: "mentee-match", fileName: "e1.eml")])
    // What an erasure killed mid-replace leaves beside the file it was replacing.
    try Data("partial".utf8).write(to: URL(fileURLWithPath: folder + "/.tmp-matches.csv-77"))

    let summary = try Erasure.forget(
      store: store, runsDirectory: runs, personID: nil, email: "Ann@example.gov.uk", asOf: "2026-11-20T10:00:00Z")
    #expect(summary.state.personIDs == ["E1"])
    #expect(summary.folders.map(\.runID) == ["r1"])
    #expect(summary.folders.first?.files.map(\.path) == ["inputs/signups.csv", "matches.csv", "outbox/new/e1.eml", "outbox/new/e2.eml"])
    #expect(!FileManager.default.fileExists(atPath: folder + "/outbox/new/e1.eml"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/.tmp-matches.csv-77"))
    // Bob's email names Ann's address in its body: it goes too.
    #expect(!FileManager.default.fileExists(atPath: folder + "/outbox/new/e2.eml"))
    let matches = try String(contentsOfFile: folder + "/matches.csv", encoding: .utf8)
    #expect(matches == "mentee,mentor,cohort,run,score\r\n[redacted],[redacted],[redacted],[redacted],[redacted]\r\nE2,R1,spring,r1,30\r\n")
    #expect(mode(of: folder + "/matches.csv") == 0o600)

    let manifest = try RunManifest.load(runDirectory: folder)
    #expect(manifest.redactions.count == 1)
    #expect(manifest.redactions.first?.reason == Erasure.erasureReason)
    #expect(!String(decoding: manifest.encoded(), as: UTF8.self).contains("ann"))
    #expect(manifest.verify(runDirectory: folder).map(\.line) == ["redacted inputs/signups.csv"])
    #expect(manifest.compareOutputs(rerun: Self.outputs("r1"), runDirectory: folder).map(\.status) == [.redacted, .redacted, .redacted])
    #expect(try store.loadPriorState().people.map(\.id) == ["E2", "R1", "R2"])

    // Again: nothing left to do, and no second redaction entry.
    let again = try Erasure.forget(
      store: store, runsDirectory: runs, personID: nil, email: "ann@example.gov.uk", asOf: "2026-11-21T10:00:00Z")
    #expect(again.folders.isEmpty)
    #expect(try RunManifest.load(runDirectory: folder).redactions.count == 1)
  }

  /// A dry run's folder (`runs/dry-runs/<run-id>`) keeps the same exports,
  /// reports and emails as a real run's; erasure must reach it too, and say
  /// which of two folders with one run id it changed.
  @Test func forgetRedactsDryRunFoldersToo() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let real = try Self.writeRun(runs, id: "r1")
    let dry = try Self.writeRun(runs + "/" + StateSettings.dryRunsFolderName, id: "r1")
    let store = try StateStore.inMemory()
    try store.commit(
      run: sampleRun("r1"), people: samplePeople,
      newPairs: [NewPair(menteeID: "E1", mentorID: "R1", cohort: "spring", score: 40)], notifications: [])
    let summary = try Erasure.forget(
      store: store, runsDirectory: runs, personID: nil, email: "ann@example.gov.uk", asOf: "2026-11-20T10:00:00Z")
    #expect(summary.folders.map(\.folder) == ["r1", "dry-runs/r1"])
    for folder in [real, dry] {
      #expect(!FileManager.default.fileExists(atPath: folder + "/outbox/new/e1.eml"))
      #expect(!(try String(contentsOfFile: folder + "/matches.csv", encoding: .utf8)).contains("E1"))
      #expect(try RunManifest.load(runDirectory: folder).redactions.count == 1)
    }
    #expect(summary.lines.contains("dry-runs/r1/matches.csv: redacted"))
    #expect(summary.lines.contains("r1/matches.csv: redacted"))
  }

  /// A file the erasure removed stays `redacted` when the re-run, from the
  /// redacted inputs, no longer writes it (the erased person's own email).
  @Test func aRemovedFileTheReRunNoLongerWritesIsRedacted() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let folder = try Self.writeRun(runs, id: "r1")
    let store = try StateStore.inMemory()
    try store.commit(run: sampleRun("r1"), people: samplePeople, newPairs: [], notifications: [])
    _ = try Erasure.forget(
      store: store, runsDirectory: runs, personID: nil, email: "ann@example.gov.uk", asOf: "2026-11-20T10:00:00Z")
    var rerun = Self.outputs("r1")
    rerun["outbox/new/e1.eml"] = nil
    let manifest = try RunManifest.load(runDirectory: folder)
    #expect(
      manifest.compareOutputs(rerun: rerun, runDirectory: folder).map(\.line)
        == ["redacted matches.csv", "redacted outbox/new/e1.eml", "redacted outbox/new/e2.eml"])
  }

  /// `prior-pairs.csv` after an erasure: the redacted row is the erased
  /// person's pair, which the audit's re-run cannot know; it is left out.
  @Test func aRedactedRowOfThePriorPairsIsLeftOut() throws {
    let bytes = Array(
      ("mentee,mentor,cohort,run,score,status,ended_reason,ended_as_of\r\n"
        + "[redacted],[redacted],[redacted],[redacted],[redacted],[redacted],[redacted],[redacted]\r\n"
        + "E2,R1,spring,r1,30,active,,\r\n").utf8)
    let prior = try PriorState.parse(snapshot: bytes, name: "prior-pairs.csv")
    #expect(prior.pairs.map(\.menteeID) == ["E2"])
    // Anything else that is not a pair still stops the audit.
    let damaged = Array("mentee,mentor,cohort,run,score,status,ended_reason,ended_as_of\r\nE2,R1,spring,r1,lots,active,,\r\n".utf8)
    #expect(throws: RunError.self) { try PriorState.parse(snapshot: damaged, name: "prior-pairs.csv") }
  }
}
