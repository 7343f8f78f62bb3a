@testable import MentorMatch
import MentorMatchTestSupport

/// Seeded random email requests with hostile values, for the splicing tests:
/// markers, entities, quotes, Mustache tags, combining marks, CJK, emoji,
/// empty strings and numbers-as-text.
enum SplicingSamples {
  static let pieces = [
    "Zoë", "O’Brien", "山田花子", "👩🏽‍💻", "\u{0301}", "e\u{0301}", "&", "&amp;", "<script>", "</p>", "\"", "'", "\\",
    "{{name}}", "{{{programme}}}", "{{#matches}}", "\u{E000}", "\u{E001}", "\u{E000}0&\"\\\u{E001}", "\u{E000}1&amp;&quot;\\\u{E001}",
    "=?utf-8?q?x?=", "=HYPERLINK(\"http://x\")", "true", "0", "From ", " ", "  ", "Grade 7", "HM Treasury", "x",
  ]

  static func value(_ rng: inout SeededGenerator, headerSafe: Bool = false) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...4, using: &rng) {
      text += pieces.randomElement(using: &rng) ?? ""
      if !headerSafe, Int.random(in: 0..<12, using: &rng) == 0 { text += ["\r\n", "\t", "\u{7}"].randomElement(using: &rng) ?? "" }
    }
    return text
  }

  static func nextSteps(_ rng: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...4, using: &rng)).map { _ in
      [value(&rng, headerSafe: true), "", " ", "\r\n"].randomElement(using: &rng) ?? ""
    }.joined(separator: ["\n", "\r\n", "\n\n"].randomElement(using: &rng) ?? "\n")
  }

  /// A request of a random kind and role; `headerSafe` keeps control
  /// characters out, so that the request can be composed.
  static func request(_ rng: inout SeededGenerator, headerSafe: Bool = false) -> EmailRequest {
    func text() -> String { value(&rng, headerSafe: headerSafe) }
    let role: EmailRole = [.mentor, .mentee, .lead].randomElement(using: &rng) ?? .mentee
    let content: EmailContent
    switch Int.random(in: 0..<5, using: &rng) {
    case 0:
      content = .waiting(reason: headerSafe ? "no mentor \(text())" : text())
    case 1:
      content = .leadSummary(
        counts: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
          CohortCounts(
            cohort: text(), signups: Int.random(in: -2...500, using: &rng), newlyMatched: Int.random(in: 0...9, using: &rng),
            waiting: Int.random(in: 0...3, using: &rng), rejected: Int.random(in: 0...2, using: &rng))
        }, reportPath: text())
    default:
      content = .match(
        (0..<Int.random(in: headerSafe ? 1...4 : 0...4, using: &rng)).map { index in
          MatchNotice(
            name: text(), role: [.mentor, .mentee].randomElement(using: &rng) ?? .mentor, gradeLabel: text(),
            department: text(), profession: text(), email: "m\(index)@example.gov.uk",
            reasons: (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() })
        })
    }
    return EmailRequest(
      recipient: EmailRecipient(displayName: text(), address: "person@example.gov.uk", role: role),
      programme: headerSafe ? "Mentoring \(text())" : text(), cohort: text(), runID: "2026-11-28T193005Z",
      asOf: NotifyFixtures.asOf, nextSteps: nextSteps(&rng), content: content)
  }
}
