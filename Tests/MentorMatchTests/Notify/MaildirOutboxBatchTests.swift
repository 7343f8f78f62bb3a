import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
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

  /// `bench-emails`'s loop: composing batches while the last is written
  /// leaves the outbox one publish of the same emails leaves, and the writer's
  /// waits come in pairs, one per batch and one before the first.
  @Test(arguments: [1, 300, 5_000])
  func samplesPublishedInBatchesEqualOnePublish(_ size: Int) throws {
    let emails = try Self.sampleEmails(count: 700)
    let whole = MaildirOutboxTests.runDirectory()
    let batched = MaildirOutboxTests.runDirectory()
    defer {
      try? FileManager.default.removeItem(atPath: whole)
      try? FileManager.default.removeItem(atPath: batched)
    }
    try MaildirOutbox(directory: whole + "/outbox").publish(emails)
    var waits: [Bool] = []
    let publication = try EmailSamples.publish(
      count: 700, batchSize: size, runID: "batches", asOf: NotifyFixtures.asOf, composer: try NotifyFixtures.composer(),
      into: MaildirOutbox(directory: batched + "/outbox")
    ) { waits.append($0) }
    #expect(publication.written.count == 700)
    #expect(try Self.folderContents(batched + "/outbox/new") == Self.folderContents(whole + "/outbox/new"))
    let batches = (700 + size - 1) / size
    #expect(waits == Array([[true, false]].repeated(batches + 1).joined()))
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
    let emails = try MaildirOutboxTests.emails()
    let outbox = try MaildirOutboxTests.outboxAfterDeliveryAndCrash(run, emails)
    let first = emails[0].fileName
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

  /// The creations this system supports (named always; unnamed ones on Linux, by probe).
  static func creations() throws -> [MaildirOutbox.FileCreation] {
    let run = MaildirOutboxTests.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
    let fd = open(run, O_RDONLY | O_DIRECTORY)
    defer { close(fd) }
    return MaildirOutbox.FileCreation.allCases.filter { MaildirOutbox.supports($0, tmp: fd) }
  }

  static func publish(
    _ emails: [ComposedEmail], in run: String, creation: MaildirOutbox.FileCreation, batch: Int, chunkLimit: Int? = nil
  ) throws -> MaildirOutbox.Publication {
    try MaildirOutbox(directory: run + "/outbox").publish(.eachWhenDurable, creation: creation, chunkLimit: chunkLimit) {
      (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
      var start = 0
      while start < emails.count {
        try add(Array(emails[start..<min(emails.count, start + batch)]))
        start += batch
      }
    }
  }

  /// Every way of creating the files (named in tmp/ and renamed, or unnamed
  /// and linked, by descriptor or /proc path), in batches and chunks of any
  /// size, leaves new/ exactly as one publish of every email does; nothing
  /// is left in tmp/ and modes stay private.
  @Test func everyFileCreationLeavesTheSameOutbox() throws {
    let emails = try Self.sampleEmails(count: 300)
    let whole = MaildirOutboxTests.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: whole) }
    let expected = try MaildirOutbox(directory: whole + "/outbox").publish(emails)
    let creations = try Self.creations()
    #if os(Linux) && (arch(x86_64) || arch(arm64))
      #expect(creations.contains(.unnamedLinkedByProcPath), "Linux with /proc links unnamed files")
    #endif
    for creation in creations {
      for (batch, chunk) in [(300, nil), (64, 16), (1, 1), (200, 128)] as [(Int, Int?)] {
        let run = MaildirOutboxTests.runDirectory()
        defer { try? FileManager.default.removeItem(atPath: run) }
        let result = try Self.publish(emails, in: run, creation: creation, batch: batch, chunkLimit: chunk)
        #expect(result == expected, "\(creation) \(batch) \(String(describing: chunk))")
        #expect(try Self.folderContents(run + "/outbox/new") == Self.folderContents(whole + "/outbox/new"), "\(creation)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp").isEmpty, "\(creation)")
        #expect(try MaildirOutboxTests.mode("\(run)/outbox/new/\(emails[0].fileName)") == 0o600, "\(creation)")
      }
    }
  }

  /// Publishing each batch as it is durable: a duplicate in a later batch is
  /// still refused, found whether its first copy is in tmp/, unnamed or
  /// already in new/; the batches before it are published whole, the
  /// failing batch and those after it are not, and no file is left behind.
  @Test(arguments: [0, 50_000])
  func eachBatchIsPublishedWholeBeforeALaterDuplicate(_ pauseMicroseconds: UInt32) throws {
    var emails = try MaildirOutboxTests.emails()
    emails[2].fileName = emails[0].fileName
    for creation in try Self.creations() {
      let run = MaildirOutboxTests.runDirectory()
      defer { try? FileManager.default.removeItem(atPath: run) }
      let outbox = MaildirOutbox(directory: run + "/outbox")
      #expect(throws: NotifyError.duplicateMessage(fileName: emails[0].fileName)) {
        try outbox.publish(.eachWhenDurable, creation: creation, chunkLimit: nil) {
          (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
          try add(Array(emails.prefix(2)))
          // With a pause, the first batch is published before the duplicate comes.
          usleep(pauseMicroseconds)
          try add([emails[2]])
        }
      }
      #expect(try Self.folderContents(run + "/outbox/new") == [
        emails[0].fileName: emails[0].bytes, emails[1].fileName: emails[1].bytes,
      ], "\(creation)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp").isEmpty, "\(creation)")
    }
  }

  /// The same email handed over again, in the same batch or a later one,
  /// before or after its first copy is published, is written once.
  @Test func aRepeatIsWrittenOnce() throws {
    let emails = try MaildirOutboxTests.emails()
    for creation in try Self.creations() {
      let run = MaildirOutboxTests.runDirectory()
      defer { try? FileManager.default.removeItem(atPath: run) }
      let result = try MaildirOutbox(directory: run + "/outbox").publish(.eachWhenDurable, creation: creation, chunkLimit: nil) {
        (add: ([ComposedEmail]) throws(NotifyError) -> Void) throws(NotifyError) in
        try add([emails[0], emails[1], emails[0]])
        usleep(50_000)
        try add(emails)
      }
      #expect(result.written == emails.map(\.fileName).sorted(), "\(creation)")
      #expect(try Self.folderContents(run + "/outbox/new").count == emails.count, "\(creation)")
    }
  }

  /// A second publish of the same emails finds them all in new/, whichever
  /// creation wrote them, and writes nothing.
  @Test func publishingAgainWritesNothing() throws {
    let emails = try Self.sampleEmails(count: 50)
    for creation in try Self.creations() {
      let run = MaildirOutboxTests.runDirectory()
      defer { try? FileManager.default.removeItem(atPath: run) }
      _ = try Self.publish(emails, in: run, creation: creation, batch: 16)
      let again = try Self.publish(emails, in: run, creation: creation, batch: 16)
      #expect(again.written.isEmpty && again.alreadyPresent == emails.map(\.fileName).sorted(), "\(creation)")
    }
  }

  /// Unnamed files never use tmp/'s names, so a publish with them first
  /// clears what a crash left in tmp/ (files only; a folder stays), then
  /// writes every message.
  @Test func unnamedFilesClearACrashsLeftovers() throws {
    let emails = try MaildirOutboxTests.emails()
    for creation in try Self.creations() where creation != .named {
      let run = MaildirOutboxTests.runDirectory()
      defer { try? FileManager.default.removeItem(atPath: run) }
      try FileManager.default.createDirectory(atPath: run + "/outbox/tmp/folder", withIntermediateDirectories: true)
      for name in [emails[0].fileName, "unrelated.eml"] {
        try Data("partial".utf8).write(to: URL(fileURLWithPath: "\(run)/outbox/tmp/\(name)"))
      }
      let result = try Self.publish(emails, in: run, creation: creation, batch: 2)
      #expect(result.written == emails.map(\.fileName).sorted(), "\(creation)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp") == ["folder"], "\(creation)")
      #expect(FileManager.default.contents(atPath: "\(run)/outbox/new/\(emails[0].fileName)").map { [UInt8]($0) } == emails[0].bytes)
    }
  }
}

extension Array {
  fileprivate func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
