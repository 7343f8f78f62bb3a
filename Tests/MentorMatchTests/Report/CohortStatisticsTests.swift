import Testing

@testable import MentorMatch

@Suite struct CohortStatisticsTests {
  typealias Rate = CohortStatistics.GroupRate
  typealias Bin = CohortStatistics.ScoreBin

  // Worked by hand from ReportFixture: mentees E1 Ada (HEO, HMRC, Digital, Leeds, matched),
  // E2 Ben (EO, DWP, Policy, London, matched), E3 Cara (EO, HMRC, Policy, Leeds, matched),
  // E4 Dan (AO, DWP, Digital, Leeds, waiting), E5 Eve (EO, HMRC, Finance, Cardiff, waiting).
  // The waiting mentor Iris counts in no mentee rate.
  @Test func matchRatesByEachDimension() {
    let statistics = CohortStatistics(ReportFixture.cohort())
    #expect(statistics.rates(by: .grade) == [
      Rate(group: "AO", mentees: 1, matched: 0), Rate(group: "EO", mentees: 3, matched: 2), Rate(group: "HEO", mentees: 1, matched: 1),
    ])
    #expect(statistics.rates(by: .department) == [Rate(group: "HMRC", mentees: 3, matched: 2), Rate(group: "DWP", mentees: 2, matched: 1)])
    #expect(statistics.rates(by: .profession) == [
      Rate(group: "Digital", mentees: 2, matched: 1), Rate(group: "Policy", mentees: 2, matched: 2), Rate(group: "Finance", mentees: 1, matched: 0),
    ])
    #expect(statistics.rates(by: .location) == [
      Rate(group: "Leeds", mentees: 3, matched: 2), Rate(group: "Cardiff", mentees: 1, matched: 0), Rate(group: "London", mentees: 1, matched: 1),
    ])
  }

  // Scores 87, 64, 71: span 23, at most 10 bars → width ⌊33/10⌋ = 3 → nice 5, first bar at 60.
  @Test func scoreDistributionOfTheFixture() {
    #expect(CohortStatistics(ReportFixture.cohort()).scoreBins == [
      Bin(lower: 60, upper: 64, pairs: 1), Bin(lower: 65, upper: 69, pairs: 0), Bin(lower: 70, upper: 74, pairs: 1),
      Bin(lower: 75, upper: 79, pairs: 0), Bin(lower: 80, upper: 84, pairs: 0), Bin(lower: 85, upper: 89, pairs: 1),
    ])
  }

  @Test(arguments: [
    ([0, 100], 10, [Bin(lower: 0, upper: 19, pairs: 1), Bin(lower: 20, upper: 39, pairs: 0), Bin(lower: 40, upper: 59, pairs: 0),
                    Bin(lower: 60, upper: 79, pairs: 0), Bin(lower: 80, upper: 99, pairs: 0), Bin(lower: 100, upper: 119, pairs: 1)]),
    ([-3, 2, 2], 10, [-3, -2, -1, 0, 1, 2].map { Bin(lower: $0, upper: $0, pairs: $0 == -3 ? 1 : $0 == 2 ? 2 : 0) }),
    ([7, 7, 7], 10, [Bin(lower: 7, upper: 7, pairs: 3)]),
    ([1, 20], 10, [Bin(lower: 0, upper: 4, pairs: 1), Bin(lower: 5, upper: 9, pairs: 0), Bin(lower: 10, upper: 14, pairs: 0),
                   Bin(lower: 15, upper: 19, pairs: 0), Bin(lower: 20, upper: 24, pairs: 1)]),
    ([], 10, []),
  ])
  func histogram(scores: [Int], bins: Int, expected: [Bin]) {
    #expect(CohortStatistics.histogram(scores, maxBins: bins) == expected)
  }

  @Test func histogramNeverHasMoreBarsThanAsked() {
    var random = SampleRandom(seed: 7)
    for _ in 0..<500 {
      let scores = (0..<(1 + random.next(30))).map { _ in random.next(2_000) - 500 }
      let limit = 1 + random.next(12)
      let bins = CohortStatistics.histogram(scores, maxBins: limit)
      #expect(bins.count <= limit)
      #expect(bins.reduce(0) { $0 + $1.pairs } == scores.count)
      for (bin, next) in zip(bins, bins.dropFirst()) { #expect(bin.upper + 1 == next.lower) }
      #expect(bins.first!.lower <= scores.min()! && scores.max()! <= bins.last!.upper)
    }
  }

  @Test func skillsByShortfallThenDemandThenLabel() {
    let skills = CohortStatistics(ReportFixture.cohort()).skillsByShortfall.map(\.skill)
    // policy writing 4−1=3, coaching 3−1=2, data analysis 0 (wanted 2), negotiation 0 (wanted 0).
    #expect(skills == ["policy writing", "coaching", "data analysis", "negotiation"])
  }

  @Test func unplacedTermsByOccurrencesThenPeople() {
    #expect(CohortStatistics(ReportFixture.cohort()).unplacedTerms.map(\.term) == ["excel wizardry", "comms", "resilience"])
  }

  @Test func rejectionsGroupedByReasonWithLinesInOrder() {
    let groups = CohortStatistics(ReportFixture.cohort()).rejections
    #expect(groups.map(\.reasonCode) == ["unknown-grade", "bad-email"])
    #expect(groups.first?.rows.map(\.line) == [7, 12])
  }

  @Test func waitingReasonsCountEachSide() {
    #expect(CohortStatistics(ReportFixture.cohort()).waitingReasons == [
      .init(reasonCode: "all-mentors-full", mentees: 1, mentors: 0),
      .init(reasonCode: "no-skill-offered", mentees: 1, mentors: 0),
      .init(reasonCode: "no-suitable-mentee", mentees: 0, mentors: 1),
    ])
  }

  /// Someone who left the export keeps their pairs: listed in the report, but
  /// not waiting, so neither a waiting reason nor a mentee who needed a pair.
  /// (Night 2 of the demo showed "(not given) 0% (0 of 1)" in every match-rate chart.)
  @Test func someoneNoLongerInTheExportIsNotWaiting() {
    var report = ReportFixture.cohort()
    let gone = ReportPerson(
      id: "E9", givenName: "", familyName: "", email: "", grade: "", gradeRank: -1, department: "", profession: "", location: "")
    report.waiting.append(
      WaitingPerson(person: gone, role: .mentee, reasonCode: WaitingPerson.notInExport, reason: "no longer in the export"))
    let statistics = CohortStatistics(report)
    #expect(statistics == CohortStatistics(ReportFixture.cohort()))
    #expect(!statistics.waitingReasons.contains { $0.reasonCode == WaitingPerson.notInExport })
    #expect(statistics.rates(by: .grade).allSatisfy { $0.group != "(not given)" })
  }

  @Test func aMenteeWithANewPairAndStillWaitingCountsAsMatchedOnce() {
    var report = ReportFixture.cohort()
    report.waiting.append(WaitingPerson(person: ReportFixture.ada, role: .mentee, reasonCode: "all-mentors-full", reason: "second place"))
    #expect(CohortStatistics(report).rates(by: .grade).last == Rate(group: "HEO", mentees: 1, matched: 1))
  }

  @Test func aDuplicateIdWithDifferentFieldsGivesTheSameRatesInAnyOrder() {
    var moved = ReportFixture.dan
    moved.department = "Cabinet Office"
    var report = ReportFixture.cohort()
    report.waiting.append(WaitingPerson(person: moved, role: .mentee, reasonCode: "all-mentors-full", reason: "a later row"))
    var reversed = report
    reversed.waiting.reverse()
    #expect(CohortStatistics(report) == CohortStatistics(reversed))
    #expect(CohortStatistics(report).rates(by: .department).map(\.mentees).reduce(0, +) == 5)
  }

  @Test(arguments: [(0, 3, "0%"), (2, 3, "67%"), (1, 8, "13%"), (1, 200, "1%"), (1, 201, "0%"), (5, 0, "–")])
  func percentRoundsHalfUp(part: Int, whole: Int, expected: String) {
    #expect(ReportFormat.percent(part, of: whole) == expected)
  }

  @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (100_000, "100,000"), (-1234567, "−1,234,567")])
  func countsHaveThousandsSeparators(value: Int, expected: String) {
    #expect(ReportFormat.count(value) == expected)
  }

  /// Match rates by index against the plain definition (a dictionary of
  /// copied people per mentee id) on seeded reports full of duplicate ids.
  @Test(arguments: [11, 12, 13] as [UInt64])
  func matchRatesEqualThePlainDefinitionOnSeededReports(seed: UInt64) {
    var random = SampleRandom(seed: seed)
    var report = CohortReport.sample(mentees: 400, seed: seed)
    let departments = ["", "HMRC", "DWP"]
    for _ in 0..<120 {
      // Another pair or waiting entry for an id already listed, with other fields.
      var person = report.pairs[random.next(report.pairs.count)].mentee
      person.department = departments[random.next(departments.count)]
      person.gradeRank = random.next(8)
      if random.next(2) == 0 {
        let mentor = report.pairs[random.next(report.pairs.count)].mentor
        report.pairs.append(ReportPair(mentee: person, mentor: mentor, score: random.next(90), explanation: []))
      } else {
        report.waiting.append(WaitingPerson(person: person, role: random.next(3) == 0 ? .mentor : .mentee, reasonCode: "all-mentors-full", reason: "\(random.next(5))"))
      }
    }
    for index in report.pairs.indices.reversed() { report.pairs.swapAt(index, random.next(index + 1)) }
    for index in report.waiting.indices.reversed() { report.waiting.swapAt(index, random.next(index + 1)) }
    let statistics = CohortStatistics(report)
    for dimension in CohortStatistics.Dimension.allCases {
      #expect(statistics.rates(by: dimension) == Self.plainRates(report, dimension), "\(dimension)")
    }
  }

  /// The match rates as first written, copying each mentee's pair or entry.
  static func plainRates(_ report: CohortReport, _ dimension: CohortStatistics.Dimension) -> [Rate] {
    var firstPair: [String: ReportPair] = [:]
    for pair in report.pairs {
      if let kept = firstPair[pair.mentee.id], !ReportPair.precedes(pair, kept) { continue }
      firstPair[pair.mentee.id] = pair
    }
    var firstWait: [String: WaitingPerson] = [:]
    for entry in report.waiting where entry.role == .mentee && firstPair[entry.person.id] == nil {
      if let kept = firstWait[entry.person.id], !WaitingPerson.precedes(entry, kept) { continue }
      firstWait[entry.person.id] = entry
    }
    var mentees: [String: (person: ReportPerson, matched: Bool)] = firstPair.mapValues { ($0.mentee, true) }
    for (id, entry) in firstWait { mentees[id] = (entry.person, false) }
    var groups: [String: (rank: Int, mentees: Int, matched: Int)] = [:]
    for (_, entry) in mentees {
      let value: String
      switch dimension {
      case .grade: value = entry.person.grade
      case .department: value = entry.person.department
      case .profession: value = entry.person.profession
      case .location: value = entry.person.location
      }
      let label = value.isEmpty ? "(not given)" : value
      var group = groups[label] ?? (rank: entry.person.gradeRank, mentees: 0, matched: 0)
      group.rank = min(group.rank, entry.person.gradeRank)
      group.mentees += 1
      if entry.matched { group.matched += 1 }
      groups[label] = group
    }
    return groups.sorted { a, b in
      if dimension == .grade, a.value.rank != b.value.rank { return a.value.rank < b.value.rank }
      if dimension != .grade, a.value.mentees != b.value.mentees { return a.value.mentees > b.value.mentees }
      return a.key < b.key
    }.map { Rate(group: $0.key, mentees: $0.value.mentees, matched: $0.value.matched) }
  }
}
