extension SignupValidator {
  /// The latest sign-up of a person wins: latest `signed_up_at`, then the
  /// later file, then the later line. A row is the same person as a kept row
  /// when it shares its id or its email (case-insensitive).
  ///
  /// Leaves the kept sign-ups in `signups`, sorted by id, and returns the
  /// superseded records in file and line order.
  static func resolveDuplicates(_ signups: inout [Signup]) -> [RejectedRecord] {
    // Sort indices, not the (large) sign-ups themselves.
    let newestFirst = signups.indices.sorted { a, b in
      if signups[a].signedUpAt != signups[b].signedUpAt { return signups[a].signedUpAt > signups[b].signedUpAt }
      return signups[a].source > signups[b].source
    }
    var byID: [String: Int] = [:]
    var byEmail: [String: Int] = [:]
    var keptIndices: [Int] = []
    var superseded: [RejectedRecord] = []
    byID.reserveCapacity(signups.count)
    byEmail.reserveCapacity(signups.count)
    keptIndices.reserveCapacity(signups.count)
    for index in newestFirst {
      let id = signups[index].id
      let emailKey = Self.emailKey(signups[index].email)
      if let winnerIndex = byID[id] ?? byEmail[emailKey] {
        let winner = signups[winnerIndex]
        let same = winner.id == id ? "id" : "email"
        superseded.append(
          RejectedRecord(
            location: signups[index].source,
            problems: [
              FieldProblem(
                field: same, reason: .superseded,
                message: "superseded by the later sign-up at \(winner.source) (same \(same))")
            ], personID: winner.id, cohort: winner.cohort))
        continue
      }
      byID[id] = index
      byEmail[emailKey] = index
      keptIndices.append(index)
    }
    byID = [:]
    byEmail = [:]
    keptIndices.sort { signups[$0].id < signups[$1].id }
    superseded.sort { $0.location < $1.location }
    keep(keptIndices, of: &signups)
    return superseded
  }

  /// ``Signup/emailKey``, without a copy when the address has no capitals
  /// (nearly all do not).
  private static func emailKey(_ email: String) -> String {
    email.utf8.contains { $0 >= 0x80 || (0x41...0x5A).contains($0) } ? email.lowercased() : email
  }

  /// Reorders `signups` in place so that it holds `indices`' elements in
  /// that order and nothing else: one swap per move, no second array of
  /// sign-ups. `indices` must be distinct positions of `signups`.
  static func keep(_ indices: [Int], of signups: inout [Signup]) {
    // Complete `indices` to a permutation, then follow its cycles.
    var order = indices
    var used = [Bool](repeating: false, count: signups.count)
    for index in indices { used[index] = true }
    for index in signups.indices where !used[index] { order.append(index) }
    var placed = [Bool](repeating: false, count: signups.count)
    for start in order.indices where !placed[start] {
      var current = start
      while true {
        placed[current] = true
        let source = order[current]
        if source == start { break }
        signups.swapAt(current, source)
        current = source
      }
    }
    signups.removeLast(signups.count - indices.count)
  }
}
