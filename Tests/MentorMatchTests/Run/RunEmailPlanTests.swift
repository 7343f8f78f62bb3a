import Testing
@testable import MentorMatch

@Suite struct RunEmailPlanTests {
  /// 300 sample requests, one with a bad address and one naming the same file as another.
  static func plan() throws -> RunEmailPlan {
    var requests = EmailSamples.requests(count: 300, runID: "20261128T020000Z-abc", asOf: NotifyFixtures.asOf)
      .enumerated().map { (recipientID: "P\($0.offset)", request: $0.element) }
    requests[7].request.recipient.address = "not an address"
    requests.append(requests[3])
    return RunEmailPlan(composer: try NotifyFixtures.composer(), requests: requests, problems: [])
  }

  @Test(arguments: [1, 7, 256, 4_096])
  func theTallyDoesNotDependOnTheBatchSize(batchSize: Int) throws {
    let plan = try Self.plan()
    var written: [String: [UInt8]] = [:]
    let tally = plan.tally(batchSize: batchSize) { batch in
      for email in batch { written[RunEmailPlan.path(email.fileName)] = email.bytes }
    }
    let whole = plan.tally(batchSize: 10_000) { _ in }
    #expect(tally.digests == whole.digests)
    #expect(tally.notifications.map(\.fileName) == whole.notifications.map(\.fileName))
    #expect(tally.problems == whole.problems)
    // Every written email is tallied with its digest; the bad address and the duplicate are problems.
    #expect(written.count == 299)
    #expect(written.mapValues { SHA256Hex.of($0) } == tally.digests)
    #expect(tally.notifications.map(\.fileName) == tally.notifications.map(\.fileName).sorted())
    #expect(tally.problems.count == 2)
    #expect(tally.problems[0].hasPrefix("P7: match email not written"))
    #expect(tally.problems[1].contains("another email has its file name"))
    #expect(!tally.problems.joined().contains("example.gov.uk"))
  }
}
