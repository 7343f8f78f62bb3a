import Foundation
@testable import MentorMatch
import Testing

@Suite struct HeaderTextTests {
  static let cjk40 = String(repeating: "山田花子王小明李", count: 5)

  @Test(arguments: ["Zoë O’Brien", cjk40, String(repeating: "Ł", count: 200), "👩🏽‍💻 Ada 👨‍👩‍👧‍👦", "e\u{301}\u{302}\u{303}" + String(repeating: "\u{304}", count: 40)])
  func encodedWordsAreShortAndRoundTrip(_ text: String) {
    let words = HeaderText.encodedWords(text, firstLimit: 69)
    #expect(words.count >= 1)
    for (index, word) in words.enumerated() {
      #expect(word.utf8.count <= (index == 0 ? 69 : 75))
      #expect(word.hasPrefix("=?utf-8?") && word.hasSuffix("?="))
      #expect(EncodedWordDecoder.decode(word).utf8.count > 0)
    }
    #expect(EncodedWordDecoder.decode(words.joined(separator: " ")) == text)
  }

  @Test func splitsOnCharacterBoundaries() {
    let text = String(repeating: "👩🏽‍💻", count: 20)
    let words = HeaderText.encodedWords(text, firstLimit: 75)
    #expect(words.count > 1)
    for word in words {
      // Each word on its own decodes to whole characters of the original.
      let decoded = EncodedWordDecoder.decode(word)
      #expect(decoded.allSatisfy { $0 == "👩🏽‍💻" })
    }
  }

  @Test func plainNamesStayReadable() {
    #expect(HeaderText.phrase("Sam Smith", firstBudget: 74) == ["Sam", "Smith"])
    #expect(HeaderText.phrase("Smith, Sam", firstBudget: 74) == ["\"Smith,", "Sam\""])
    #expect(HeaderText.phrase("<script>alert(1)</script>", firstBudget: 74) == ["\"<script>alert(1)</script>\""])
    #expect(HeaderText.phrase("=HYPERLINK(\"http://x\")", firstBudget: 74) == ["\"=HYPERLINK(\\\"http://x\\\")\""])
    #expect(HeaderText.phrase("=?utf-8?q?evil?=", firstBudget: 74).first?.hasPrefix("=?utf-8?") == true)
  }

  @Test func foldsAtSpacesWithinTheLineLimit() {
    let subject = (1...40).map { "word\($0)" }.joined(separator: " ")
    let folded = HeaderText.fold(name: "Subject", segments: HeaderText.unstructured(subject, firstBudget: 69))
    let lines = folded.components(separatedBy: "\r\n")
    #expect(lines.count > 1)
    for line in lines { #expect(line.utf8.count <= 78) }
    for line in lines.dropFirst() { #expect(line.hasPrefix(" ") && line.dropFirst().first != " ") }
    #expect(lines.joined() == "Subject: " + subject)
  }

  /// The byte split of ASCII subjects gives exactly the Character split's
  /// segments, on text built to sit at its edges: runs of spaces and tabs,
  /// CR and LF (a `"\r\n"` is one Character), `=?`, words about the
  /// longest plain length, controls and a few non-ASCII letters.
  @Test func asciiSubjectsSplitOnBytesAsOnCharacters() {
    let pieces = [
      " ", "  ", "\t", " \t ", "\r", "\n", "\r\n", "=", "?", "=?", "a", "Mentor", "match:", "\u{7F}", "\u{1}", "é",
      "山", String(repeating: "x", count: 30), String(repeating: "y", count: 59),
    ]
    var random = SeededRandom(seed: 11)
    var fast = 0
    for _ in 0..<5_000 {
      let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      let slow = HeaderText.unstructuredByCharacters(text, firstBudget: 69)
      if let words = HeaderText.asciiWords(text) {
        fast += 1
        #expect(words == slow, "\(text.debugDescription)")
      }
      #expect(HeaderText.unstructured(text, firstBudget: 69) == slow, "\(text.debugDescription)")
    }
    // About a fifth take the byte path: the check above is not empty.
    #expect(fast > 500)
    #expect(HeaderText.asciiWords("Your  mentor\tand new mentees ") == ["Your", "mentor", "and", "new", "mentees"])
    #expect(HeaderText.asciiWords("a\r\nb") == nil)
  }

  @Test func keepsDoubleSpacesInQuotedNamesWhenFolding() {
    let name = "Anne-Marie  de la Cour, " + String(repeating: "Lady of the Manor ", count: 6)
    let folded = HeaderText.fold(name: "To", segments: HeaderText.phrase(name, firstBudget: 74))
    for line in folded.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 78)
      #expect(!line.allSatisfy { $0 == " " })
    }
    #expect(folded.replacingOccurrences(of: "\r\n", with: "").contains("Anne-Marie  de la Cour"))
  }

  @Test(arguments: ["Eve\r\nBcc: x@example.org", "bare\rreturn", "nul\0byte", "tab\there", "line\u{2028}sep", "del\u{7F}", "c1\u{85}"])
  func refusesControlCharacters(_ value: String) {
    #expect(throws: NotifyError.self) { try HeaderText.checkSingleLine(value, field: "recipient name") }
  }
}

/// The one-pass ``HeaderText/isPlainASCII(_:)`` against the definition it replaced.
@Suite struct PlainASCIITests {
  static func reference(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } && !text.contains("=?")
      && text.split(separator: " ").allSatisfy { $0.utf8.count <= HeaderText.longestPlainWord }
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func agreesWithTheDefinitionOnSeededStrings(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let pieces = ["a", "Z", "9", " ", "  ", "=", "?", "=?", "?=", "\"", "\t", "\r\n", "\u{7F}", "é", "’", "山", "x", "-"]
    for _ in 0..<2_000 {
      var text = ""
      for _ in 0..<Int(random.next() % 40) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
      if random.next() % 5 == 0 { text += String(repeating: "w", count: 55 + Int(random.next() % 10)) }
      #expect(HeaderText.isPlainASCII(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }

  @Test(arguments: ["", " ", "Sam Smith", "=?utf-8?q?x?=", "a=b?c", "a= ?b", String(repeating: "w", count: 60), String(repeating: "w", count: 61), "x " + String(repeating: "w", count: 61) + " y"])
  func agreesOnEdgeCases(_ text: String) {
    #expect(HeaderText.isPlainASCII(text) == Self.reference(text))
  }
}

