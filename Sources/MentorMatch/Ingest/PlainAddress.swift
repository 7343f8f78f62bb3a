/// A fast check, on bytes, for the plain shape nearly every address in an
/// export has: a dot-atom local part and a host-name domain within the
/// RFC 5321 length limits (RFC 5322 §3.4.1, RFC 5321 §4.5.3.1).
///
/// It applies the rules of ``EmailAddress/validate(_:)`` for that shape
/// only: `true` means `validate` accepts the address; `false` means "not
/// the plain shape", and the caller asks `validate` for the reason (quoted
/// local parts, for one, are left to it).
enum PlainAddress {
  static func isValid<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
    let count = bytes.count
    // The path `<addr-spec>` is at most 256 octets.
    guard count > 0, count + 2 <= 256, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
    let local = bytes[..<at]
    let domain = bytes[bytes.index(after: at)...]
    guard (1...64).contains(local.count), !domain.isEmpty else { return false }
    return isDotAtom(local) && isHostName(domain)
  }

  private static func isDotAtom(_ bytes: some Collection<UInt8>) -> Bool {
    var previousDot = true
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        if previousDot { return false }
        previousDot = true
      } else {
        guard isAtext(byte) else { return false }
        previousDot = false
      }
    }
    return !previousDot
  }

  /// `atext` of RFC 5322 §3.2.3.
  private static func isAtext(_ byte: UInt8) -> Bool {
    if isAlphanumeric(byte) { return true }
    switch byte {
    case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
      UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"),
      UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
      UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// Two or more labels of 1–63 letters, digits and inner hyphens; the last
  /// label not all digits.
  private static func isHostName(_ bytes: some Collection<UInt8>) -> Bool {
    var labels = 0
    var length = 0
    var last = UInt8(0)
    var allDigits = true
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard length > 0, last != UInt8(ascii: "-") else { return false }
        labels += 1
        length = 0
        allDigits = true
        continue
      }
      if byte == UInt8(ascii: "-") {
        guard length > 0 else { return false }
      } else if !isAlphanumeric(byte) {
        return false
      }
      length += 1
      guard length <= 63 else { return false }
      if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { allDigits = false }
      last = byte
    }
    guard length > 0, last != UInt8(ascii: "-"), !allDigits else { return false }
    return labels + 1 >= 2
  }
}
