import Foundation
@testable import MentorMatch
import Testing

@Suite struct MaildirOutboxTests {
  static func emails() throws -> [ComposedEmail] {
    let composer = try NotifyFixtures.composer()
    return try [
      NotifyFixtures.request(),
      NotifyFixtures.request(name: "Sam Smith", address: "sam.smith@cabinetoffice.gov.uk"),
      NotifyFixtures.request(content: .waiting(reason: "no mentor had space")),
    ].map(composer.compose)
  }

  /// ``emails()``, each also stored as `RUN/emails/<file name>`, as a run folder holds them.
  static func storedEmails(in run: String) throws -> [ComposedEmail] {
    let emails = try emails()
    try FileManager.default.createDirectory(atPath: run + "/emails", withIntermediateDirectories: true)
    for email in emails {
      #expect(FileManager.default.createFile(atPath: "\(run)/emails/\(email.fileName)", contents: Data(email.bytes), attributes: [.posixPermissions: 0o600]))
    }
    return emails
  }

  static func runDirectory() -> String { NSTemporaryDirectory() + "mentormatch-outbox-\(UUID().uuidString)" }

  /// An outbox under `run` where the first of `emails` was published and a
  /// delivery tool then moved it to cur/ and flagged it, and a crash left a
  /// half-written copy of the second in tmp/.
  static func outboxAfterDeliveryAndCrash(_ run: String, _ emails: [ComposedEmail]) throws -> MaildirOutbox {
    let outbox = MaildirOutbox(directory: run + "/outbox")
    try outbox.publish(Array(emails.prefix(1)))
    let first = emails[0].fileName
    try FileManager.default.moveItem(atPath: "\(run)/outbox/new/\(first)", toPath: "\(run)/outbox/cur/\(first):2,S")
    try Data("partial".utf8).write(to: URL(fileURLWithPath: "\(run)/outbox/tmp/\(emails[1].fileName)"))
    return outbox
  }

