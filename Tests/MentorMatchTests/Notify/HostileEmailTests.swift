import Foundation
@testable import MentorMatch
import Testing

/// Hostile names, departments and addresses: each composes into a message
/// whose lines stay within the limits; scripts/check_emails.py parses them.
@Suite struct HostileEmailTests {
  static let local64 = String(repeating: "l", count: 64)
  static let domain189 = String(repeating: "d", count: 61) + "." + String(repeating: "d", count: 61) + "." + String(repeating: "d", count: 58) + ".gov.uk"

  static let cases: [(String, String, String)] = [
    ("zoe", "Zoë O’Brien", "zoe.obrien@cabinetoffice.gov.uk"),
    ("cjk40", String(repeating: "山田花子王小明李", count: 5), "yamada@example.gov.uk"),
    ("long200", (0..<20).map { _ in "Bartholomew" }.joined(separator: " ").prefix(200).description, "bart@example.gov.uk"),
    ("long200-nospace", String(repeating: "X", count: 200), "x@example.gov.uk"),
    ("long200-accented", String(repeating: "Ðéjà ", count: 40), "deja@example.gov.uk"),
    ("script", "<script>alert(1)</script>", "script@example.gov.uk"),
    ("hyperlink", "=HYPERLINK(\"http://x\")", "hyperlink@example.gov.uk"),
    ("encoded-lookalike", "=?utf-8?q?Bcc=3A_x=40example=2Eorg?=", "lookalike@example.gov.uk"),
    ("comma", "Smith, Sam (HMT)", "sam@example.gov.uk"),
    ("backslash", "Back\\slash \"Quote\"", "bs@example.gov.uk"),
    ("limit-address", "Limit Case", "\(local64)@\(domain189)"),
    ("quoted-local", "Quoted Local", "\"john smith\"@example.gov.uk"),
    ("empty-name", "", "anon@example.gov.uk"),
  ]

  @Test(arguments: cases.map(\.0))
  func composesWithinLimitsAndWritesForTheIndependentCheck(_ id: String) throws {
    let (_, name, address) = try #require(Self.cases.first { $0.0 == id })
    let hostileMatch = MatchNotice(
      name: name, role: .mentor, gradeLabel: "=HYPERLINK(\"http://x\")", department: "<script>alert(1)</script>",
      profession: name, email: address, reasons: ["Because <b>\(name)</b> & you =?utf-8?q?x?= share interests."])
    var request = NotifyFixtures.request(name: name, address: address, content: .match([hostileMatch]))
    request.programme = "Mentoring “Plus” – \(name.prefix(20))"
    let email = try NotifyFixtures.composer(cc: true).compose(request)
    let lines = NotifyFixtures.lines(email.bytes)
    for line in lines { #expect(line.utf8.count <= 998) }
    for line in NotifyFixtures.headerLines(email.bytes) {
      // Only an unbreakable token (an address, the Message-ID) may push a header line past 78.
      if line.utf8.count > 78 { #expect(line.hasPrefix(" <") || line.hasPrefix("To: <") || line.hasPrefix("Message-ID: <")) }
    }
    let headerNames = NotifyFixtures.headerLines(email.bytes).filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: ":").first }
    #expect(!headerNames.contains("Bcc"))
    #expect(!email.html.contains("<script>"))
    try NotifyFixtures.writeForCheck(email, displayName: name, name: "hostile-\(id)")
    var waiting = request
    waiting.content = .waiting(reason: "\(name) could not be matched: <none> & =?x?=")
    try NotifyFixtures.writeForCheck(try NotifyFixtures.composer().compose(waiting), displayName: name, name: "hostile-\(id)-waiting")
  }
}
