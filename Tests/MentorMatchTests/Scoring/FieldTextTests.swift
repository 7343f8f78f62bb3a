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

  /// ``FieldText/display(_:)`` keeps case and takes the same byte path on
  /// ASCII; it must agree with its Character-level definition everywhere.
  @Test(arguments: [6, 7, 8] as [UInt64])
  func displayAgreesWithTheDefinition(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let extra = Array("é\u{A0}東\u{2003}".utf8)
    for round in 0..<2_000 {
      let bytes = (0..<Int(random.next() % 24)).map { _ in
        round % 4 == 0 && random.next() % 5 == 0 ? extra[Int(random.next() % UInt64(extra.count))] : UInt8(random.next() % 0x80)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(FieldText.display(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), "\(text.debugDescription)")
    }
    #expect(FieldText.display(nil) == "")
  }

  /// ``FieldText/items(_:)`` splits ASCII on bytes; the result must be the
  /// Character-level split's, also next to CR-LF pairs and combining marks.
  @Test(arguments: [9, 10, 11] as [UInt64])
  func itemsAgreeWithTheCharacterSplit(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let alphabet = Array(",;| \r\nAbc".utf8)
    for _ in 0..<2_000 {
      let text = String(decoding: (0..<Int(random.next() % 16)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self)
      var seen: Set<String> = []
      let expected = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
        .map { Self.reference(String($0)) }.filter { !$0.isEmpty && seen.insert($0).inserted }
      #expect(FieldText.items(text) == expected, "\(text.debugDescription)")
    }
    // A combining mark after a comma makes one Character: no split there.
    #expect(FieldText.items("A,\u{301}b;Zoë") == ["a,\u{301}b", "zoë"])
  }

  @Test func itemsSplitFoldAndDropDuplicates() {
    #expect(FieldText.items(" Gay; transgender |GAY,, Non-Binary ") == ["gay", "transgender", "non-binary"])
  }
}
