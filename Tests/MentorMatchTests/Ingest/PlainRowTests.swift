import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// Cell values per template field: the first of each list is plain (the
/// fast path must take a row made of them); the rest are the awkward and
/// wrong spellings the full check has to judge.
private let cells: [SignupField: [String]] = [
  .id: ["P0000001", "", "P\u{7}2", "ÅB-9", "an-id-longer-than-fifteen"],
  .givenName: ["Ann", "", "Zoë", "A\u{202E}nn", "Ann\tB", "Bartholomew-Alexander"],
  .familyName: ["Smith", "", "Sm\u{2028}ith", "Ó Súilleabháin", "Hughes-Montgomery-Smythe"],
  .email: [
    "ann.smith@example.gov.uk", "ANN@Example.GOV.uk", "\"a b\"@x.gov.uk", "bad", "a..b@x.gov.uk", "zoë@x.gov.uk", "",
  ],
  .role: ["mentee", "Mentor", "BOTH", "mentor and mentee", "sponsor", "", "méntor"],
  .grade: ["HEO", "grade 7", "G8", "", "G\u{7}7", "SCS Pay Band 1", "Senior Executive Officer"],
  .department: ["Department for Work and Pensions", "Home Office", "", "Dept\u{1}x", "Département de la Santé"],
  .profession: ["Policy", "Digital, Data and Technology", "", "Poli\u{7F}cy"],
  .location: ["Leeds", "Newcastle upon Tyne", "", "Leeds\r\nYork"],
  .skillsOffered: ["Python; SQL; Stakeholder management", "", "a\nb", "x\u{202E}y", "tab\there", "naïve"],
  .skillsWanted: ["Coaching", "", "Risk management\r\nExcel", "\u{0}"],
  .capacity: ["", "2", "0", "9", "+2", "-1", "abc", "007", "99999999999", "3 "],
  .cohort: ["", "ddat-2026", "women-in-leadership-2026", "c\u{7}", "cohörte-2026"],
  .lineManagerEmail: ["", "Boss.Person@Example.GOV.uk", "boss@example.gov.uk", "bad@", "\"q r\"@x.gov.uk", "x\u{7}@y.uk"],
  .consent: ["yes", "Y", "TRUE", "I Agree", "no", "", "yés", "consented"],
  .signedUpAt: [
    "2026-11-02T09:30:00Z", "", "2026-11-02", "02/11/2026 09:30", "2026-02-30", "garbage",
    "2026-11-02T09:30:00+01:00", "2026-11-02t09:30:00z",
  ],
]

private func settings(_ toml: String) throws -> InputSettings {
  try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
}

/// Two layouts: the default template with an extra column, and a
/// mentors-only file with no id, role or consent column.
private func layouts() throws -> [(InputSettings, InputFile, [String])] {
  let template = try settings(
    """
    [input]
    [[input.files]]
    path = "a.csv"
    [input.extra]
    team = "Team"
    """)
  let split = try settings(
    """
    [input]
    [[input.files]]
    path = "mentors.csv"
    role = "mentor"
    [input.columns]
    id = ""
    consent = ""
    [capacity]
    mentor_max = 4
    """)
  // Three extra columns, as the LGBT+ network's files have: each row's
  // extras are set in a copy of one template dictionary.
  let extras = try settings(
    """
    [input]
    [[input.files]]
    path = "mentees.csv"
    role = "mentee"
    [input.columns]
    id = ""
    [input.extra]
    team = "Team"
    identity_to_match = "Identity"
    match_with_similar_identity = "Similar"
    """)
  let all = SignupField.allCases.map(\.rawValue)
  return [
    (template, template.files[0], all + ["Team"]),
    (split, split.files[0], all.filter { !["id", "role", "consent"].contains($0) }),
    (extras, extras.files[0], ["Similar"] + all.filter { !["id", "role"].contains($0) } + ["Identity", "Team"]),
  ]
}

private func randomRow(header: [String], plain: Bool, rng: inout SeededGenerator) -> [String] {
  var fields = header.map { name -> String in
    guard let field = SignupField(rawValue: name), let choices = cells[field] else {
      return plain ? "Payments squad" : ["Payments squad", "", "sq\u{7}uad", "Équipe"].randomElement(using: &rng)!
    }
    return plain || Int.random(in: 0..<3, using: &rng) > 0 ? choices[0] : choices.randomElement(using: &rng)!
  }
  if !plain, Int.random(in: 0..<20, using: &rng) == 0 {
    if Bool.random(using: &rng) { fields.removeLast() } else { fields.append("extra") }
  }
  return fields
}

