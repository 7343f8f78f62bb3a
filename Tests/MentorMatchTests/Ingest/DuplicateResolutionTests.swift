import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// Random sign-ups in file and line order whose ids, addresses (in mixed
/// case) and times collide often.
private func randomSignups(_ rng: inout SeededGenerator) -> [Signup] {
  let ids = ["P1", "P2", "P10", "P1000000001", "P1000000002", "Q1", "p1", "e-0123456789abcdef"]
  let emails = ["ann@x.gov.uk", "ANN@x.gov.uk", "bob@x.gov.uk", "Bob@X.GOV.UK", "cy@y.gov.uk", "dee@y.gov.uk"]
  let times = ["", "2025-01-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-11-02T09:30:00Z", "2026-11-02T09:30:01Z"]
  let cohorts = ["general", "ddat-2026", "women-in-leadership-2026"]
  var fileIndex = 0
  var line = 1
  return (0..<Int.random(in: 0...60, using: &rng)).map { record in
    if Int.random(in: 0..<8, using: &rng) == 0 { fileIndex += 1 }
    line += Int.random(in: 1...3, using: &rng)
    let role = Role.allCases.randomElement(using: &rng)!
    return Signup(
      id: ids.randomElement(using: &rng)!, givenName: "G", familyName: "", email: emails.randomElement(using: &rng)!,
      role: role, gradeIndex: 0, grade: "AA", department: "", profession: "", location: "", skillsOfferedText: "",
      skillsWantedText: "", mentorCapacity: role.isMentor ? 1 : 0, menteeCapacity: role.isMentee ? 1 : 0,
      cohort: cohorts.randomElement(using: &rng)!, lineManagerEmail: "", signedUpAt: times.randomElement(using: &rng)!,
      extra: [:], source: RecordLocation(file: "f\(fileIndex).csv", fileIndex: fileIndex, line: line, record: record + 1))
  }
}

private let header = "id,given_name,family_name,email,role,grade,department,profession,location,skills_offered,skills_wanted,capacity,cohort,line_manager_email,consent,signed_up_at"

/// One input file, `a.csv`, with no reject-share limit.
private func inputSettings() throws -> InputSettings {
  let toml = """
    [input]
    max_reject_share = 1.0
    [[input.files]]
    path = "a.csv"
    """
  return try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
}

private func ingest(_ rows: [String]) throws -> IngestResult {
  let settings = try inputSettings()
  return try SignupIngest.read(settings: settings) { file throws(CSVError) in
    CSVReader(bytes: Array(([header] + rows).joined(separator: "\r\n").utf8), name: file.name, options: settings.csv)
  }
}

@Suite struct DuplicateResolutionTests {
  /// Resolution on hashed byte keys keeps, orders and supersedes exactly
  /// as resolution on Strings does.
  @Test(arguments: 0..<40)
  func keyedResolutionMatchesResolutionByText(_ seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 104_729 &+ 3)
    var signups = randomSignups(&rng)
    if seed % 2 == 1 {
      // A chronological export: times never fall from row to row.
      for (index, time) in signups.map(\.signedUpAt).sorted().enumerated() { signups[index].signedUpAt = time }
    }
    let keys = try signups.map { try #require(DuplicateKey($0)) }
    var keyed = signups
    var byText = signups
    let keyedSuperseded = SignupValidator.resolveDuplicates(&keyed, keys: keys)
    let textSuperseded = SignupValidator.resolveDuplicatesByText(&byText)
    #expect(keyed == byText, "seed \(seed)")
    #expect(keyedSuperseded == textSuperseded, "seed \(seed)")
    #expect(keyed.count + keyedSuperseded.count == signups.count)
  }

