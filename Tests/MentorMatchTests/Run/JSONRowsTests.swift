import Foundation
import Testing

@testable import MentorMatch

/// ``JSONRows`` against an independent parser (Foundation's `JSONSerialization`).
@Suite struct JSONRowsTests {
  static func parsed(_ text: String) throws -> [[Any]] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [[Any]])
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func seededStringsRoundTrip(_ seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let pieces = ["a", "\"", "\\", "/", "\u{0}", "\u{1F}", "\u{7F}", "\n", "\r\n", "\t", "é", "’", "山", "😀", " ", "\\u0041", "]", ","]
    let texts = (0..<500).map { _ in
      (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }
    let rows = try Self.parsed(JSONRows.encode(texts) { [.text($0)] })
    #expect(rows.map { $0.first as? String } == texts.map { Optional($0) })
  }

  @Test func cellsOfEveryKind() throws {
    let text = JSONRows.encode([("x", 40), ("y", -3), ("z", Int.min)]) { [.text($0.0), .integer($0.1), .null] }
    #expect(text == #"[["x",40,null],["y",-3,null],["z",-9223372036854775808,null]]"#)
    let rows = try Self.parsed(text)
    #expect(rows.count == 3)
    #expect(rows[0][2] is NSNull)
  }

  @Test func noRowsIsAnEmptyArray() {
    #expect(JSONRows.encode([Int]()) { [.integer($0)] } == "[]")
  }
}