@Suite struct PlainRowTests {
  /// On seeded random rows, the fast path either steps aside or builds the
  /// very sign-up (and the same duplicate key) the full check builds; and it
  /// never steps aside for a plain row.
  @Test(arguments: 0..<12)
  func fastPathAgreesWithTheFullCheck(_ seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 11)
    for (settings, file, header) in try layouts() {
      let columns = try ColumnMap(header: header, file: file, settings: settings)
      var fastPool = TextPool()
      var fullPool = TextPool()
      var taken = 0
      for number in 1...400 {
        let plain = number % 5 == 0
        let fields = randomRow(header: header, plain: plain, rng: &rng)
        let record = CSVRecordView(CSVRecord(fields: fields, line: number + 1, number: number))
        let location = RecordLocation(file: file.name, fileIndex: 0, line: number + 1, record: number)
        let fast = PlainRow(columns: columns, file: file, settings: settings)
          .signup(record, at: location, pool: &fastPool)
        let full = SignupRowCheck(record: record, columns: columns, file: file, settings: settings, location: location)
          .result(pool: &fullPool)
        if plain { #expect(fast != nil, "seed \(seed): plain row \(fields) took the full check") }
        guard let (signup, key) = fast else { continue }
        taken += 1
        guard case .accepted(let expected) = full else {
          Issue.record("seed \(seed): fast path accepted \(fields), the full check rejects it")
          continue
        }
        #expect(signup == expected, "seed \(seed): \(fields)")
        #expect(key == DuplicateKey(expected), "seed \(seed): \(fields)")
      }
      #expect(taken >= 80, "seed \(seed): the fast path took only \(taken) rows")
    }
  }

  /// A value the full check pooled, control characters and all, is still
  /// refused by the checked pool.
  @Test func checkedPoolNeverPassesAControlCharacter() {
    var pool = TextPool()
    let dirty = ArraySlice(Array("Department\u{7} for Work".utf8))
    #expect(pool.shared(dirty) == "Department\u{7} for Work")
    #expect(pool.clean(dirty, field: .department) == nil)
    #expect(pool.clean(dirty, field: .department) == nil)
    let clean = ArraySlice(Array("Department for Work and Pensions".utf8))
    #expect(pool.clean(clean, field: .department) == "Department for Work and Pensions")
    #expect(pool.clean(clean, field: .department) == "Department for Work and Pensions")
    #expect(pool.clean(ArraySlice(Array("Leeds\u{2028}".utf8)), field: nil) == nil)
  }

  @Test func lineManagersAreCheckedAndLowercasedOnce() {
    var pool = TextPool()
    for _ in 0..<2 {
      #expect(pool.lineManager(ArraySlice(Array("Boss.Person@Example.GOV.uk".utf8))) == "boss.person@example.gov.uk")
      #expect(pool.lineManager(ArraySlice(Array("boss@".utf8))) == nil)
      #expect(pool.lineManager(ArraySlice(Array("\"q r\"@x.gov.uk".utf8))) == nil)
    }
  }

  /// Pooling stops for values that seldom repeat and goes on for those that
  /// do; either way each value comes back unchanged.
  @Test func poolingStopsWhenItDoesNotPay() {
    var pool = TextPool()
    for index in 0..<(PoolUse.sampleSize + 100) {
      let unique = "2026-11-02T09:\(index / 60 % 60):\(index % 60)Z-\(index)"
      #expect(pool.time(ArraySlice(Array(unique.utf8))) == unique)
      let shared = "Department for Work and Pensions \(index % 3)"
      #expect(pool.clean(ArraySlice(Array(shared.utf8)), field: .department) == shared)
      let manager = "Manager.\(index)@Example.gov.uk"
      #expect(pool.lineManager(ArraySlice(Array(manager.utf8))) == manager.lowercased())
    }
    // With pooling stopped, an address is still checked and a value still checked for controls.
    #expect(pool.lineManager(ArraySlice(Array("bad@".utf8))) == nil)
    #expect(pool.clean(ArraySlice(Array("Name with a bell \u{7}".utf8)), field: .givenName) == nil)
    var use = PoolUse()
    for _ in 1..<PoolUse.sampleSize { use.miss() }
    #expect(use.pays)
    use.miss()
    #expect(!use.pays)
    // Every value new at first, then seen again: pooling goes on.
    var manager = PoolUse()
    for step in 0..<(4 * PoolUse.sampleSize) { if step < 5000 { manager.miss() } else { manager.hit() } }
    #expect(manager.pays)
  }

  /// The control-character test without property lookups agrees with
  /// Unicode's General_Category on every scalar.
  @Test func controlTestMatchesGeneralCategory() {
    let disagreeing = (UInt32(0)...0x10FFFF).filter { value in
      guard let scalar = Unicode.Scalar(value) else { return false }
      return SignupRowCheck.isControl(value) != (scalar.properties.generalCategory == .control)
    }
    #expect(disagreeing.isEmpty, "\(disagreeing.prefix(10))")
  }

  /// The byte-keyed table finds exactly what a Dictionary finds, through growth.
  @Test(arguments: 0..<5)
  func byteKeyedTableAgreesWithDictionary(_ seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 99)
    var table = ByteKeyedTable<Int>()
    var reference: [[UInt8]: Int] = [:]
    for step in 0..<3000 {
      let key = (0..<Int.random(in: 0...6, using: &rng)).map { _ in UInt8.random(in: 0x61...0x64, using: &rng) }
      let bytes = ArraySlice(key)
      let hash = FieldHash.of(bytes)
      let found = table.find(hash, bytes).map { table.value(at: $0) }
      #expect(found == reference[key], "seed \(seed): \(key)")
      if found == nil {
        table.insert(hash, key: bytes, value: step)
        reference[key] = step
      }
    }
    #expect(table.count == reference.count)
  }
}
