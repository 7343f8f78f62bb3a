import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// The inputs read (and hashed) while the exports are ingested are the
/// snapshot and digests the run used to build after them.
@Suite struct RunInputsSnapshotTests {
  @Test(arguments: [nil, "2026-autumn-general"])
  func readAndFinishGiveTheSnapshotAndItsOwnDigests(cohort: String?) throws {
    let config = try MentorMatchConfig.load(path: Fixtures.path("demo/mentormatch.toml"))
    let taxonomy = try #require(config.skills.taxonomy)
    let read = try RunInputsSnapshot.read(config: config, exports: try RunInputsSnapshot.ExportBytes.read(config.input.files))
    let (snapshot, digests) = read.finish(
      priorSnapshot: PriorState(pairs: [], people: [], lastRun: nil).snapshotCSV(), toldWaiting: ["p-2", "p-1"], cohort: cohort,
      taxonomy: try RunInputsSnapshot.TaxonomyFiles.read(directory: taxonomy))

    // The files are the live files' bytes, under their stored paths.
    #expect(snapshot.inputs[RunInputsSnapshot.configPath] == config.bytes)
    let export = try #require(config.input.files.first)
    let stored = snapshot.inputs[RunInputsSnapshot.exportPath(0, export)]
    #expect(stored == FileManager.default.contents(atPath: export.path).map(Array.init))
    #expect(snapshot.taxonomy.count >= 2)
    #expect(snapshot.inputs[RunInputsSnapshot.cohortPath] == cohort.map { Array($0.utf8) })
    #expect(String(decoding: snapshot.priorWaiting, as: UTF8.self) == "id\r\np-1\r\np-2\r\n")

    // The digests worked out as files were added equal hashing the finished snapshot.
    let hashed = snapshot.digests()
    #expect(digests.inputs == hashed.inputs)
    #expect(digests.taxonomy == hashed.taxonomy)
    #expect(digests.prior == hashed.prior)
    #expect(digests.waiting == hashed.waiting)
    #expect(digests.ordered == hashed.ordered)
    #expect(digests.config == SHA256Hex.of(config.bytes))
  }

  /// Each export is read once: the run ingests the very bytes its folder
  /// keeps, so an export rewritten while the run reads it (an upload still
  /// landing at 2 a.m.) cannot leave a folder whose copy differs from what
  /// was matched, which no audit could ever re-run.
  @Test func theRunIngestsTheExportBytesItsFolderKeeps() throws {
    let folder = try Fixtures.temporaryDirectory("snapshot")
    defer { try? FileManager.default.removeItem(at: folder) }
    var config = try MentorMatchConfig.load(path: Fixtures.path("demo/mentormatch.toml"))
    let export = folder.appendingPathComponent("signups.csv").path
    try FileManager.default.copyItem(atPath: Fixtures.path("demo/signups.csv"), toPath: export)
    config.input.files[0].path = export
    let original = try #require(FileManager.default.contents(atPath: export).map(Array.init))

    let exports = try RunInputsSnapshot.ExportBytes.read(config.input.files)
    // The export changes on disk after the run has read it.
    try Data("id,given_name,family_name,email,role,grade\n".utf8).write(to: URL(fileURLWithPath: export))
    let ingest = try SignupIngest.read(settings: config.input, open: exports.open(options: config.input.csv))
    let read = try RunInputsSnapshot.read(config: config, exports: exports)
    let (snapshot, _) = read.finish(
      priorSnapshot: PriorState(pairs: [], people: [], lastRun: nil).snapshotCSV(), toldWaiting: [], cohort: nil, taxonomy: .init())

    #expect(snapshot.inputs[RunInputsSnapshot.exportPath(0, config.input.files[0])] == original)
    #expect(ingest.recordsRead == 188, "the bytes read once, not the file as it is now")
    // Read from those bytes, the export gives what reading the file gives.
    var fromFile = config
    fromFile.input.files[0].path = Fixtures.path("demo/signups.csv")
    let direct = try SignupIngest.read(settings: fromFile.input)
    #expect(ingest.signups.map(\.id) == direct.signups.map(\.id))
    #expect(ingest.rejected.map(\.location) == direct.rejected.map(\.location))
  }

  /// The taxonomy too is read once: the run loads it from the bytes its
  /// folder keeps, so a curator's edit landing mid-run cannot make the
  /// folder's copy differ from what the night placed skills with.
  @Test func theRunLoadsTheTaxonomyBytesItsFolderKeeps() throws {
    let folder = try Fixtures.temporaryDirectory("snapshot")
    defer { try? FileManager.default.removeItem(at: folder) }
    let directory = folder.appendingPathComponent("taxonomy").path
    try FileManager.default.copyItem(atPath: Fixtures.path("taxonomy"), toPath: directory)
    let original = try Taxonomy.load(directory: directory)

    let files = try RunInputsSnapshot.TaxonomyFiles.read(directory: directory)
    // The curator's edit lands after the run has read the folder.
    try Data("id,pref_label\nx-only,Only concept\n".utf8).write(to: URL(fileURLWithPath: directory + "/concepts.csv"))
    try FileManager.default.removeItem(atPath: directory + "/labels.csv")
    let loaded = try Taxonomy.load(directory: directory, files: files.byName)
    #expect(loaded.concepts.map(\.id) == original.concepts.map(\.id))
    #expect(loaded.concepts.map(\.labels.count) == original.concepts.map(\.labels.count))
    #expect(loaded.attribution == original.attribution)

    var config = try MentorMatchConfig.load(path: Fixtures.path("demo/mentormatch.toml"))
    config.input.files = []
    let read = try RunInputsSnapshot.read(config: config, exports: .init())
    let (snapshot, digests) = read.finish(
      priorSnapshot: PriorState(pairs: [], people: [], lastRun: nil).snapshotCSV(), toldWaiting: [], cohort: nil, taxonomy: files)
    #expect(snapshot.taxonomy["inputs/taxonomy/concepts.csv"] == files.byName["concepts.csv"])
    #expect(snapshot.taxonomy.keys.sorted() == files.byName.keys.sorted().map { "inputs/taxonomy/\($0)" })
    #expect(digests.taxonomy == snapshot.digests().taxonomy)
  }

  /// A missing export, a directory or a FIFO is refused when the exports
  /// are read, with the message reading the file directly gives.
  @Test func readingTheExportsRefusesWhatTheReaderRefuses() throws {
    let folder = try Fixtures.temporaryDirectory("snapshot")
    defer { try? FileManager.default.removeItem(at: folder) }
    for path in [folder.appendingPathComponent("absent.csv").path, folder.path] {
      let file = InputFile(name: "signups.csv", path: path, fixedRole: nil)
      let direct = #expect(throws: CSVError.self) { try CSVReader(path: path) }
      let once = #expect(throws: CSVError.self) { try RunInputsSnapshot.ExportBytes.read([file]) }
      #expect(once.map { "\($0)" } == direct.map { "\($0)" })
    }
  }

  @Test(arguments: [
    (0.0, "0.000"), (0.0424, "0.042"), (0.0425001, "0.043"), (1.5, "1.500"), (12.0009, "12.001"),
    (367.71, "367.710"), (-0.002, "-0.002"), (-0.0001, "0.000"),
  ])
  func stageSecondsHaveThreeDecimals(seconds: Double, text: String) {
    #expect(SecondsText.format(seconds) == text)
    if seconds >= 0 { #expect(text == String(format: "%.3f", seconds)) }
  }
}
