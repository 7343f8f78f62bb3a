import Foundation
@testable import MentorMatch
import Testing

/// Shared values and helpers for the Notify tests.
enum NotifyFixtures {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let asOf = EmailTimestamp(iso8601: "2026-11-28T19:30:05+00:00")!

  static func settings(cc: Bool = false) throws -> EmailSettings {
    var settings = EmailSettings(
      from: try EmailAddress.validate("mentoring@cabinetoffice.gov.uk"), fromName: "Civil Service Mentoring",
      messageIDDomain: "mentormatch.cabinetoffice.gov.uk")
    if cc {
      settings.cc = [try EmailAddress.validate("mentoring-records@cabinetoffice.gov.uk")]
      settings.replyTo = [try EmailAddress.validate("mentoring-team@cabinetoffice.gov.uk")]
    }
    return settings
  }

  static func composer(cc: Bool = false) throws -> EmailComposer {
    let settings = try settings(cc: cc)
    return EmailComposer(settings: settings, templates: try EmailTemplateSet.load(settings: settings))
  }

  static func match(_ name: String = "Priya Shah", department: String = "HM Treasury", email: String = "priya.shah@hmtreasury.gov.uk") -> MatchNotice {
    MatchNotice(
      name: name, role: .mentor, gradeLabel: "Grade 6", department: department, profession: "Policy", email: email,
      reasons: ["You both work on public finance policy.", "Priya offers stakeholder management, which you asked for."])
  }

  static func request(
    name: String = "Zoë O’Brien", address: String = "zoe.obrien@cabinetoffice.gov.uk", role: EmailRole = .mentee,
    content: EmailContent? = nil
  ) -> EmailRequest {
    EmailRequest(
      recipient: EmailRecipient(displayName: name, address: address, role: role),
      programme: "Civil Service Mentoring", cohort: "Policy 2026", runID: "2026-11-28T193005Z", asOf: asOf,
      nextSteps: DefaultTemplates.nextStepsMentee, content: content ?? .match([match()]))
  }

  /// The message's lines (split on CRLF), failing on a bare CR or LF.
  static func lines(_ bytes: [UInt8]) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n")
    for line in lines {
      #expect(!line.contains("\r") && !line.contains("\n"), "bare CR or LF in a line")
    }
    return lines
  }

  /// The header block's physical lines.
  static func headerLines(_ bytes: [UInt8]) -> [String] {
    Array(lines(bytes).prefix { !$0.isEmpty })
  }

  /// Compares with `Snapshots/<name>`, or records it when RECORD_SNAPSHOTS=1.
  static func assertSnapshot(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = "\(packageRoot)/Tests/MentorMatchTests/Snapshots/\(name)"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return
    }
    guard let golden = FileManager.default.contents(atPath: path) else {
      Issue.record("missing snapshot \(name); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
      return
    }
    #expect([UInt8](golden) == bytes, "differs from snapshot \(name)", sourceLocation: sourceLocation)
  }

  /// Writes an email and its `.expected.json` sidecar for scripts/check_emails.py.
  static func writeForCheck(_ email: ComposedEmail, displayName: String, name: String) throws {
    let directory = ProcessInfo.processInfo.environment["MENTORMATCH_EMAIL_CHECK_DIR"]
      ?? "\(packageRoot)/.build/email-check"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(email.bytes).write(to: URL(fileURLWithPath: "\(directory)/\(name).eml"))
    let expected: [String: String] = [
      "subject": email.subject, "to": email.recipient.addrSpec, "display_name": displayName,
      "text": email.text, "html": email.html, "message_id": email.messageID,
    ]
    let json = try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys, .prettyPrinted])
    try json.write(to: URL(fileURLWithPath: "\(directory)/\(name).expected.json"))
  }
}
