@testable import MentorMatch
import MentorMatchTestSupport
import Testing

/// The run-copying quoted-printable encoder gives the reference encoder's
/// bytes on seeded random text: long lines, `From ` starts, trailing
/// whitespace, `=`, controls, every line-end style and multi-byte UTF-8.
/// The encoder finds line ends as it goes (one pass); the reference splits
/// lines first.
@Suite struct QuotedPrintableReferenceTests {
  static let pieces = [
    "a", "word ", "From ", "From", " ", "\t", "=", "==", "é", "山", "👩🏽‍💻", "\u{0301}", "\r\n", "\n", "\r", "\n\n", "\u{7}",
    "\u{7F}", "~", "<p style=\"margin:0\">", String(repeating: "x", count: 70), String(repeating: "y ", count: 40),
    String(repeating: "é", count: 30),
  ]

  @Test(arguments: 0..<32)
  func matchesTheReferenceEncoder(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 4242)
    for _ in 0..<300 {
      let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined()
      #expect(QuotedPrintable.encode(text) == ReferenceQuotedPrintable.encode(text), "\(text.debugDescription)")
    }
  }

  @Test func matchesTheReferenceOnTheDefaultTemplates() {
    for name in EmailTemplateName.all {
      let source = DefaultTemplates.source(name)
      #expect(QuotedPrintable.encode(source) == ReferenceQuotedPrintable.encode(source), "\(name)")
    }
  }

  /// The MIME boundary skips its search on quoted-printable parts because
  /// they never hold `=_`: checked on seeded random text full of `=`, `_`
  /// and boundary-like strings, with the searched boundary as the reference.
  @Test(arguments: 0..<8)
  func encodedTextNeverHoldsABoundaryStart(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 977)
    let pieces = Self.pieces + ["_", "=_", "=_mm_", "=_mm_0123456789abcdef", "=\n_", "= _"]
    for _ in 0..<200 {
      let parts = (0..<2).map { _ in
        QuotedPrintable.encode((0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
      }
      for part in parts { #expect(!Hex.contains(part, Array("=_".utf8))) }
      #expect(MIMEMessage.quotedPrintableBoundary(parts) == MIMEMessage.boundary(parts))
    }
  }

  /// The encoder's byte table says what `isPlain` says, for every byte.
  @Test func plainTableMatchesTheRule() {
    #expect(QuotedPrintable.plainBytes.count == 256)
    for byte in UInt8.min...UInt8.max {
      #expect(QuotedPrintable.plainBytes[Int(byte)] == ((33...126).contains(byte) && byte != 61 || byte == 32 || byte == 9), "\(byte)")
    }
  }
}
