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

  /// Encodes `text`, treating LF, CRLF and lone CR alike as line ends.
  static func encode(_ text: String) -> [UInt8] { encode(Array(text.utf8)) }

  /// Encodes UTF-8 `bytes`, the same as encoding their text.
  static func encode(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
    var lineStart = 0
    while true {
      var end = lineStart
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      encodeLine(bytes, lineStart, end, into: &out)
      if end == bytes.count { break }
      out.append(0x0D)
      out.append(0x0A)
      lineStart = end + 1
      if bytes[end] == 0x0D, lineStart < bytes.count, bytes[lineStart] == 0x0A { lineStart += 1 }
    }
    return out
  }

  private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "="))
    out.append(hexDigit(byte >> 4))
    out.append(hexDigit(byte & 15))
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x37 + value
  }

  private static func appendSoftBreak(to out: inout [UInt8]) {
    out.append(UInt8(ascii: "="))
    out.append(0x0D)
    out.append(0x0A)
  }

  /// Printable ASCII other than `=`, or a space or tab (literal unless last on the line).
  private static func isPlain(_ byte: UInt8) -> Bool {
    (byte &- 33 < 94 && byte != 61) || byte == 32 || byte == 9
  }

  /// Encodes `bytes[start..<end]`, one line of text without its line end.
  private static func encodeLine(_ bytes: [UInt8], _ start: Int, _ end: Int, into out: inout [UInt8]) {
    var column = 0
    var index = start
    let startsWithFrom =
      end - start >= 5 && bytes[start] == 0x46 && bytes[start + 1] == 0x72 && bytes[start + 2] == 0x6F
      && bytes[start + 3] == 0x6D && bytes[start + 4] == 0x20
    if startsWithFrom, index < end {
      appendEscaped(bytes[index], to: &out)
      column = 3
      index += 1
    }
    while index < end {
      // A run of plain bytes that are not last on the line and fit before
      // the soft-break column: copied as they are, in one go.
      let runStart = index
      var runEnd = index
      let runLimit = min(end - 1, index + (lineLimit - 1 - column))
      while runEnd < runLimit, isPlain(bytes[runEnd]) { runEnd += 1 }
      if runEnd > runStart {
        out.append(contentsOf: bytes[runStart..<runEnd])
        column += runEnd - runStart
        index = runEnd
        continue
      }
      let byte = bytes[index]
      if byte < 0x80 {
        let isLast = index + 1 == end
        let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
        let width = literal ? 1 : 3
        // Leave room for the soft break's `=` unless this is the line's end.
        if column + width > (isLast ? lineLimit : lineLimit - 1), column > 0 {
          appendSoftBreak(to: &out)
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
        appendSoftBreak(to: &out)
        column = 0
      }
      for offset in 0..<count { appendEscaped(bytes[index + offset], to: &out) }
      column += width
      index += count
    }
  }
}
