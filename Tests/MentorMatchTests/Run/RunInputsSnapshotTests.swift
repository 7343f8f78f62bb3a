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
    let read = try RunInputsSnapshot.read(config: config, taxonomyDirectory: taxonomy)
    let (snapshot, digests) = read.finish(
      prior: PriorState(pairs: [], people: [], lastRun: nil), toldWaiting: ["p-2", "p-1"], cohort: cohort)

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

  @Test(arguments: [
    (0.0, "0.000"), (0.0424, "0.042"), (0.0425001, "0.043"), (1.5, "1.500"), (12.0009, "12.001"),
    (367.71, "367.710"), (-0.002, "-0.002"), (-0.0001, "0.000"),
  ])
  func stageSecondsHaveThreeDecimals(seconds: Double, text: String) {
    #expect(NightlyRun.stageSeconds(seconds) == text)
    if seconds >= 0 { #expect(text == String(format: "%.3f", seconds)) }
  }
}