  /// Against an independent oracle: rows are one person when a chain of
  /// shared ids or emails (case-insensitive) joins them, found here by
  /// brute force over every pair, and each person keeps only their newest row.
  @Test(arguments: 0..<40)
  func eachPersonKeepsTheirNewestRowThroughChains(_ seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7_919 &+ 11)
    let signups = randomSignups(&rng)
    var person = Array(signups.indices)
    func root(_ x: Int) -> Int { person[x] == x ? x : root(person[x]) }
    for a in signups.indices {
      for b in signups.indices where b > a
        && (signups[a].id == signups[b].id || signups[a].email.lowercased() == signups[b].email.lowercased())
      {
        person[root(b)] = root(a)
      }
    }
    let newer = { (a: Int, b: Int) in
      signups[a].signedUpAt != signups[b].signedUpAt ? signups[a].signedUpAt > signups[b].signedUpAt : a > b
    }
    var newest: [Int: Int] = [:]
    for index in signups.indices {
      let group = root(index)
      if let best = newest[group], newer(best, index) { continue }
      newest[group] = index
    }
    let expected = newest.values.map { signups[$0].source }.sorted()
    var resolved = signups
    let superseded = SignupValidator.resolveDuplicates(&resolved, keys: try signups.map { try #require(DuplicateKey($0)) })
    #expect(resolved.map(\.source).sorted() == expected, "seed \(seed)")
    #expect(superseded.count + resolved.count == signups.count)
  }

  /// A and B share an email and B and C an id: one person, and only A, the
  /// latest, is kept (C used to survive, and the person could be matched twice).
  @Test func aChainOfSharedIdsAndEmailsIsOnePerson() throws {
    let result = try ingest([
      "Q1,Ann,Smith,q@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-03",
      "Q2,Ann,Smith,q@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-02",
      "Q2,Ann,Smith,c@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-01",
    ])
    #expect(result.signups.map(\.id) == ["Q1"])
    #expect(result.superseded.map { $0.problems[0].message } == [
      "superseded by the later sign-up at a.csv:2 (same email)",
      "superseded by the later sign-up at a.csv:2 (same person, linked through another sign-up's id or email)",
    ])
  }

  /// A row that shares its id with one kept person and its email with
  /// another makes them one: the newest of all wins.
  @Test func aRowThatBridgesTwoPeopleJoinsThem() throws {
    let result = try ingest([
      "P1,Ann,Smith,ann@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-05",
      "P2,Ann,Smith,a.smith@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-04",
      "P1,Ann,Smith,a.smith@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-01",
    ])
    #expect(result.signups.map(\.source.line) == [2])
    #expect(result.superseded.map(\.location.line) == [3, 4])
  }

  /// Keys exist only where bytes decide as Strings do.
  @Test func keysOnlyForPlainIDsAddressesAndTimes() throws {
    var rng = SeededGenerator(seed: 1)
    var signups: [Signup] = []
    while signups.isEmpty { signups = randomSignups(&rng) }
    let signup = signups[0]
    #expect(DuplicateKey(signup) != nil)
    var other = signup
    other.id = "P\u{212A}"  // KELVIN SIGN: Unicode calls it equal to "PK"
    #expect(DuplicateKey(other) == nil)
    other = signup
    other.email = "zoë@x.gov.uk"
    #expect(DuplicateKey(other) == nil)
    other = signup
    other.signedUpAt = "2026-11-02"
    #expect(DuplicateKey(other) == nil)
    other = signup
    other.signedUpAt = ""
    #expect(DuplicateKey(other)?.time == 0)
    other.signedUpAt = "0000-01-01T00:00:00Z"
    #expect(DuplicateKey(other)?.time ?? 0 > 0)
  }

  /// An id that is a different spelling of another for Unicode still
  /// counts as the same person: ingest falls back to comparing Strings.
  @Test func unicodeEqualIDsAreOnePerson() throws {
    let result = try ingest([
      "PK,Ann,Smith,ann@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-01",
      "P\u{212A},Ann,Smith,ann.other@example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-02",
    ])
    #expect(result.signups.map(\.source.line) == [3])
    #expect(result.superseded.map(\.location.line) == [2])
    #expect(result.superseded.first?.problems.first?.field == "id")
  }

  /// Rows of mixed-case addresses, through the whole validator, on the
  /// fast path: the latest wins and the rest are superseded.
  @Test func sameAddressInAnotherCaseIsOnePerson() throws {
    let result = try ingest([
      "P1,Ann,Smith,Ann@Example.gov.uk,mentee,HEO,,,,,,,,,yes,2026-11-02T09:30:00Z",
      "P2,Ann,Smith,ann@example.GOV.uk,mentee,HEO,,,,,,,,,yes,2026-11-01",
      "P3,Bob,Jones,bob@example.gov.uk,mentor,G7,,,,,,,,,yes,",
    ])
    #expect(result.signups.map(\.id) == ["P1", "P3"])
    #expect(result.superseded.map(\.location.line) == [3])
    #expect(result.superseded.first?.problems.first?.message == "superseded by the later sign-up at a.csv:2 (same email)")
  }

  /// Counts per cohort and role match a plain dictionary count.
  @Test(arguments: 0..<10)
  func acceptedByCohortCountsEverySignup(_ seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 77)
    let signups = randomSignups(&rng)
    let result = IngestResult(
      files: ["f.csv"], recordsPerFile: [signups.count], signups: signups, rejected: [], superseded: [])
    var expected: [String: [Role: Int]] = [:]
    for signup in signups { expected[signup.cohort, default: [:]][signup.role, default: 0] += 1 }
    let counted = result.acceptedByCohort
    #expect(counted.map(\.cohort) == expected.keys.sorted())
    for (cohort, roles) in counted { #expect(roles == expected[cohort], "seed \(seed): \(cohort)") }
  }
}

