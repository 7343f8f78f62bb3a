import ArgumentParser
import Foundation
import MentorMatch

/// Times the candidate stage alone on a generated cohort.
struct BenchCandidates: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "candidates",
    abstract: "Generate a cohort in memory and time top-K candidate generation.",
    discussion: """
      Prints one line of key=value figures; only the candidate stage is timed.

      Example:
        mentormatch bench candidates --mentees 100000 --mentors 40000 --seed 1
      """,
    shouldDisplay: false
  )

  @Option(help: "Mentees in the cohort.")
  var mentees = 100_000
  @Option(help: "Mentors in the cohort.")
  var mentors = 40_000
  @Option(help: "Concepts in the generated taxonomy.")
  var concepts = 2_000
  @Option(help: "Skills wanted per mentee and offered per mentor.")
  var skills = 10
  @Option(help: "Candidates kept per mentee.")
  var k = 50
  @Option(help: "Generator seed.")
  var seed: UInt64 = 1
  @Option(help: "indexed, exhaustive or auto.")
  var strategy = "indexed"
  @Flag(help: "Use one core.")
  var serial = false

  func validate() throws {
    guard mentees >= 0, mentors >= 0, concepts >= 130, skills >= 1, k >= 1 else {
      throw ValidationError("'--mentees' and '--mentors' must be ≥ 0, '--concepts' ≥ 130, '--skills' and '--k' ≥ 1")
    }
    guard CandidateSettings.Strategy(rawValue: strategy) != nil else {
      throw ValidationError("'--strategy' must be indexed, exhaustive or auto")
    }
  }

  func run() throws {
    try runReportingErrors {
      let clock = ContinuousClock()
      var cohort: ScoringCohort?
      let generation = clock.measure {
        cohort = SyntheticCohort.make(mentees: mentees, mentors: mentors, concepts: concepts, skills: skills, seed: seed)
      }
      guard let cohort else { return }
      let root = try ConfigSection.parse(SyntheticCohort.rulesTOML, file: "bench.toml", baseDirectory: ".")
      let rules = try RuleSet.parse(root.sections("rules") ?? [], knownFields: SyntheticCohort.fields)
      let settings = CandidateSettings(k: k, strategy: CandidateSettings.Strategy(rawValue: strategy) ?? .indexed)
      var lists: CandidateLists?
      var failure: ScoringError?
      let elapsed = clock.measure {
        do { lists = try CandidateGenerator.generate(cohort, rules: rules, settings: settings, parallel: !serial) }
        catch let error as ScoringError { failure = error } catch {}
      }
      if let failure { throw failure }
      guard let lists else { return }
      print("mentees=\(mentees) mentors=\(mentors) concepts=\(concepts) skills=\(skills) k=\(k) "
        + "strategy=\(lists.indexed ? "indexed" : "exhaustive") threads=\(serial ? 1 : ProcessInfo.processInfo.activeProcessorCount) "
        + "generate_s=\(generation.secondsText) candidates_s=\(elapsed.secondsText) pairs=\(lists.candidates.reduce(0) { $0 + $1.count }) "
        + "unmatched=\(lists.unmatched.count) checksum=\(String(lists.checksum, radix: 16))")
    }
  }
}
