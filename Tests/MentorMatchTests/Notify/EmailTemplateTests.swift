import Foundation
@testable import MentorMatch
import Testing

@Suite struct EmailTemplateTests {
  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "mentormatch-templates-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func defaultsValidate() throws {
    try NotifyFixtures.composer().validate()
  }

  @Test func reportsAParseErrorWithTheFileAndLine() throws {
    let directory = try Self.temporaryDirectory()
    let path = directory + "/match.text.mustache"
    try "Dear {{{recipient_name}}},\n{{#matches}}\n{{name}}\n".write(toFile: path, atomically: true, encoding: .utf8)
    var settings = try NotifyFixtures.settings()
    settings.templateDirectory = directory
    #expect {
      try EmailComposer.load(settings: settings)
    } throws: { error in
      guard case .template(let name, let problem) = error as? NotifyError else { return false }
      return name.hasPrefix(path + ":") && problem.contains("never closed")
    }
  }

  @Test func reportsAnUnknownName() throws {
    let directory = try Self.temporaryDirectory()
    let path = directory + "/custom-subject.mustache"
    try "Hello {{recipent_name}}".write(toFile: path, atomically: true, encoding: .utf8)
    var settings = try NotifyFixtures.settings()
    settings.templateFiles[EmailTemplateName(.waiting, .subject)] = path
    #expect {
      try EmailComposer.load(settings: settings)
    } throws: { error in
      guard case .template(let name, let problem) = error as? NotifyError else { return false }
      return name == path && problem.hasPrefix("unknown name 'recipent_name'")
    }
  }

  @Test func namesFromAnotherKindAreUnknown() throws {
    let templates = try EmailTemplateSet(sources: [EmailTemplateName(.leadSummary, .html): "<p>{{#matches}}{{name}}{{/matches}}</p>"])
    let composer = EmailComposer(settings: try NotifyFixtures.settings(), templates: templates)
    #expect(throws: NotifyError.self) { try composer.validate() }
  }

  /// `one` and `several` count a match email's matches and a lead summary's
  /// cohorts; a waiting email has neither, so a waiting template using them
  /// (always false there) is refused by name, as any unknown name is.
  @Test func countFlagsAreUnknownInWaitingTemplates() throws {
    for flag in ["one", "several"] {
      let templates = try EmailTemplateSet(sources: [EmailTemplateName(.waiting, .text): "{{#\(flag)}}x{{/\(flag)}}"])
      let composer = EmailComposer(settings: try NotifyFixtures.settings(), templates: templates)
      #expect {
        try composer.validate()
      } throws: { error in
        guard case .template(_, let problem) = error as? NotifyError else { return false }
        return problem.hasPrefix("unknown name '\(flag)' (known for waiting emails: ")
      }
    }
    // In a match email they are known.
    let match = try EmailTemplateSet(sources: [EmailTemplateName(.match, .text): "{{#one}}x{{/one}}{{#several}}y{{/several}}"])
    try EmailComposer(settings: try NotifyFixtures.settings(), templates: match).validate()
  }

  @Test func refusesAnEmptySubject() throws {
    let templates = try EmailTemplateSet(sources: [EmailTemplateName(.match, .subject): "{{#nothing_here}}x{{/nothing_here}}"])
    let composer = EmailComposer(settings: try NotifyFixtures.settings(), templates: templates)
    #expect(throws: NotifyError.self) { try composer.validate() }
  }

  @Test func refusesAMisspeltFileInTheTemplatesFolder() throws {
    let directory = try Self.temporaryDirectory()
    try "x".write(toFile: directory + "/match.subjet.mustache", atomically: true, encoding: .utf8)
    var settings = try NotifyFixtures.settings()
    settings.templateDirectory = directory
    #expect(throws: NotifyError.self) { try EmailTemplateSet.load(settings: settings) }
  }

  @Test func usesAnOverrideAndEscapesOnlyInHTML() throws {
    let templates = try EmailTemplateSet(sources: [
      EmailTemplateName(.waiting, .subject): "News for {{recipient_name}} & co",
      EmailTemplateName(.waiting, .text): "Hi {{recipient_name}}: {{reason}}\n",
      EmailTemplateName(.waiting, .html): "<p>Hi {{recipient_name}}: {{reason}}</p>\n",
    ])
    let composer = EmailComposer(settings: try NotifyFixtures.settings(), templates: templates)
    try composer.validate()
    let email = try composer.compose(NotifyFixtures.request(name: "A & B <x>", content: .waiting(reason: "R&D 'grade'")))
    #expect(email.subject == "News for A & B <x> & co")
    #expect(email.text == "Hi A & B <x>: R&D 'grade'\n")
    #expect(email.html == "<p>Hi A &amp; B &lt;x&gt;: R&amp;D &#39;grade&#39;</p>\n")
  }

  @Test func parsesTheConfigSection() throws {
    let toml = """
      [email]
      from = "mentoring@cabinetoffice.gov.uk"
      from_name = "Civil Service Mentoring"
      reply_to = "team@cabinetoffice.gov.uk"
      cc = ["records@cabinetoffice.gov.uk"]
      send_waiting = true
      next_steps_mentee = "Say hello."

      [email.templates]
      match_html = "templates/match.html.mustache"

      [email.leads]
      "Policy 2026" = ["lead@cabinetoffice.gov.uk", "Sam Jones <sam.jones@cabinetoffice.gov.uk>", "\\"Jones, Sam\\" <sj@cabinetoffice.gov.uk>"]
      """
    let root = try ConfigSection.parse(toml, file: "mentormatch.toml", baseDirectory: "/etc/mentormatch")
    let section = try #require(try root.section("email"))
    let settings = try EmailSettings(from: section)
    #expect(settings.from.addrSpec == "mentoring@cabinetoffice.gov.uk")
    #expect(settings.messageIDDomain == "cabinetoffice.gov.uk")
    #expect(settings.replyTo.map(\.addrSpec) == ["team@cabinetoffice.gov.uk"])
    #expect(settings.sendWaiting && !settings.sendLeadSummary)
    #expect(settings.nextSteps(kind: .match, role: .mentee) == "Say hello.")
    #expect(settings.templateFiles[EmailTemplateName(.match, .html)] == "/etc/mentormatch/templates/match.html.mustache")
    #expect(settings.leads.map(\.cohort) == ["Policy 2026"])
    #expect(settings.leads.first?.recipients.map(\.name) == ["", "Sam Jones", "Jones, Sam"])
    #expect(settings.leads.first?.addresses.map(\.addrSpec) == ["lead@cabinetoffice.gov.uk", "sam.jones@cabinetoffice.gov.uk", "sj@cabinetoffice.gov.uk"])
  }

  /// Lead summaries link the report under `reports_url` when it is set
  /// (a trailing `/` or two dropped), and give the path in the runs folder alone when not.
  @Test func reportsURLPrefixesTheReportsPath() throws {
    let path = "20261127T020000Z-ab/cohorts/policy-2026/report.html"
    for (line, expected) in [
      ("", path), ("reports_url = \"https://intranet.gov.uk/mentoring/runs//\"", "https://intranet.gov.uk/mentoring/runs/" + path),
      ("reports_url = \"/srv/shared/mentoring\"", "/srv/shared/mentoring/" + path),
    ] {
      let root = try ConfigSection.parse("[email]\nfrom = \"a@b.gov.uk\"\n" + line, file: "m.toml", baseDirectory: "/tmp")
      let settings = try EmailSettings(from: try #require(try root.section("email")))
      #expect(settings.reportLocation(path) == expected)
    }
  }

  @Test(arguments: [
    ("from = \"not an address\"", "mentormatch.toml:2: email.from: not a valid address: no '@'"),
    ("from = \"a@b.gov.uk\"\nfrom_name = \"X\\nBcc: y@z.org\"", "mentormatch.toml:3: email.from_name: holds a line break or control character"),
    ("from = \"a@b.gov.uk\"\nsend_waitng = true", "mentormatch.toml:3: email.send_waitng: unknown key"),
    ("from = \"a@b.gov.uk\"\n[email.leads]\nx = [\"Sam\\u000ABcc: e@vil.org <a@b.gov.uk>\"]",
     "mentormatch.toml:4: email.leads.x: the name before the address holds a control character"),
    ("from = \"a@b.gov.uk\"\n[email.leads]\nx = [\"Sam <a@b>\"]", "mentormatch.toml:4: email.leads.x: not a valid address: the domain is not a valid host name"),
    ("from = \"a@b.gov.uk\"\nreports_url = \"https://x.gov.uk/runs\\nBcc: e@vil.org\"",
     "mentormatch.toml:3: email.reports_url: give a URL or path without spaces, line breaks or control characters"),
    ("from = \"a@b.gov.uk\"\nreports_url = \"//\"",
     "mentormatch.toml:3: email.reports_url: give a URL or path without spaces, line breaks or control characters"),
  ])
  func reportsConfigErrors(_ body: String, _ message: String) throws {
    let root = try ConfigSection.parse("[email]\n" + body, file: "mentormatch.toml", baseDirectory: "/tmp")
    let section = try #require(try root.section("email"))
    #expect { try EmailSettings(from: section) } throws: { "\($0)" == message }
  }
}
