/// RFC 2047 encoded-words: `=?utf-8?q?Zo=C3=AB?=` and `=?utf-8?b?…?=`.
///
/// See [RFC 2047](https://www.rfc-editor.org/rfc/rfc2047). Words are split on
/// character boundaries so that each word decodes to whole characters
/// (§5 rule 3), and each is at most 75 characters (§2).
extension HeaderText {
  private static let hexDigits = Array("0123456789ABCDEF".utf8)
  private static let base64Digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Characters that may stand for themselves in a Q-encoded word inside a
  /// phrase (RFC 2047 §5 rule 3); everything else is `=XX`.
  private static func isQLiteral(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
      UInt8(ascii: "-"), UInt8(ascii: "/"):
      return true
    default:
      return false
    }
  }

  private static func qLength(_ bytes: some Sequence<UInt8>) -> Int {
    bytes.reduce(0) { $0 + ((isQLiteral($1) || $1 == 0x20) ? 1 : 3) }
  }

  private static func qEncode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    for byte in bytes {
      if isQLiteral(byte) {
        out.append(byte)
      } else if byte == 0x20 {
        out.append(UInt8(ascii: "_"))
      } else {
        out += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func base64(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let b0 = bytes[index]
      let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
      let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
      out.append(base64Digits[Int(b0 >> 2)])
      out.append(base64Digits[Int((b0 & 3) << 4 | b1 >> 4)])
      out.append(index + 1 < bytes.count ? base64Digits[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      out.append(index + 2 < bytes.count ? base64Digits[Int(b2 & 63)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Encodes `text` as encoded-words of at most `firstLimit` (first) and 75
  /// (later) characters. Q encoding when it is not much longer than B, since
  /// it stays readable for mostly-Latin names.
  static func encodedWords(_ text: String, firstLimit: Int) -> [String] {
    let allBytes = Array(text.utf8)
    let useQ = qLength(allBytes) <= (allBytes.count + 2) / 3 * 4 * 3 / 2
    let prefix = useQ ? "=?utf-8?q?" : "=?utf-8?b?"
    let overhead = prefix.utf8.count + 2
    func length(_ bytes: [UInt8]) -> Int {
      overhead + (useQ ? qLength(bytes) : (bytes.count + 2) / 3 * 4)
    }
    // Units that must not be split: characters, or their scalars when one
    // character (a long combining sequence) alone would overflow a word.
    var units: [[UInt8]] = []
    for char in text {
      let bytes = Array(String(char).utf8)
      if length(bytes) <= encodedWordLimit - 0 && length(bytes) <= firstLimit {
        units.append(bytes)
      } else {
        for scalar in char.unicodeScalars { units.append(Array(String(scalar).utf8)) }
      }
    }
    var words: [String] = []
    var current: [UInt8] = []
    var limit = max(firstLimit, overhead + 12)
    for unit in units {
      if !current.isEmpty, length(current + unit) > limit {
        words.append(prefix + (useQ ? qEncode(current) : base64(current)) + "?=")
        current = []
        limit = encodedWordLimit
      }
      current += unit
    }
    if !current.isEmpty { words.append(prefix + (useQ ? qEncode(current) : base64(current)) + "?=") }
    return words
  }
}
