import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// Placing skills on several cores gives what one core gives.
@Suite struct SkillsByPersonTests {
  @Test(arguments: [UInt64(3), 11])
  func anyConcurrencyGivesTheSameSkills(_ seed: UInt64) throws {
    let directory = try Fixtures.temporaryDirectory("skills-\(seed)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let taxonomyPath = Fixtures.path("taxonomy")
    // Enough people for three runs of SkillsByPerson.chunkSize.
    let export = SyntheticExport(settings: SyntheticExportSettings(people: 7_000, seed: seed, cohorts: 2, badRowShare: 0))
    _ = try SyntheticExportFiles.write(export, to: directory, taxonomyDirectory: taxonomyPath)
    let config = try MentorMatchConfig.load(path: directory + "/mentormatch.toml")
    let signups = try SignupIngest.read(settings: config.input).signups
    let taxonomy = try Taxonomy.load(directory: taxonomyPath)

    let one = SkillsByPerson.normalise(signups, taxonomy: taxonomy, settings: config.skills, concurrency: 1)
    #expect(one.mentions.count > 10_000)
    #expect(one.mentions.contains { $0.match.placement == nil })  // some terms stay unplaced
    for concurrency in [2, 3, 8] {
      let spread = SkillsByPerson.normalise(signups, taxonomy: taxonomy, settings: config.skills, concurrency: concurrency)
      #expect(spread == one, "concurrency \(concurrency)")
    }
  }
}
