import Foundation
import Testing

@testable import MentorMatch

/// ``TenthsProgress``: each tenth of a step reported once, in order, however
/// the work is split over threads; small steps not at all.
@Suite struct TenthsProgressTests {
  /// Collects reports from any thread.
  final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [RunProgress] = []
    func add(_ progress: RunProgress) {
      lock.lock()
      list.append(progress)
      lock.unlock()
    }
    var all: [RunProgress] {
      lock.lock()
      defer { lock.unlock() }
      return list
    }
  }

  @Test(arguments: [1, 7, 997, 25_000])
  func eachTenthOnceInOrder(chunk: Int) throws {
    let reports = Reports()
    let total = 25_000
    let progress = try #require(TenthsProgress(step: "candidates", item: "spring", total: total, report: reports.add))
    let chunks = (total + chunk - 1) / chunk
    _ = ParallelWork.map(chunks, concurrency: 2) { index in
      progress.add(min(chunk, total - index * chunk))
    }
    let seen = reports.all
    #expect(seen.map { $0.done * 10 / total } == Array(1...10).suffix(seen.count))
    #expect(seen.count == min(10, chunks), "one line per tenth reached")
    #expect(seen.last?.done == total)
    #expect(seen.allSatisfy { $0.step == "candidates" && $0.item == "spring" && $0.total == total })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done < $1.done })
  }

  @Test func smallStepsAreNotReported() {
    #expect(TenthsProgress(step: "candidates", item: "x", total: TenthsProgress.smallest - 1) { _ in } == nil)
    #expect(TenthsProgress(step: "candidates", item: "x", total: TenthsProgress.smallest) { _ in } != nil)
  }

  /// The candidate generator tells how many mentees each finished chunk held:
  /// every mentee exactly once.
  @Test func candidateGenerationCountsEveryMentee() throws {
    let cohort = SyntheticCohort.make(mentees: 1_500, mentors: 600, concepts: 300, skills: 5, seed: 9)
    let counts = Reports()
    _ = try CandidateGenerator.generate(
      cohort, rules: try parseRules(SyntheticCohort.rulesTOML), settings: CandidateSettings(k: 20, strategy: .indexed),
      progress: { counts.add(RunProgress(step: "", done: $0, total: 0, item: "")) })
    #expect(counts.all.map(\.done).reduce(0, +) == 1_500)
    #expect(counts.all.count > 1, "reported chunk by chunk")
  }
}
