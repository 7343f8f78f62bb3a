/// The quoted-printable encoder as it was before it copied runs of plain
/// bytes in one go: the reference the faster one is tested against.
enum ReferenceQuotedPrintable {
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
        encodeLine(bytes, lineStart, index, into: &out)
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

  private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "="))
    out.append(hexDigits[Int(byte >> 4)])
    out.append(hexDigits[Int(byte & 15)])
  }

  /// Encodes `bytes[start..<end]`, one line of text without its line end.
  private static func encodeLine(_ bytes: [UInt8], _ start: Int, _ end: Int, into out: inout [UInt8]) {
    var column = 0
    var index = start
    let startsWithFrom =
      end - start >= 5 && bytes[start] == 0x46 && bytes[start + 1] == 0x72 && bytes[start + 2] == 0x6F
      && bytes[start + 3] == 0x6D && bytes[start + 4] == 0x20
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        let isLast = index + 1 == end
        let literal =
          ((byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast))
          && !(startsWithFrom && index == start)
        let width = literal ? 1 : 3
        // Leave room for the soft break's `=` unless this is the line's end.
        if column + width > (isLast ? lineLimit : lineLimit - 1), column > 0 {
          out += [UInt8(ascii: "="), 0x0D, 0x0A]
          column = 0
        }
        if literal { out.append(byte) } else { appendEscaped(byte, to: &out) }
        column += width
        index += 1
        continue
      }
      // A UTF-8 sequence: escaped as a whole, never split across a soft break.
      let expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      var count = 1
      while count < expected, index + count < end, bytes[index + count] & 0xC0 == 0x80 { count += 1 }
      let width = 3 * count
      if column + width > (index + count == end ? lineLimit : lineLimit - 1), column > 0 {
        out += [UInt8(ascii: "="), 0x0D, 0x0A]
        column = 0
      }
      for offset in 0..<count { appendEscaped(bytes[index + offset], to: &out) }
      column += width
      index += count
    }
  }
}
