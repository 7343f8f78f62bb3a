/// The emails a run will write: composed a batch at a time by whoever
/// writes or checks them, so a run of 500,000 people never holds every
/// email's bytes, nor every email's request, at once. Composing is pure: the
/// same plan always gives the same bytes, whatever the batch size or the
/// number of cores.
public struct RunEmailPlan: Sendable {
  let composer: EmailComposer?
  /// Where each email comes from, in a fixed order; requests are built per batch.
  let sources: RunEmailSources
  /// Problems found while planning (a bad as-of).
  let problems: [String]

  /// A plan that writes no email (no `[email]` section).
  static let none = RunEmailPlan(composer: nil, requests: [], problems: [])

  /// How many emails the plan asks for.
  public var count: Int { sources.count }

  /// Composes the emails `size` requests at a time, in plan order, and hands
  /// each batch to `body` with the problems that kept some from being
  /// written (the person is named, never the address).
  func forEachBatch<Failure: Error>(
    size: Int = 4_096, _ body: (_ emails: [RunEmail], _ problems: [String]) throws(Failure) -> Void
  ) throws(Failure) {
    guard let composer else { return }
    // Two requests that name the same file (one address listed as lead of
    // two cohorts) would overwrite each other; the first is kept.
    var seen: Set<String> = []
    var start = 0
    let sources = self.sources
    let size = max(1, size)
    // The next batches' requests are built and composed on the other cores
    // while `body` writes this one; results come back in request order,
    // whatever the overlap.
    try composer.composeBatches(
      count: sources.count, size: size, requests: { range in range.map { sources.request($0) } },
      each: { result in
        // The recipient's id is filled in below, in plan order.
        result.map {
          RunEmail(recipientID: "", kind: $0.kind, fileName: $0.fileName, bytes: $0.bytes, digest: SHA256Hex.of($0.bytes))
        }
      }
    ) { (composed) throws(Failure) in
      var emails: [RunEmail] = []
      emails.reserveCapacity(composed.count)
      var problems: [String] = []
      for (n, result) in zip(start..<start + composed.count, composed) {
        let recipient = sources.recipient(n)
        switch result {
        case .success(let email) where !seen.insert(email.fileName).inserted:
          problems.append("\(recipient.id): \(recipient.kind.rawValue) email not written: another email has its file name \(email.fileName)")
        case .success(var email):
          email.recipientID = recipient.id
          emails.append(email)
        case .failure(let error): problems.append("\(recipient.id): \(recipient.kind.rawValue) email not written: \(error)")
        }
      }
      start += composed.count
      try body(emails, problems)
    }
  }
}

/// What writing (or re-composing) a plan's emails gave: what the state
/// records and the manifest hashes. Small: no email bytes.
public struct RunEmailTally: Sendable {
  /// Owed notifications, sorted by file name.
  public var notifications: [OwedNotification] = []
  /// `emails/<file name>` → SHA-256, for the manifest.
  public var digests: [String: String] = [:]
  /// Problems that kept an email from being written, in plan order.
  public var problems: [String] = []

  /// Adds one batch.
  mutating func add(_ emails: [RunEmail], problems: [String]) {
    for email in emails {
      notifications.append(
        OwedNotification(recipientID: email.recipientID, kind: email.kind.rawValue, fileName: email.fileName))
      digests[RunEmailPlan.path(email.fileName)] = email.digest
    }
    self.problems += problems
  }

  /// Sorts what must be in a fixed order.
  mutating func finish() { notifications.sort { $0.fileName < $1.fileName } }
}

extension RunEmailPlan {
  /// A plan of requests built in full, each with its recipient's id (`lead:<cohort>` for cohort leads).
  init(composer: EmailComposer?, requests: [(recipientID: String, request: EmailRequest)], problems: [String]) {
    self.init(composer: composer, sources: RunEmailSources(requests: requests), problems: problems)
  }

  /// The run folder's folder of emails.
  static let folder = "emails"

  /// Where an email sits in the run folder.
  static func path(_ fileName: String) -> String { "\(folder)/\(fileName)" }

  /// Composes every email and tallies it, calling `store` with each batch
  /// (to write it, or to compare it with a stored folder).
  func tally<Failure: Error>(
    batchSize: Int = 4_096, store: ([RunEmail]) throws(Failure) -> Void
  ) throws(Failure) -> RunEmailTally {
    var tally = RunEmailTally()
    tally.problems = problems
    // Sized once: growing them email by email rehashed and copied both.
    tally.notifications.reserveCapacity(count)
    tally.digests.reserveCapacity(count)
    try forEachBatch(size: batchSize) { (emails, problems) throws(Failure) in
      try store(emails)
      tally.add(emails, problems: problems)
    }
    tally.finish()
    return tally
  }

  /// Composes every email for its tally alone (what `audit` compares).
  public func tally() -> RunEmailTally { tally { _ in } }
}
