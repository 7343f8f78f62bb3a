extension SignupValidator {
  /// The latest sign-up of a person wins: latest `signed_up_at`, then the
  /// later file, then the later line. Two rows are the same person when they
  /// share an id or an email (case-insensitive), and so is any chain of such
  /// rows: if A and B share an email and B and C an id, A, B and C are one
  /// person, and only the latest of the three is kept.
  ///
  /// Leaves the kept sign-ups in `signups`, sorted by id, and returns the
  /// superseded records in file and line order.
  ///
  /// - Parameter keys: one ``DuplicateKey`` per sign-up, with `signups` in
  ///   file and line order (as the validator accepts them); nil when some
  ///   sign-up has none, and the resolution then compares Strings.
  static func resolveDuplicates(_ signups: inout [Signup], keys: [DuplicateKey]?) -> [RejectedRecord] {
    guard let keys, keys.count == signups.count else {
      return resolveDuplicatesByText(&signups)
    }
    // Rows are in file and line order. When times never fall from one row to
    // the next (one time for all, or a chronological export), newest first
    // is simply last row first.
    let newestFirst: [Int]
    if zip(keys, keys.dropFirst()).allSatisfy({ $0.time <= $1.time }) {
      newestFirst = keys.indices.reversed()
    } else {
      newestFirst = keys.indices.sorted { keys[$0].time != keys[$1].time ? keys[$0].time > keys[$1].time : $0 > $1 }
    }
    // Every row seen is filed under its id and its email; a row's person is
    // the newest row reached through them (``PersonLinks``).
    var byID = KeySlots(capacity: signups.count)
    var byEmail = KeySlots(capacity: signups.count)
    var links = PersonLinks(newestFirst)
    for index in newestFirst {
      let key = keys[index]
      let sameID = byID.find(key.id) { keys[$0].id == key.id && signups[$0].id == signups[index].id }
      let sameEmail = byEmail.find(key.email) {
        keys[$0].email == key.email && Self.sameAddress(signups[$0].email, signups[index].email)
      }
      links.add(index, sameID: sameID, sameEmail: sameEmail)
      if sameID == nil { byID.insert(index, hash: key.id) }
      if sameEmail == nil { byEmail.insert(index, hash: key.email) }
    }
    byID = KeySlots(capacity: 0)
    byEmail = KeySlots(capacity: 0)
    var kept = links.kept.map { (prefix: keys[$0].idPrefix, index: $0) }
    kept.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : signups[$0.index].id < signups[$1.index].id }
    let superseded = supersededRecords(signups, &links)
    keep(kept.map(\.index), of: &signups)
    return superseded
  }

  /// The same resolution on Strings alone: the fallback for sign-ups
  /// without a ``DuplicateKey``, and the reference the keyed one is tested against.
  static func resolveDuplicatesByText(_ signups: inout [Signup]) -> [RejectedRecord] {
    // Sort indices, not the (large) sign-ups themselves.
    let newestFirst = signups.indices.sorted { a, b in
      if signups[a].signedUpAt != signups[b].signedUpAt { return signups[a].signedUpAt > signups[b].signedUpAt }
      return signups[a].source > signups[b].source
    }
    var byID: [String: Int] = [:]
    var byEmail: [String: Int] = [:]
    var links = PersonLinks(newestFirst)
    for index in newestFirst {
      let id = signups[index].id
      let emailKey = signups[index].emailKey
      links.add(index, sameID: byID[id], sameEmail: byEmail[emailKey])
      if byID[id] == nil { byID[id] = index }
      if byEmail[emailKey] == nil { byEmail[emailKey] = index }
    }
    let keptIndices = links.kept.sorted { signups[$0].id < signups[$1].id }
    let superseded = supersededRecords(signups, &links)
    keep(keptIndices, of: &signups)
    return superseded
  }

  /// A record for each row that is not its person's newest, in file and line order.
  private static func supersededRecords(_ signups: [Signup], _ links: inout PersonLinks) -> [RejectedRecord] {
    var superseded: [RejectedRecord] = []
    for index in signups.indices {
      let winner = links.person(of: index)
      if winner != index { superseded.append(Self.superseded(signups[index], by: signups[winner])) }
    }
    superseded.sort { $0.location < $1.location }
    return superseded
  }

  private static func superseded(_ loser: Signup, by winner: Signup) -> RejectedRecord {
    let field: String
    let how: String
    if winner.id == loser.id {
      (field, how) = ("id", "same id")
    } else if winner.emailKey == loser.emailKey {
      (field, how) = ("email", "same email")
    } else {
      (field, how) = ("", "same person, linked through another sign-up's id or email")
    }
    return RejectedRecord(
      location: loser.source,
      problems: [
        FieldProblem(field: field, reason: .superseded, message: "superseded by the later sign-up at \(winner.source) (\(how))")
      ], personID: winner.id, cohort: winner.cohort)
  }

  /// Whether two ASCII addresses are equal ignoring ASCII case.
  private static func sameAddress(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count
      && zip(a.utf8, b.utf8).allSatisfy { FieldHash.lowercased($0) == FieldHash.lowercased($1) }
  }

  /// Reorders `signups` in place so that it holds `indices`' elements in
  /// that order and nothing else: no second array of sign-ups.
  /// `indices` must be distinct positions of `signups`.
  ///
  /// Each sign-up is moved, not copied: `swap(_:_:)` with a
  /// ``Signup/placeholder`` held aside. (`Array.swapAt` copies both
  /// elements, a retain and a release for every text a sign-up holds.)
  static func keep(_ indices: [Int], of signups: inout [Signup]) {
    // Complete `indices` to a permutation, then follow its cycles.
    var order = indices
    var used = [Bool](repeating: false, count: signups.count)
    for index in indices { used[index] = true }
    for index in signups.indices where !used[index] { order.append(index) }
    var placed = [Bool](repeating: false, count: signups.count)
    var held = Signup.placeholder
    var moving = Signup.placeholder
    for start in order.indices where !placed[start] {
      guard order[start] != start else {
        placed[start] = true
        continue
      }
      // The cycle's first sign-up is held aside; each place then takes its
      // source's sign-up, and the last place the one held.
      swap(&held, &signups[start])
      var current = start
      while true {
        placed[current] = true
        let source = order[current]
        if source == start {
          swap(&signups[current], &held)
          break
        }
        swap(&moving, &signups[source])
        swap(&signups[current], &moving)
        current = source
      }
    }
    signups.removeLast(signups.count - indices.count)
  }
}