  static func mode(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test(arguments: [MaildirOutbox.Durability.batch, .perFile])
  func publishesIntoNewWithPrivateModes(_ durability: MaildirOutbox.Durability) throws {
    let run = Self.runDirectory()
    let outbox = MaildirOutbox(directory: run + "/outbox", durability: durability)
    let emails = try Self.emails()
    let result = try outbox.publish(emails)
    #expect(result.written == emails.map(\.fileName).sorted())
    #expect(result.alreadyPresent.isEmpty)
    for folder in ["", "/tmp", "/new", "/cur"] { #expect(try Self.mode(run + "/outbox" + folder) == 0o700) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp").isEmpty)
    for email in emails {
      let path = "\(run)/outbox/new/\(email.fileName)"
      #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == email.bytes)
      #expect(try Self.mode(path) == 0o600)
    }
  }

  @Test func publishingByLinkSharesTheStoredFileAndIsIdempotent() throws {
    let run = Self.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    let emails = try Self.storedEmails(in: run)
    let outbox = MaildirOutbox(directory: run + "/outbox")
    let names = emails.map(\.fileName)
    let first = try outbox.publish(linking: names + ["missing.eml"], from: run + "/emails")
    #expect(first.written == names.sorted())
    #expect(first.alreadyPresent.isEmpty)
    for email in emails {
      let published = "\(run)/outbox/new/\(email.fileName)"
      #expect(FileManager.default.contents(atPath: published).map { [UInt8]($0) } == email.bytes)
      let stored = try FileManager.default.attributesOfItem(atPath: "\(run)/emails/\(email.fileName)")
      let linked = try FileManager.default.attributesOfItem(atPath: published)
      #expect(stored[.systemFileNumber] as? NSNumber == linked[.systemFileNumber] as? NSNumber, "one file, two names")
      #expect(try Self.mode(published) == 0o600)
    }
    // A delivery tool moved one into cur/ with flags; publishing again writes nothing.
    try FileManager.default.moveItem(atPath: "\(run)/outbox/new/\(names[0])", toPath: "\(run)/outbox/cur/\(names[0]):2,S")
    let again = try outbox.publish(linking: names, from: run + "/emails")
    #expect(again.written.isEmpty)
    #expect(again.alreadyPresent == names.sorted())
    // Published once, a message stays published when the run folder's copy is gone (erased).
    try FileManager.default.removeItem(atPath: "\(run)/emails/\(names[0])")
    #expect(try outbox.publish(linking: names, from: run + "/emails").alreadyPresent == names.sorted())
    // A source folder that is gone altogether holds nothing to publish; it is not an error.
    let empty = MaildirOutbox(directory: run + "/other-outbox")
    #expect(try empty.publish(linking: names, from: run + "/no-such-folder") == .init(written: [], alreadyPresent: []))
  }

  /// Names given out of order and twice are linked once each, and the
  /// publication lists them sorted, as for names given in order.
  @Test func publishingByLinkSortsAndDeduplicatesTheNames() throws {
    let run = Self.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    let emails = try Self.storedEmails(in: run)
    let names = emails.map(\.fileName).sorted()
    #expect(names.count >= 2)
    let shuffled = ["missing.eml"] + names.reversed() + [names[0]]
    let result = try MaildirOutbox(directory: run + "/outbox").publish(linking: shuffled, from: run + "/emails")
    #expect(result.written == names)
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/new").sorted() == names)
  }

  /// A staged folder becomes `new/` in one rename; with nothing staged,
  /// nothing changes; with messages in `new/` already, the staged ones are
  /// linked in beside them and the staged folder goes.
  @Test func publishingAStagedFolderRenamesIt() throws {
    let run = Self.runDirectory()
    defer { try? FileManager.default.removeItem(atPath: run) }
    let emails = try Self.storedEmails(in: run)
    let names = emails.map(\.fileName).sorted()
    try FileManager.default.createDirectory(atPath: run + "/staged", withIntermediateDirectories: true)
    for name in names { #expect(link("\(run)/emails/\(name)", "\(run)/staged/\(name)") == 0) }
    let outbox = MaildirOutbox(directory: run + "/outbox")
    #expect(try outbox.publish(renaming: run + "/staged"))
    #expect(!FileManager.default.fileExists(atPath: run + "/staged"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/new").sorted() == names)
    for folder in ["", "/tmp", "/new", "/cur"] { #expect(try Self.mode(run + "/outbox" + folder) == 0o700) }
    #expect(try outbox.publish(renaming: run + "/staged") == false, "published already: nothing to do")

    // Staged again while new/ holds messages: linked in beside them.
    try FileManager.default.createDirectory(atPath: run + "/staged", withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: "\(run)/outbox/new/\(names[0])", toPath: "\(run)/staged/\(names[0])")
    try FileManager.default.removeItem(atPath: "\(run)/outbox/new/\(names[1])")
    #expect(link("\(run)/emails/\(names[1])", "\(run)/staged/\(names[1])") == 0)
    #expect(try outbox.publish(renaming: run + "/staged"))
    #expect(!FileManager.default.fileExists(atPath: run + "/staged"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/new").sorted() == names)
  }

  @Test(arguments: [
    ([], []),
    (["a"], ["a"]),
    (["a", "b", "c"], ["a", "b", "c"]),
    (["b", "a"], ["a", "b"]),
    (["a", "a", "b"], ["a", "b"]),
    (["c", "a", "c", "b"], ["a", "b", "c"]),
  ])
  func namesAreSortedOnce(given: [String], expected: [String]) {
    #expect(MaildirOutbox.uniqueSorted(given) == expected)
  }

  /// A large batch through the open-folder writes: every file lands in new/
  /// with its bytes, nothing stays in tmp/, and a second publish of the same
  /// batch writes nothing.
  @Test func publishesALargeBatch() throws {
    let run = Self.runDirectory()
    let outbox = MaildirOutbox(directory: run + "/outbox")
    let composer = try NotifyFixtures.composer()
    let requests = EmailSamples.requests(count: 1_300, runID: "large", asOf: NotifyFixtures.asOf)
    let emails = try composer.composeAll(requests).map { try $0.get() }
    let result = try outbox.publish(emails)
    #expect(result.written == emails.map(\.fileName).sorted())
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/tmp").isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/outbox/new").count == 1_300)
    for email in emails {
      let path = "\(run)/outbox/new/\(email.fileName)"
      #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == email.bytes)
    }
    #expect(try Self.mode("\(run)/outbox/new/\(emails[0].fileName)") == 0o600)
    #expect(try outbox.publish(emails).written.isEmpty)
  }

  @Test func republishingWritesNothingTwice() throws {
    let run = Self.runDirectory()
    let emails = try Self.emails()
    let outbox = try Self.outboxAfterDeliveryAndCrash(run, emails)
    let first = emails[0].fileName
    let result = try outbox.publish(emails)
    #expect(result.alreadyPresent == [first])
    #expect(result.written == emails.dropFirst().map(\.fileName).sorted())
    #expect(FileManager.default.contents(atPath: "\(run)/outbox/new/\(emails[1].fileName)").map { [UInt8]($0) } == emails[1].bytes)
    #expect(!FileManager.default.fileExists(atPath: "\(run)/outbox/new/\(first)"))
    let again = try outbox.publish(emails)
    #expect(again.written.isEmpty && again.alreadyPresent.count == 3)
  }

  /// An outbox that cannot be made names the folder and the reason (here a
  /// file where a parent folder should be; at night, as often, a full disk).
  @Test func anOutboxThatCannotBeMadeSaysWhy() throws {
    let run = Self.runDirectory()
    try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: run) }
    #expect(FileManager.default.createFile(atPath: run + "/state", contents: Data("not a folder".utf8)))
    let outbox = MaildirOutbox(directory: run + "/state/outbox")
    let error = #expect(throws: NotifyError.self) { try outbox.publish(try Self.emails()) }
    let message = error.map { "\($0)" } ?? ""
    #expect(message.contains("/state"), "\(message)")
    #expect(message.contains("cannot create the folder: a file of that name is in the way"), "\(message)")
    // As for the run folder: README's "an output folder … cannot be created".
    #expect(error?.exitStatus == .cannotCreate)
  }

