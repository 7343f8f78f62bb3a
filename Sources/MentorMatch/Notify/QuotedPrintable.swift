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

  /// Encodes UTF-8 `bytes`, the same as encoding their text. One pass: a
  /// byte is last on its line when the next is a line end or there is none,
  /// so lines need not be found first.
  static func encode(_ bytes: [UInt8]) -> [UInt8] {
    let plain = plainBytes
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
    let total = bytes.count
    func endsLine(_ at: Int) -> Bool { at == total || bytes[at] == 0x0A || bytes[at] == 0x0D }
    var column = 0
    var index = 0
    var atLineStart = true
    while index < total {
      if atLineStart {
        atLineStart = false
        let startsWithFrom =
          total - index >= 5 && bytes[index] == 0x46 && bytes[index + 1] == 0x72 && bytes[index + 2] == 0x6F
          && bytes[index + 3] == 0x6D && bytes[index + 4] == 0x20
        if startsWithFrom {
          appendEscaped(bytes[index], to: &out)
          column = 3
          index += 1
          continue
        }
      }
      // A run of plain bytes that fit before the soft-break column, copied
      // as they are in one go; the line's last byte is left to the checks
      // below (whitespace there must be encoded).
      let columnLimit = min(total, index + (lineLimit - 1 - column))
      var runEnd = index
      // A table rather than `isPlain`'s comparisons: letters and spaces
      // alternate, and the branches mispredicted on every word.
      while runEnd < columnLimit, plain[Int(bytes[runEnd])] { runEnd += 1 }
      if endsLine(runEnd) { runEnd -= 1 }
      if runEnd > index {
        out.append(contentsOf: bytes[index..<runEnd])
        column += runEnd - index
        index = runEnd
        continue
      }
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        out.append(0x0D)
        out.append(0x0A)
        column = 0
        atLineStart = true
        index += 1
        if byte == 0x0D, index < total, bytes[index] == 0x0A { index += 1 }
        continue
      }
      if byte < 0x80 {
        let isLast = endsLine(index + 1)
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
      while count < expected, index + count < total, bytes[index + count] & 0xC0 == 0x80 { count += 1 }
      let width = 3 * count
      if column + width > (endsLine(index + count) ? lineLimit : lineLimit - 1), column > 0 {
        appendSoftBreak(to: &out)
        column = 0
      }
      for offset in 0..<count { appendEscaped(bytes[index + offset], to: &out) }
      column += width
      index += count
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
  static func isPlain(_ byte: UInt8) -> Bool {
    (byte &- 33 < 94 && byte != 61) || byte == 32 || byte == 9
  }

  /// ``isPlain(_:)`` for every byte value, indexed by the byte.
  static let plainBytes: [Bool] = (0...255).map { isPlain(UInt8($0)) }
}
