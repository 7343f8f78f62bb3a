import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// Placing skills on several cores gives what one core gives.
@Suite struct SkillsByPersonTests {
  /// A generated export's sign-ups, with the config and taxonomy that read them.
  private static func signups(seed: UInt64, cohorts: Int) throws -> ([Signup], MentorMatchConfig, Taxonomy) {
    let directory = try Fixtures.temporaryDirectory("skills-\(seed)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let taxonomyPath = Fixtures.path("taxonomy")
    // Enough people for three runs of SkillsByPerson.chunkSize.
    let export = SyntheticExport(settings: SyntheticExportSettings(people: 7_000, seed: seed, cohorts: cohorts, badRowShare: 0))
    _ = try SyntheticExportFiles.write(export, to: directory, taxonomyDirectory: taxonomyPath)
    let config = try MentorMatchConfig.load(path: directory + "/mentormatch.toml")
    return (try SignupIngest.read(settings: config.input).signups, config, try Taxonomy.load(directory: taxonomyPath))
  }

  @Test(arguments: [UInt64(3), 11])
  func anyConcurrencyGivesTheSameSkills(_ seed: UInt64) throws {
    let (signups, config, taxonomy) = try Self.signups(seed: seed, cohorts: 2)
    let one = SkillsByPerson.normalise(signups, taxonomy: taxonomy, settings: config.skills, concurrency: 1)
    #expect(one.mentions.count > 10_000)
    #expect(one.mentions.contains { $0.match.placement == nil })  // some terms stay unplaced
    for concurrency in [2, 3, 8] {
      let spread = SkillsByPerson.normalise(signups, taxonomy: taxonomy, settings: config.skills, concurrency: concurrency)
      #expect(spread == one, "concurrency \(concurrency)")
    }
  }

  /// Each cohort's unplaced terms counted among the night's unplaced
  /// mentions, picked out once, are those counted among every mention; the
  /// cohorts' counts differ and add up to the night's.
  @Test func unplacedTermsOfEachCohortCountOnlyItsPeople() throws {
    let (signups, config, taxonomy) = try Self.signups(seed: 5, cohorts: 3)
    var skills = SkillsByPerson.normalise(signups, taxonomy: taxonomy, settings: config.skills)
    // A term that folds to nothing is never counted, placed or not.
    let someone = try #require(signups.first?.id)
    skills.mentions.append(
      SkillMention(
        term: "--", match: SkillMatch(folded: "", placement: nil, unplacedReason: .noCandidate, candidates: []),
        side: .wanted, personID: someone))
    let unplaced = skills.unplacedMentions()
    #expect(unplaced == skills.mentions.filter { $0.match.placement == nil && !$0.match.folded.isEmpty })
    #expect(unplaced.count > 100 && unplaced.count < skills.mentions.count / 2, "\(unplaced.count) of \(skills.mentions.count)")

    let cohorts = Set(signups.map(\.cohort)).sorted()
    #expect(cohorts.count == 3)
    var byCohort: [[UnplacedTerm]] = []
    for cohort in cohorts {
      let people = Set(signups.filter { $0.cohort == cohort }.map(\.id))
      let terms = CohortMatch.unplaced(unplaced, people: people)
      #expect(!terms.isEmpty, "\(cohort)")
      #expect(terms == CohortMatch.unplaced(skills.mentions, people: people), "\(cohort)")
      byCohort.append(terms)
    }
    #expect(byCohort[0] != byCohort[1] && byCohort[1] != byCohort[2])
    let everyone = CohortMatch.unplaced(unplaced, people: Set(signups.map(\.id)))
    #expect(everyone.reduce(0) { $0 + $1.occurrences } == byCohort.joined().reduce(0) { $0 + $1.occurrences })
    #expect(everyone.reduce(0) { $0 + $1.occurrences } == unplaced.count)
  }
}
