import Foundation
@testable import MentorMatch
import Testing

@Suite struct QuotedPrintableTests {
  /// An independent decoder (RFC 2045 §6.7) for round trips.
  static func decode(_ encoded: [UInt8]) -> String {
    let text = String(decoding: encoded, as: UTF8.self)
    var bytes: [UInt8] = []
    let lines = text.components(separatedBy: "\r\n")
    for (index, line) in lines.enumerated() {
      var chars = Array(line.utf8)
      var soft = false
      if chars.last == UInt8(ascii: "=") {
        soft = true
        chars.removeLast()
      }
      var i = 0
      while i < chars.count {
        if chars[i] == UInt8(ascii: "="), i + 2 < chars.count,
          let value = UInt8(String(decoding: chars[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
        {
          bytes.append(value)
          i += 3
        } else {
          bytes.append(chars[i])
          i += 1
        }
      }
      if !soft, index + 1 < lines.count { bytes.append(0x0A) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(arguments: [
    "plain line",
    "a = b and 100% sure",
    "trailing space \nand tab\t\nend",
    String(repeating: "Zoë O’Brien – 山田花子 ", count: 20),
    String(repeating: "x", count: 300),
    "From the start\n.dot line\n",
    "=3D already looks encoded",
    "",
  ])
  func roundTripsWithShortLines(_ text: String) {
    let encoded = QuotedPrintable.encode(text)
    let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
    for line in lines {
      #expect(line.utf8.count <= 76)
      #expect(line.last != " " && line.last != "\t")
      #expect(line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }
    #expect(Self.decode(encoded) == text)
  }

  @Test func encodesEqualsTrailingWhitespaceAndNonASCII() {
    #expect(String(decoding: QuotedPrintable.encode("a=b"), as: UTF8.self) == "a=3Db")
    #expect(String(decoding: QuotedPrintable.encode("end \nnext"), as: UTF8.self) == "end=20\r\nnext")
    #expect(String(decoding: QuotedPrintable.encode("Zoë"), as: UTF8.self) == "Zo=C3=AB")
    #expect(String(decoding: QuotedPrintable.encode("From me"), as: UTF8.self) == "=46rom me")
  }

  @Test func textLineEndsBecomeHardBreaks() {
    #expect(String(decoding: QuotedPrintable.encode("a\nb\r\nc\rd\n"), as: UTF8.self) == "a\r\nb\r\nc\r\nd\r\n")
  }

  @Test func neverSplitsAnEscapeOrACharacterAcrossSoftBreaks() {
    let text = String(repeating: "é", count: 100)
    let lines = String(decoding: QuotedPrintable.encode(text), as: UTF8.self).components(separatedBy: "\r\n")
    for line in lines.dropLast() { #expect(line.hasSuffix("=") && (line.utf8.count - 1) % 6 == 0) }
  }
}