  @Test func refusesTwoDifferentMessagesWithOneName() throws {
    var emails = try Self.emails()
    emails[1].fileName = emails[0].fileName
    let outbox = MaildirOutbox(directory: Self.runDirectory() + "/outbox")
    #expect(throws: NotifyError.duplicateMessage(fileName: emails[0].fileName)) { try outbox.publish(emails) }
  }

  @Test func listsRecipientsKindsAndDecodedSubjects() throws {
    let run = Self.runDirectory()
    let outbox = MaildirOutbox(directory: run + "/outbox")
    try outbox.publish(try Self.emails())
    let lines = try outbox.entries().map { $0.line(showAddress: false) }
    #expect(lines == [
      "match\ts***@cabinetoffice.gov.uk\tYour Civil Service Mentoring mentor",
      "match\tz***@cabinetoffice.gov.uk\tYour Civil Service Mentoring mentor",
      "waiting\tz***@cabinetoffice.gov.uk\tCivil Service Mentoring: an update on your mentor match",
    ])
    let entry = OutboxEntry(folder: "new", fileName: "x.eml", bytes: Array("To: =?utf-8?q?Zo=C3=AB?= <z@x.org>\r\nSubject: =?utf-8?b?WsO2?=\r\n =?utf-8?q?_O=E2=80=99Brien?= ok\r\n\r\n".utf8))
    #expect(entry.subject == "Zö O’Brien ok")
    #expect(entry.recipient == "z@x.org")
  }
}
