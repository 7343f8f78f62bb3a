import Dispatch
import Foundation

/// Finds, for every mentee of a cohort, the K best eligible mentors.
///
/// Ranking: total score descending, then mentor id ascending (byte order of
/// the id string). The indexed and exhaustive strategies return identical
/// lists; work is split into fixed chunks of the index's search order
/// (``CandidateIndex/searchOrder()``), and each list is put back in its
/// mentee's place, so the output never depends on scheduling or on that order.
public enum CandidateGenerator {
  /// Mentees per unit of parallel work, at most.
  static let chunkSize = 512

  /// Mentees per unit of parallel work for a cohort of `count`: at most
  /// ``chunkSize``, and small enough for eight units per core, because
  /// mentees' costs differ by grade band and two big units leave one core
  /// idle while the other finishes.
  static func chunkSize(menteeCount count: Int, cores: Int) -> Int {
    min(chunkSize, max(16, (count + 8 * cores - 1) / max(1, 8 * cores)))
  }

  /// Scores the cohort under the rules and keeps the top `settings.k` per mentee.
  ///
  /// - Parameters:
  ///   - cohort: the cohort's mentees, mentors, hierarchy and prior pairs.
  ///   - rules: from ``RuleSet/parse(_:knownFields:)``.
  ///   - settings: K and strategy, from `[candidates]`.
  ///   - parallel: spread mentees over all cores (results are identical either way).
  ///   - progress: told how many more mentees are done, from the threads
  ///     that did them, as each chunk of mentees finishes.
  /// - Throws: ``ScoringError`` for duplicate ids or negative grades.
  public static func generate(
    _ cohort: ScoringCohort, rules: RuleSet, settings: CandidateSettings = CandidateSettings(),
    parallel: Bool = true, progress: (@Sendable (_ mentees: Int) -> Void)? = nil
  ) throws(ScoringError) -> CandidateLists {
    try generate(cohort, rules: rules, settings: settings, parallel: parallel, path: .auto, progress: progress)
  }

  /// ``generate(_:rules:settings:parallel:progress:)`` with the index's search
  /// path (and how often the dense pass renews its cutoff) forced, for tests.
  static func generate(
    _ cohort: ScoringCohort, rules: RuleSet, settings: CandidateSettings, parallel: Bool,
    path: CandidateIndex.SearchPath, renewal: Int = 4096, progress: (@Sendable (_ mentees: Int) -> Void)? = nil
  ) throws(ScoringError) -> CandidateLists {
    let tables = try CohortTables(cohort: cohort, rules: rules)
    let pairs = cohort.mentees.count * cohort.mentors.count
    let indexed: Bool
    switch settings.strategy {
    case .exhaustive: indexed = false
    case .indexed: indexed = true
    case .auto: indexed = pairs >= settings.exhaustiveBelow
    }
    let index = indexed ? CandidateIndex(tables: tables, path: path, renewal: renewal) : nil
    let k = settings.k
    let menteeCount = cohort.mentees.count
    // Searched in the index's order, which saves work; each list goes back
    // to its mentee's place, so the result is in mentee order whatever the order.
    let order = index?.searchOrder() ?? (0..<menteeCount).map { Int32($0) }
    let chunkSize = Self.chunkSize(menteeCount: menteeCount, cores: ParallelWork.cores)
    let chunks = (menteeCount + chunkSize - 1) / chunkSize
    let pool = ScratchPool(mentors: cohort.mentors.count)
    let work: @Sendable (Int) -> (lists: [[CandidatePair]], reasons: [NoCandidateReasons]) = { chunk in
      let range = (chunk * chunkSize)..<Swift.min(menteeCount, (chunk + 1) * chunkSize)
      var scratch = pool.take()
      var lists: [[CandidatePair]] = []
      var reasons: [NoCandidateReasons] = []
      lists.reserveCapacity(range.count)
      for i in range.lazy.map({ Int(order[$0]) }) {
        let entries = index?.search(i, k: k, scratch: &scratch) ?? exhaustive(tables, i, k: k)
        lists.append(entries.map { entry in
          let j = Int(entry.mentor)
          let score = tables.sides(i, j, total: entry.score, covered: entry.covered)
          assert(score == tables.score(i, j), "search and reference disagree on a pair's scores")
          return CandidatePair(mentee: i, mentor: j, menteeScore: score.menteeSide,
                               mentorScore: score.mentorSide, total: score.total)
        })
        if entries.isEmpty { reasons.append(tables.reasons(forMentee: i)) }
      }
      pool.give(scratch)
      progress?(range.count)
      return (lists, reasons)
    }
    let results = ParallelWork.map(chunks, concurrency: parallel ? ParallelWork.cores : 1, work)
    var candidates = [[CandidatePair]](repeating: [], count: menteeCount)
    for (chunk, result) in results.enumerated() {
      for (n, list) in result.lists.enumerated() { candidates[Int(order[chunk * chunkSize + n])] = list }
    }
    let unmatched = results.flatMap(\.reasons).sorted { $0.mentee < $1.mentee }
    return CandidateLists(candidates: candidates, unmatched: unmatched, indexed: indexed, tables: tables)
  }

  /// Scores every mentor for mentee `i`: the reference the index must equal.
  static func exhaustive(_ tables: CohortTables, _ i: Int, k: Int) -> [TopK.Entry] {
    let ranks = tables.mentorRank
    var top = TopK(k: k)
    for j in tables.mentors.indices {
      guard let score = tables.score(i, j) else { continue }
      top.offer(TopK.Entry(score: score.total, rank: ranks[j], mentor: Int32(j)))
    }
    return top.sorted()
  }
}

/// Reuses scratch arrays across chunks so each worker allocates them once.
private final class ScratchPool: @unchecked Sendable {
  private let lock = NSLock()
  private var free: [SearchScratch] = []
  private let mentors: Int

  init(mentors: Int) {
    self.mentors = mentors
  }

  func take() -> SearchScratch {
    lock.lock()
    let scratch = free.popLast()
    lock.unlock()
    return scratch ?? SearchScratch(mentors: mentors)
  }

  func give(_ scratch: SearchScratch) {
    lock.lock()
    free.append(scratch)
    lock.unlock()
  }
}
