/// Quoted-printable content transfer encoding,
/// [RFC 2045 §6.7](https://www.rfc-editor.org/rfc/rfc2045#section-6.7).
///
/// Line ends of the text become hard line breaks (CRLF); long lines get soft
/// breaks (`=` CRLF) so that no encoded line exceeds 76 characters; `=`,
/// non-ASCII bytes, controls and whitespace before a line end are `=XX`.
/// A UTF-8 sequence is never split across a soft break, and a line starting
/// `From ` has its `F` encoded so that mbox tools leave it alone.
enum QuotedPrintable {
  static let lineLimit = 76
  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  /// Encodes `text`, treating LF, CRLF and lone CR alike as line ends.
  static func encode(_ text: String) -> [UInt8] {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
    var lineStart = 0
    var index = 0
    while index <= bytes.count {
      if index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D {
        encodeLine(bytes[lineStart..<index], into: &out)
        if index == bytes.count { break }
        out += [0x0D, 0x0A]
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        index += 1
        lineStart = index
        continue
      }
      index += 1
    }
    return out
  }

  private static func isLiteral(_ byte: UInt8) -> Bool {
    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || byte == 0x20 || byte == 0x09
  }

  /// How many bytes starting at `index` form one unit that stays on one line.
  private static func unitLength(_ line: ArraySlice<UInt8>, at index: Int) -> Int {
    let lead = line[index]
    let expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    var length = 1
    while length < expected, index + length < line.endIndex, line[index + length] & 0xC0 == 0x80 { length += 1 }
    return length
  }

  private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
    var column = 0
    var index = line.startIndex
    let startsWithFrom = line.starts(with: "From ".utf8)
    while index < line.endIndex {
      let count = unitLength(line, at: index)
      let isLast = index + count == line.endIndex
      var encoded = 0
      for offset in 0..<count {
        let byte = line[index + offset]
        let trailingSpace = isLast && (byte == 0x20 || byte == 0x09)
        let literal = isLiteral(byte) && !trailingSpace && !(startsWithFrom && index == line.startIndex)
        encoded += literal ? 1 : 3
      }
      // Leave room for the soft break's `=` unless this is the line's end.
      let room = isLast ? lineLimit : lineLimit - 1
      if column + encoded > room, column > 0 {
        out += [UInt8(ascii: "="), 0x0D, 0x0A]
        column = 0
      }
      for offset in 0..<count {
        let byte = line[index + offset]
        let trailingSpace = isLast && (byte == 0x20 || byte == 0x09)
        if isLiteral(byte) && !trailingSpace && !(startsWithFrom && index == line.startIndex) {
          out.append(byte)
        } else {
          out += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
        }
      }
      column += encoded
      index += count
    }
  }
}
