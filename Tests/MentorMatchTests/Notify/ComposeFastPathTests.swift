@testable import MentorMatch
import MentorMatchTestSupport
import Testing

/// ``EmailComposer/fill(_:nextSteps:)`` (typed, straight from the request)
/// against the walk over the untyped context it stands in for.
@Suite struct ContextFillTests {
  @Test(arguments: 0..<8)
  func typedFillEqualsTheWalkOverTheContext(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7_919 &+ 3)
    for _ in 0..<250 {
      let request = SplicingSamples.request(&rng)
      let steps = EmailComposer.NextSteps(request.nextSteps)
      let walk = try #require(SentinelContext(EmailComposer.context(request, nextSteps: steps), markers: false))
      #expect(EmailComposer.fill(request, nextSteps: steps) == ContextFill(slots: walk.slots, shape: walk.shape))
    }
  }

  @Test func fillOfEveryKindHoldsItsNames() {
    let match = EmailComposer.fill(NotifyFixtures.request(), nextSteps: EmailComposer.NextSteps("One.\n\nTwo."))
    #expect(match.shape.hasPrefix("{:s,as_of:s,cohort:t,has_next_steps"))
    #expect(match.shape.contains(":1,match_count") && match.shape.contains(":s,next_steps:[2texttext],next_steps_paragraphs"))
    #expect(match.slots.contains("One.") && match.slots.contains("Two."))
    let waiting = EmailComposer.fill(
      NotifyFixtures.request(content: .waiting(reason: "no mentor had space")), nextSteps: EmailComposer.NextSteps(""))
    #expect(waiting.shape.contains(":s,reason") && waiting.slots.contains("no mentor had space"))
    #expect(waiting.shape.contains(":[0],next_steps_paragraphs"))
  }

  /// Composed bodies equal swift-mustache's rendering of the untyped context,
  /// both for the first email of a shape (which builds the skeletons) and for
  /// the later ones (filled from the typed fill alone).
  @Test(arguments: 0..<4)
  func composedBodiesEqualMustache(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 77)
    let composer = try NotifyFixtures.composer()
    for _ in 0..<150 {
      let request = SplicingSamples.request(&rng, headerSafe: true)
      let values = EmailComposer.context(request)
      for _ in 0..<2 {
        guard let email = try? composer.compose(request) else { continue }
        for (part, composed) in [(EmailTemplateName.Part.text, email.text), (.html, email.html)] {
          let expected = composer.templates.render(EmailTemplateName(request.kind, part), RenderRoot(values: values, unknownNames: nil))
          #expect(Array(composed.utf8) == Array(expected.utf8))
        }
      }
    }
  }
}

/// The byte search behind the MIME boundary check, against a plain definition.
@Suite struct HexSearchTests {
  static func reference(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
  }

  @Test(arguments: [11, 12, 13])
  func agreesWithTheDefinition(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let alphabet = Array("=_mab".utf8)
    func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] } }
    for _ in 0..<3_000 {
      let haystack = bytes(Int(random.next() % 24))
      let needle = bytes(Int(random.next() % 4))
      #expect(Hex.contains(haystack, needle) == Self.reference(haystack, needle), "\(haystack) \(needle)")
    }
  }
}

/// The byte-level shortcuts of composing against the definitions they stand for.
@Suite struct ComposeShortcutTests {
  static let pieces = [
    "a", "Z", " ", "\t", "\n", "\r", "\u{7}", "\u{7F}", "&", "<", ">", "\"", "'", "é", "’", "山", "👩🏽‍💻", "\u{A0}", "\u{2003}",
    "\u{2028}", "\u{85}", "\u{0301}", "x",
  ]

  static func text(_ random: inout SplitMix64) -> String {
    (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
  }

  @Test(arguments: [21, 22, 23])
  func escapingEqualsHTMLText(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for _ in 0..<2_000 {
      let value = Self.text(&random)
      var fast: [UInt8] = [1]
      var slow: [UInt8] = [1]
      TemplateSkeleton.escape(value, into: &fast)
      HTMLText.escape(value, into: &slow)
      #expect(fast == slow, "\(value.debugDescription)")
    }
  }

  @Test(arguments: [31, 32, 33])
  func blankEqualsAllWhitespace(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let spaces = [" ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{2028}", "\u{85}", "\u{3000}"]
    for round in 0..<2_000 {
      // Half of the samples from whitespace alone, so that both answers occur.
      let value = round % 2 == 0
        ? (0..<Int(random.next() % 6)).map { _ in spaces[Int(random.next() % UInt64(spaces.count))] }.joined()
        : Self.text(&random)
      #expect(EmailComposer.isBlank(Array(value.utf8)) == value.allSatisfy(\.isWhitespace), "\(value.debugDescription)")
    }
  }

  @Test func bodiesReadBackAsRendered() throws {
    var email = try NotifyFixtures.composer().compose(NotifyFixtures.request())
    #expect(email.text.contains("Zoë O’Brien") && email.html.contains("Zoë O’Brien"))
    email.text = "Zoë"
    #expect(email.textBytes == Array("Zoë".utf8) && email.text == "Zoë")
  }
}

/// The byte-level header shortcuts against the Unicode definitions.
@Suite struct HeaderShortcutTests {
  static let pieces = [
    "a", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{7}", "\u{7F}", "\u{85}", "\u{9F}",
    "\u{A0}", "\u{2028}", "\u{2029}", "\u{2003}", "’", "é", "Ã", "\u{0301}", "山", "x",
  ]

  static func text(_ random: inout SplitMix64, asciiOnly: Bool) -> String {
    let usable = asciiOnly ? pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : pieces
    return (0..<Int(random.next() % 10)).map { _ in usable[Int(random.next() % UInt64(usable.count))] }.joined()
  }

  @Test(arguments: [41, 42, 43])
  func collapsingEqualsSplittingOnWhitespace(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for round in 0..<2_000 {
      let text = Self.text(&random, asciiOnly: round % 2 == 0)
      let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(HeaderText.collapsingWhitespace(Array(text.utf8)) == expected, "\(text.debugDescription)")
    }
  }

  @Test(arguments: [51, 52, 53])
  func singleLineCheckEqualsTheScalarCheck(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for _ in 0..<2_000 {
      let text = Self.text(&random, asciiOnly: false)
      let refused = text.unicodeScalars.first(where: HeaderText.isControl)
      do {
        try HeaderText.checkSingleLine(text, field: "f")
        #expect(refused == nil, "\(text.debugDescription)")
      } catch {
        #expect(error == .unsafeHeaderValue(field: "f", scalar: refused?.value ?? 0), "\(text.debugDescription)")
      }
    }
  }
}
