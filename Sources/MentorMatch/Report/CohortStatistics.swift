/// The aggregates the report's charts and data-quality tables show, computed
/// from a ``CohortReport``'s lists so that the page has one source of truth.
///
/// Deterministic: every grouping is sorted with explicit tie-breakers.
public struct CohortStatistics: Sendable, Equatable {
  /// One bar of the score distribution: pairs whose score is in `lower...upper`.
  public struct ScoreBin: Sendable, Equatable {
    public var lower: Int
    public var upper: Int
    public var pairs: Int
  }

  /// How many mentees of one group (a grade, a department, …) got a new pair.
  public struct GroupRate: Sendable, Equatable {
    /// The group's label; `(not given)` for an empty field.
    public var group: String
    /// Mentees of the group who needed a pair in this run (newly matched plus still waiting).
    public var mentees: Int
    /// Of those, the ones newly matched.
    public var matched: Int
  }

  /// Rejected rows sharing one reason.
  public struct RejectionGroup: Sendable, Equatable {
    public var reasonCode: String
    /// The rows, by file then line.
    public var rows: [RejectedRow]
  }

  /// How many people wait for one reason.
  public struct WaitingReason: Sendable, Equatable {
    public var reasonCode: String
    public var mentees: Int
    public var mentors: Int
  }

  /// A field the match-rate charts group mentees by.
  public enum Dimension: String, Sendable, CaseIterable {
    case grade, department, profession, location
  }

  /// The score distribution, lowest scores first; empty without pairs.
  public var scoreBins: [ScoreBin]
  /// Waiting people per reason code, most common first.
  public var waitingReasons: [WaitingReason]
  /// Skills by shortfall (wanted minus offered), largest first, then by demand, then by label.
  public var skillsByShortfall: [SkillSupply]
  /// Unplaced terms, most frequent first.
  public var unplacedTerms: [UnplacedTerm]
  /// Rejected rows grouped by reason, largest group first.
  public var rejections: [RejectionGroup]

  private var ratesByDimension: [Dimension: [GroupRate]]

  /// The match rates for one dimension: grades in rank order, other fields by
  /// number of mentees (largest first), then by label.
  public func rates(by dimension: Dimension) -> [GroupRate] { ratesByDimension[dimension] ?? [] }

  /// Computes every aggregate of `report`.
  public init(_ report: CohortReport, scoreBins binLimit: Int = 10) {
    scoreBins = Self.histogram(report.pairs.map(\.score), maxBins: binLimit)
    ratesByDimension = Self.matchRates(report)
    skillsByShortfall = report.skills.sorted {
      if $0.shortfall != $1.shortfall { return $0.shortfall > $1.shortfall }
      if $0.menteesWanting != $1.menteesWanting { return $0.menteesWanting > $1.menteesWanting }
      if $0.skill != $1.skill { return $0.skill < $1.skill }
      return $0.mentorsOffering < $1.mentorsOffering
    }
    unplacedTerms = report.unplacedTerms.sorted {
      if $0.occurrences != $1.occurrences { return $0.occurrences > $1.occurrences }
      if $0.people != $1.people { return $0.people > $1.people }
      return $0.term < $1.term
    }
    rejections = Self.groupRejections(report.rejected)
    var reasons: [String: WaitingReason] = [:]
    for entry in report.waiting where entry.isWaiting {
      var reason = reasons[entry.reasonCode] ?? WaitingReason(reasonCode: entry.reasonCode, mentees: 0, mentors: 0)
      if entry.role == .mentee { reason.mentees += 1 } else { reason.mentors += 1 }
      reasons[entry.reasonCode] = reason
    }
    waitingReasons = reasons.values.sorted {
      let (a, b) = ($0.mentees + $0.mentors, $1.mentees + $1.mentors)
      return a != b ? a > b : $0.reasonCode < $1.reasonCode
    }
  }

  /// Cuts `scores` into at most `maxBins` bars of one "nice" width (1, 2, 5 × 10ⁿ),
  /// the first starting at a multiple of the width, so labels read like "60–69".
  static func histogram(_ scores: [Int], maxBins: Int) -> [ScoreBin] {
    guard let low = scores.min(), let high = scores.max() else { return [] }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, span < Int.max / 4 else { return [ScoreBin(lower: low, upper: high, pairs: scores.count)] }
    let bins = max(1, maxBins)
    // width × bins > span, so `bins` bars starting at `low` always cover the
    // scores; aligning the first bar to a multiple of the width reads better
    // but can need one bar more, so try the next round width before giving up on it.
    let narrow = niceWidth(atLeast: (span + bins) / bins)
    let wide = niceWidth(atLeast: narrow + 1)
    let fits = { (width: Int, start: Int) in floorDivide(high - start, width) + 1 <= bins }
    var (width, start) = (narrow, floorDivide(low, narrow) * narrow)
    if !fits(width, start) {
      (width, start) = fits(wide, floorDivide(low, wide) * wide) ? (wide, floorDivide(low, wide) * wide) : (narrow, low)
    }
    let count = floorDivide(high - start, width) + 1
    var result = (0..<count).map { ScoreBin(lower: start + $0 * width, upper: start + ($0 + 1) * width - 1, pairs: 0) }
    for score in scores { result[floorDivide(score - start, width)].pairs += 1 }
    return result
  }

