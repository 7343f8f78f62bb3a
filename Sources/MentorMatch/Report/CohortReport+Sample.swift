extension CohortReport {
  /// A made-up cohort for demonstrations, the browser check and the benchmark:
  /// `mentees` mentees, a third as many mentors of capacity two, about three in
  /// four mentees matched. Deterministic for a given `seed`; no real person.
  ///
  /// - Parameter hostile: adds people, a rejected row and a skill whose text
  ///   holds HTML and spreadsheet-formula payloads, to show they are neutralised.
  public static func sample(cohort: String = "Spring 2026", mentees: Int, seed: UInt64 = 1, hostile: Bool = false) -> CohortReport {
    var random = SampleRandom(seed: seed)
    let grades = ["AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1"]
    func person(_ prefix: String, _ number: Int, senior: Bool) -> ReportPerson {
      let given = SampleWords.givenNames[random.next(SampleWords.givenNames.count)]
      let family = SampleWords.familyNames[random.next(SampleWords.familyNames.count)]
      let rank = senior ? 3 + random.next(5) : random.next(5)
      return ReportPerson(
        id: "\(prefix)\(String(number + 100_000).dropFirst())", givenName: given, familyName: family,
        email: "\(given).\(family)\(number)@example.gov.uk".lowercased(), grade: grades[rank], gradeRank: rank,
        department: SampleWords.departments[random.next(SampleWords.departments.count)],
        profession: SampleWords.professions[random.next(SampleWords.professions.count)],
        location: SampleWords.locations[random.next(SampleWords.locations.count)])
    }
    let mentors = (0..<max(1, mentees / 3)).map { person("R", $0, senior: true) }
    var pairs: [ReportPair] = []
    var waiting: [WaitingPerson] = []
    var load = [Int](repeating: 0, count: mentors.count)
    for number in 0..<mentees {
      let mentee = person("E", number, senior: false)
      let mentorIndex = random.next(mentors.count)
      let roll = random.next(100)
      if roll < 76, load[mentorIndex] < 2 {
        load[mentorIndex] += 1
        let mentor = mentors[mentorIndex]
        let skill = SampleWords.skills[random.next(SampleWords.skills.count)]
        let score = 30 + random.next(36) + random.next(36)
        pairs.append(ReportPair(mentee: mentee, mentor: mentor, score: score, explanation: [
          "mentor offers '\(skill)', which the mentee wants",
          "mentor is \(mentor.grade) and mentee is \(mentee.grade), as the grade rule asks",
          mentor.department == mentee.department ? "same department, allowed for this cohort" : "different departments, as the programme prefers",
        ]))
      } else {
        let reason = SampleWords.waitingReasons[roll % SampleWords.waitingReasons.count]
        waiting.append(WaitingPerson(person: mentee, role: .mentee, reasonCode: reason.code, reason: reason.words))
      }
    }
    for (index, mentor) in mentors.enumerated() where load[index] == 0 {
      waiting.append(WaitingPerson(person: mentor, role: .mentor, reasonCode: "no-suitable-mentee", reason: "no waiting mentee wants a skill this mentor offers"))
    }
    var skills = SampleWords.skills.map { SkillSupply(skill: $0, menteesWanting: 0, mentorsOffering: 0) }
    for _ in 0..<mentees { skills[random.next(skills.count) * random.next(2)].menteesWanting += 1 }
    for _ in 0..<(mentors.count * 2) { skills[random.next(skills.count)].mentorsOffering += 1 }
    var rejected = (0..<min(40, 1 + mentees / 50)).map { index in
      let kind = SampleWords.rejections[index % SampleWords.rejections.count]
      return RejectedRow(file: "signups.csv", line: 2 + index * 37 % max(2, mentees), field: kind.field, reasonCode: kind.code, message: "signups.csv:\(2 + index * 37 % max(2, mentees)): \(kind.message)")
    }
    var unplaced = SampleWords.unplacedTerms.enumerated().map { UnplacedTerm(term: $1, occurrences: (mentees / 20 + 3) / ($0 + 1), people: (mentees / 25 + 2) / ($0 + 1)) }
    if hostile {
      let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)"]
      for (index, payload) in payloads.enumerated() {
        let evil = ReportPerson(id: "X\(index)", givenName: payload, familyName: payload, email: "x\(index)@example.gov.uk", grade: "EO", gradeRank: 2, department: payload, profession: payload, location: payload)
        waiting.append(WaitingPerson(person: evil, role: .mentee, reasonCode: "excluded-by-rule", reason: "rule '\(payload)' excluded every candidate"))
        skills.append(SkillSupply(skill: payload, menteesWanting: 1, mentorsOffering: 0))
        unplaced.append(UnplacedTerm(term: payload, occurrences: 1, people: 1))
        rejected.append(RejectedRow(file: "signups.csv", line: 9_000 + index, field: payload, reasonCode: "unknown-grade", message: "signups.csv:\(9_000 + index): unknown grade '\(payload)'"))
      }
    }
    let matchedMentees = pairs.count
    let matchedMentors = load.filter { $0 > 0 }.count
    let counts = Counts(
      signupsRead: mentees + mentors.count + rejected.count + mentees / 100, accepted: mentees + mentors.count,
      rejected: rejected.count, superseded: mentees / 100,
      menteesNewlyMatched: matchedMentees, mentorsNewlyMatched: matchedMentors, menteesAlreadyMatched: mentees / 10,
      mentorsAlreadyMatched: mentors.count / 10,
      menteesWaiting: waiting.filter { $0.role == .mentee }.count, mentorsWaiting: mentors.count - matchedMentors)
    return CohortReport(
      programme: "Civil Service Mentoring Scheme", cohort: cohort, runID: "2026-11-28T020000Z", asOf: "2026-11-28 02:00 UTC",
      algorithm: "stable matching (mentee-proposing deferred acceptance)", objective: "mentee-optimal stable matching",
      checkerResult: "0 blocking pairs", counts: counts, pairs: pairs, waiting: waiting, rejected: rejected,
      unplacedTerms: unplaced, skills: skills)
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014), so samples are the same on every platform.
struct SampleRandom {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  /// A number in `0..<bound`.
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(max(1, bound)))
  }
}
