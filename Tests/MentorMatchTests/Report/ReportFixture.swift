@testable import MentorMatch

/// A small hand-made cohort whose aggregates are worked out by hand in the tests.
enum ReportFixture {
  static func person(_ id: String, _ given: String, _ family: String, grade: String, rank: Int, department: String, profession: String, location: String) -> ReportPerson {
    ReportPerson(
      id: id, givenName: given, familyName: family, email: "\(given).\(family)@example.gov.uk".lowercased(),
      grade: grade, gradeRank: rank, department: department, profession: profession, location: location)
  }

  static let ada = person("E1", "Ada", "Lovelace", grade: "HEO", rank: 3, department: "HMRC", profession: "Digital", location: "Leeds")
  static let ben = person("E2", "Ben", "Okri", grade: "EO", rank: 2, department: "DWP", profession: "Policy", location: "London")
  static let cara = person("E3", "Cara", "Dune", grade: "EO", rank: 2, department: "HMRC", profession: "Policy", location: "Leeds")
  static let dan = person("E4", "Dan", "Jones", grade: "AO", rank: 1, department: "DWP", profession: "Digital", location: "Leeds")
  static let eve = person("E5", "Eve", "Adams", grade: "EO", rank: 2, department: "HMRC", profession: "Finance", location: "Cardiff")
  static let grace = person("R1", "Grace", "Hopper", grade: "G7", rank: 5, department: "HMRC", profession: "Digital", location: "London")
  static let hamid = person("R2", "Hamid", "Khan", grade: "SEO", rank: 4, department: "DWP", profession: "Policy", location: "Leeds")
  static let iris = person("R3", "Iris", "Murdoch", grade: "G6", rank: 6, department: "DfE", profession: "Analysis", location: "Cardiff")

  static func cohort() -> CohortReport {
    CohortReport(
      programme: "Civil Service Mentoring Scheme", cohort: "Spring 2026", runID: "2026-03-01T020000Z", asOf: "2026-03-01 02:00 UTC",
      algorithm: "stable matching (mentee-proposing deferred acceptance)", objective: "mentee-optimal stable matching",
      checkerResult: "0 blocking pairs",
      counts: CohortReport.Counts(
        signupsRead: 12, accepted: 9, rejected: 3, superseded: 0, menteesNewlyMatched: 3, mentorsNewlyMatched: 2,
        menteesAlreadyMatched: 1, mentorsAlreadyMatched: 0, menteesWaiting: 2, mentorsWaiting: 1),
      pairs: [
        ReportPair(mentee: cara, mentor: grace, score: 71, explanation: ["mentor offers 'coaching', which the mentee wants", "same location: Leeds"]),
        ReportPair(mentee: ada, mentor: grace, score: 87, explanation: ["mentor offers 'data analysis', which the mentee wants", "mentor is two grades above the mentee"]),
        ReportPair(mentee: ben, mentor: hamid, score: 64, explanation: ["mentor offers 'policy writing', which the mentee wants"]),
      ],
      waiting: [
        WaitingPerson(person: iris, role: .mentor, reasonCode: "no-suitable-mentee", reason: "no waiting mentee wants a skill this mentor offers"),
        WaitingPerson(person: eve, role: .mentee, reasonCode: "no-skill-offered", reason: "no mentor offers any skill this mentee wants"),
        WaitingPerson(person: dan, role: .mentee, reasonCode: "all-mentors-full", reason: "every eligible mentor is already at capacity"),
      ],
      rejected: [
        RejectedRow(file: "signups.csv", line: 12, field: "grade", reasonCode: "unknown-grade", message: "signups.csv:12: unknown grade 'Grade 7'"),
        RejectedRow(file: "signups.csv", line: 3, field: "email", reasonCode: "bad-email", message: "signups.csv:3: email is not an address"),
        RejectedRow(file: "signups.csv", line: 7, field: "grade", reasonCode: "unknown-grade", message: "signups.csv:7: unknown grade 'G8'"),
      ],
      unplacedTerms: [
        UnplacedTerm(term: "comms", occurrences: 4, people: 3),
        UnplacedTerm(term: "excel wizardry", occurrences: 4, people: 4),
        UnplacedTerm(term: "resilience", occurrences: 2, people: 2),
      ],
      skills: [
        SkillSupply(skill: "coaching", menteesWanting: 3, mentorsOffering: 1),
        SkillSupply(skill: "data analysis", menteesWanting: 2, mentorsOffering: 2),
        SkillSupply(skill: "policy writing", menteesWanting: 4, mentorsOffering: 1),
        SkillSupply(skill: "negotiation", menteesWanting: 0, mentorsOffering: 2),
      ])
  }
}