  /// The smallest of 1, 2, 5, 10, 20, 50, … that is at least `minimum`.
  static func niceWidth(atLeast minimum: Int) -> Int {
    var magnitude = 1
    while true {
      for step in [1, 2, 5] where step * magnitude >= minimum { return step * magnitude }
      magnitude *= 10
    }
  }

  private static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  private static func matchRates(_ report: CohortReport) -> [Dimension: [GroupRate]] {
    // One entry per mentee id. When an id comes more than once, the entry
    // first in report order fixes the person's fields, so duplicates cannot
    // make the result depend on input order (found without sorting everything).
    // Indices, not copies: a pair holds eighteen Strings and an array.
    let (pairs, waiting) = (report.pairs, report.waiting)
    var firstPair: [String: Int] = [:]
    firstPair.reserveCapacity(pairs.count)
    if ReportPair.inOrder(pairs) {
      // In order already (as the run hands them over): each id's first pair starts its run.
      for index in pairs.indices where index == 0 || pairs[index].mentee.id != pairs[index - 1].mentee.id {
        firstPair[pairs[index].mentee.id] = index
      }
    } else {
      for index in pairs.indices {
        if let kept = firstPair[pairs[index].mentee.id], !ReportPair.precedes(pairs[index], pairs[kept]) { continue }
        firstPair[pairs[index].mentee.id] = index
      }
    }
    var firstWait: [String: Int] = [:]
    for index in waiting.indices
    where waiting[index].role == .mentee && waiting[index].isWaiting && firstPair[waiting[index].person.id] == nil {
      if let kept = firstWait[waiting[index].person.id], !WaitingPerson.precedes(waiting[index], waiting[kept]) { continue }
      firstWait[waiting[index].person.id] = index
    }
    var result: [Dimension: [GroupRate]] = [:]
    for dimension in Dimension.allCases {
      var groups: [String: Group] = [:]
      for index in firstPair.values {
        let rank = pairs[index].mentee.gradeRank
        // One hash of the label per person, updated in place.
        groups[Self.label(pairs[index].mentee, dimension), default: Group(rank: rank)].count(rank: rank, matched: true)
      }
      for index in firstWait.values {
        let rank = waiting[index].person.gradeRank
        groups[Self.label(waiting[index].person, dimension), default: Group(rank: rank)].count(rank: rank, matched: false)
      }
      result[dimension] = groups.sorted { a, b in
        if dimension == .grade, a.value.rank != b.value.rank { return a.value.rank < b.value.rank }
        if dimension != .grade, a.value.mentees != b.value.mentees { return a.value.mentees > b.value.mentees }
        return a.key < b.key
      }.map { GroupRate(group: $0.key, mentees: $0.value.mentees, matched: $0.value.matched) }
    }
    return result
  }

  /// One group's tally while the match rates are counted.
  private struct Group {
    var rank: Int
    var mentees = 0
    var matched = 0

    mutating func count(rank: Int, matched isMatched: Bool) {
      self.rank = min(self.rank, rank)
      mentees += 1
      if isMatched { matched += 1 }
    }
  }

  private static func label(_ person: ReportPerson, _ dimension: Dimension) -> String {
    let value: String
    switch dimension {
    case .grade: value = person.grade
    case .department: value = person.department
    case .profession: value = person.profession
    case .location: value = person.location
    }
    return value.isEmpty ? "(not given)" : value
  }

  private static func groupRejections(_ rows: [RejectedRow]) -> [RejectionGroup] {
    var byCode: [String: [RejectedRow]] = [:]
    for row in rows { byCode[row.reasonCode, default: []].append(row) }
    return byCode.map { code, rows in
      RejectionGroup(reasonCode: code, rows: rows.sorted {
        if $0.file != $1.file { return $0.file < $1.file }
        if $0.line != $1.line { return $0.line < $1.line }
        if $0.field != $1.field { return $0.field < $1.field }
        return $0.message < $1.message
      })
    }.sorted {
      if $0.rows.count != $1.rows.count { return $0.rows.count > $1.rows.count }
      return $0.reasonCode < $1.reasonCode
    }
  }
}