@Suite struct FileSizingTests {
  /// Reserving room from the file's size changes nothing in the result.
  @Test func sizeHintChangesNoResult() throws {
    var rng = SeededGenerator(seed: 5)
    let rows = (0..<3000).map { index in
      let email = Int.random(in: 0..<10, using: &rng) == 0 ? "dup\(index % 7)@example.gov.uk" : "p\(index)@example.gov.uk"
      let grade = Int.random(in: 0..<20, using: &rng) == 0 ? "G8" : "HEO"
      return "P\(index),Ann,Smith,\(email),mentee,\(grade),,,,,,,,,yes,2026-11-0\(Int.random(in: 1...9, using: &rng))"
    }
    let bytes = Array(([header] + rows).joined(separator: "\r\n").utf8)
    let settings = try inputSettings()
    func run(_ byteCount: Int?) throws -> IngestResult {
      var validator = SignupValidator(settings: settings)
      validator.begin(file: settings.files[0], byteCount: byteCount)
      try CSVReader(bytes: bytes, name: "a.csv").forEachRowView { row in try validator.consume(row) }
      try validator.end()
      return try validator.finish()
    }
    let plain = try run(nil)
    for hint in [bytes.count, 1, bytes.count * 1000] {
      let sized = try run(hint)
      #expect(sized.signups == plain.signups && sized.rejected == plain.rejected)
      #expect(sized.superseded == plain.superseded && sized.recordsPerFile == plain.recordsPerFile)
    }
    #expect(plain.superseded.count > 0 && plain.rejected.count > 0)
  }

  @Test func estimateFollowsTheSampleAndIsCapped() {
    let record = CSVRecordView(CSVRecord(fields: ["abcdefgh", "ij"], line: 2, number: 1))
    // 8 + 2 field bytes, 2 delimiters or line end, 1 more: 13 bytes a record.
    var sizing = FileSizing(fileBytes: 13 * 10_000)
    var estimate: Int?
    for _ in 0..<FileSizing.sampleSize { estimate = sizing.sample(record) }
    let remaining = 10_000 - FileSizing.sampleSize
    #expect(estimate == remaining + remaining / 8)
    var huge = FileSizing(fileBytes: 1 << 40)
    for _ in 0..<FileSizing.sampleSize { estimate = huge.sample(record) }
    #expect(estimate == FileSizing.largestReservation)
  }
}