extension Signup {
  /// A sign-up holding nothing, left in an array's place while the sign-up
  /// there is moved elsewhere: its empty texts and extras take no memory,
  /// so making and dropping one costs nothing.
  static var placeholder: Signup {
    Signup(
      id: "", givenName: "", familyName: "", email: "", role: .mentee, gradeIndex: 0, grade: "", department: "",
      profession: "", location: "", skillsOfferedText: "", skillsWantedText: "", mentorCapacity: 0, menteeCapacity: 0,
      cohort: "", lineManagerEmail: "", signedUpAt: "", extra: [:],
      source: RecordLocation(file: "", fileIndex: 0, line: 0, record: 0))
  }
}

/// Which rows are one person: a union-find over row indices (Tarjan 1975),
/// whose every set is named by its newest row. Rows are added newest first,
/// each with the rows met before it that share its id and its email.
private struct PersonLinks {
  private var parent: [Int]
  /// Row index → place in newest-first order (lower is newer).
  private var position: [Int]
  private let order: [Int]

  init(_ newestFirst: [Int]) {
    order = newestFirst
    parent = Array(0..<newestFirst.count)
    position = [Int](repeating: 0, count: newestFirst.count)
    for (place, index) in newestFirst.enumerated() { position[index] = place }
  }

  /// The newest row of `index`'s person, pointing every row on the way at
  /// the one two steps up (path halving), so that no chain of joined people
  /// makes later lookups slow, however the rows are ordered.
  mutating func person(of index: Int) -> Int {
    var current = index
    while parent[current] != current {
      parent[current] = parent[parent[current]]
      current = parent[current]
    }
    return current
  }

  /// Adds `index`, older than every row added before it, joined to the
  /// people of `sameID` and `sameEmail`. A row that shares its id with one
  /// person and its email with another makes them one, named by the newer.
  mutating func add(_ index: Int, sameID: Int?, sameEmail: Int?) {
    var people: [Int] = []
    for row in [sameID, sameEmail] { if let row { people.append(person(of: row)) } }
    guard let newest = people.min(by: { position[$0] < position[$1] }) else { return }
    for other in people where other != newest { parent[other] = newest }
    parent[index] = newest
  }

  /// The rows that are their person's newest, newest first.
  var kept: [Int] { order.filter { parent[$0] == $0 } }
}

/// Rows by the hash of one key (the first row met with each value): open
/// addressing with linear probing, sized once, at most half full. The
/// caller confirms each candidate on the real values.
private struct KeySlots {
  private var slots: [Int32]
  private let bits: Int

  init(capacity: Int) {
    var bits = 4
    while 1 << bits < capacity * 2 { bits += 1 }
    self.bits = bits
    slots = [Int32](repeating: -1, count: 1 << bits)
  }

  /// The first kept sign-up stored under `hash` for which `matches` holds.
  func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    let mask = slots.count - 1
    var slot = FieldHash.slot(hash, bits: bits)
    while slots[slot] >= 0 {
      if matches(Int(slots[slot])) { return Int(slots[slot]) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  mutating func insert(_ index: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = FieldHash.slot(hash, bits: bits)
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(index)
  }
}
