import Testing

@testable import MentorMatch

/// ``FieldText/asciiFold(_:)``, the byte-level fast path, against the
/// Character-level definition it stands in for.
@Suite struct FieldTextTests {
  static func reference(_ raw: String) -> String {
    raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func asciiFoldAgreesWithTheDefinitionOnEveryASCIIByte(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for _ in 0..<2_000 {
      let bytes = (0..<Int(random.next() % 24)).map { _ in UInt8(random.next() % 0x80) }
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(FieldText.asciiFold(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }

  @Test(arguments: ["", "  ", "Policy", "  Digital,\tData  ", "HM\r\nTreasury", "a\u{0B}b\u{0C}c", "\u{1C}x\u{1F}", "MIXED case  "])
  func asciiFoldAgreesOnEdgeCases(_ text: String) {
    #expect(FieldText.asciiFold(text) == Self.reference(text))
  }

  @Test(arguments: ["Zoë", "Non\u{A0}binary", "東京", "café\u{2003}bar"])
  func otherTextTakesTheCharacterPath(_ text: String) {
    #expect(FieldText.asciiFold(text) == nil)
    #expect(FieldText.fold(text) == Self.reference(text))
  }

  @Test func itemsSplitFoldAndDropDuplicates() {
    #expect(FieldText.items(" Gay; transgender |GAY,, Non-Binary ") == ["gay", "transgender", "non-binary"])
  }
}
