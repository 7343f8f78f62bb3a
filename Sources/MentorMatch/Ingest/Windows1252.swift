/// Decodes Windows-1252 ("ANSI", what Excel on Windows often saves) to Unicode.
/// <https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT>
enum Windows1252 {
  /// Code points for bytes 0x80–0x9F; the five bytes the code page leaves
  /// undefined map to the C1 control of the same number, as WHATWG's decoder does.
  private static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// The Unicode scalar a byte stands for.
  static func scalar(_ byte: UInt8) -> Unicode.Scalar {
    guard (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(high[Int(byte) - 0x80]) else {
      return Unicode.Scalar(byte)
    }
    return scalar
  }

  static func decode(_ bytes: some Sequence<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes { scalars.append(scalar(byte)) }
    return String(scalars)
  }

  /// Appends the UTF-8 encoding of Windows-1252 `bytes` to `output`.
  static func appendUTF8(of bytes: some Sequence<UInt8>, to output: inout [UInt8]) {
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
      } else {
        UTF8.encode(scalar(byte)) { output.append($0) }
      }
    }
  }
}
