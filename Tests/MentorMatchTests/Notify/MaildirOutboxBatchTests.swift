import Foundation
@testable import MentorMatch
import Testing

/// ``MaildirOutbox/publish(batches:)`` against the one-call publish.
@Suite struct MaildirOutboxBatchTests {
  static func sampleEmails(count: Int) throws -> [ComposedEmail] {
    let composer = try NotifyFixtures.composer()
    let requests = EmailSamples.requests(count: count, runID: "batches", asOf: NotifyFixtures.asOf)
    return try composer.composeAll(requests).map { try $0.get() }
  }

  static func folderContents(_ path: String) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: path) {
      result[name] = FileManager.default.contents(atPath: "\(path)/\(name)").map { [UInt8]($0) }
    }
    return result
  }

  /// Whatever the batch size and whenever batches are renamed, new/ ends up
  /// exactly as one publish of every email leaves it.
  @Test(arguments: [1, 7, 500, 2_000], [MaildirOutbox.BatchPublishing.eachWhenDurable, .allAtEnd])
  func batchesLeaveTheSameOutboxAsOnePublish(_ size: Int, _ publishing: MaildirOutbox.BatchPublishing) throws {
    let emails = try Self.sampleEmails(count: 1_100)
    let whole = MaildirOutboxTests.runDirectory()
    let batched = MaildirOutboxTests.runDirectory()
    defer {
      try? FileManager.default.removeItem(atPath: whole)
      try? FileManager.default.removeItem(atPath: batched)
    }
    let expected = try MaildirOutbox(directory: whole + "/outbox").publish(emails)
    let result = try MaildirOutbox(directory: batched + "/outbox").publish(publishing) { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
      var start = 0
      while start < emails.count {
        try add(Array(emails[start..<min(emails.count, start + size)]))
        start += size
      }
    }
    #expect(result == expected)
    #expect(try Self.folderContents(batched + "/outbox/new") == Self.folderContents(whole + "/outbox/new"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: batched + "/outbox/tmp").isEmpty)
    #expect(try MaildirOutboxTests.mode("\(batched)/outbox/new/\(emails[0].fileName)") == 0o600)
    for folder in ["", "/tmp", "/new", "/cur"] { #expect(try MaildirOutboxTests.mode(batched + "/outbox" + folder) == 0o700) }
  }

  /// Names in new/ or cur/ are skipped, a crash's leftover in tmp/ is overwritten,
  /// and a name handed over twice with the same bytes is written once.
  @Test func skipsPublishedNamesAndRepeats() throws {
    let run = MaildirOutboxTests.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    let outbox = MaildirOutbox(directory: run + "/outbox")
    let emails = try MaildirOutboxTests.emails()
    try outbox.publish(Array(emails.prefix(1)))
    let first = emails[0].fileName
    try FileManager.default.moveItem(atPath: "\(run)/outbox/new/\(first)", toPath: "\(run)/outbox/cur/\(first):2,S")
    try Data("partial".utf8).write(to: URL(fileURLWithPath: "\(run)/outbox/tmp/\(emails[1].fileName)"))
    let result = try outbox.publish { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
      try add(Array(emails.prefix(2)))
      try add(emails)
    }
    #expect(result.alreadyPresent == [first])
    #expect(result.written == emails.dropFirst().map(\.fileName).sorted())
    #expect(FileManager.default.contents(atPath: "\(run)/outbox/new/\(emails[1].fileName)").map { [UInt8]($0) } == emails[1].bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp").isEmpty)
    let again = try outbox.publish { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in try add(emails) }
    #expect(again.written.isEmpty && again.alreadyPresent.count == 3)
  }

  @Test func refusesTwoDifferentMessagesWithOneNameInLaterBatches() throws {
    let run = MaildirOutboxTests.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    var emails = try MaildirOutboxTests.emails()
    emails[2].fileName = emails[0].fileName
    let outbox = MaildirOutbox(directory: run + "/outbox")
    #expect(throws: NotifyError.duplicateMessage(fileName: emails[0].fileName)) {
      try outbox.publish(.allAtEnd) { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
        try add(Array(emails.prefix(2)))
        try add([emails[2]])
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/new").isEmpty, "nothing renamed into new/")
  }

  /// Renaming each batch as it is durable: a duplicate in a later batch is
  /// still refused, found whether the first copy is still in tmp/ or already
  /// in new/; the batches before it are published whole, the failing batch
  /// and those after it are not.
  @Test(arguments: [0, 50_000])
  func eachBatchIsPublishedWholeBeforeALaterDuplicate(_ pauseMicroseconds: UInt32) throws {
    let run = MaildirOutboxTests.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    var emails = try MaildirOutboxTests.emails()
    emails[2].fileName = emails[0].fileName
    let outbox = MaildirOutbox(directory: run + "/outbox")
    #expect(throws: NotifyError.duplicateMessage(fileName: emails[0].fileName)) {
      try outbox.publish(.eachWhenDurable) { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
        try add(Array(emails.prefix(2)))
        // With a pause, the renamer has moved the first batch before the duplicate comes.
        usleep(pauseMicroseconds)
        try add([emails[2]])
      }
    }
    #expect(try Self.folderContents(run + "/outbox/new") == [
      emails[0].fileName: emails[0].bytes, emails[1].fileName: emails[1].bytes,
    ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp").isEmpty)
  }

  /// The same email handed over again in a later batch, after its first copy
  /// was renamed into new/, is recognised and written once.
  @Test func aRepeatAfterItsRenameIsWrittenOnce() throws {
    let run = MaildirOutboxTests.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    let emails = try MaildirOutboxTests.emails()
    let result = try MaildirOutbox(directory: run + "/outbox").publish { (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
      try add(Array(emails.prefix(1)))
      usleep(50_000)
      try add(emails)
    }
    #expect(result.written == emails.map(\.fileName).sorted())
    #expect(try Self.folderContents(run + "/outbox/new").count == emails.count)
  }
}
