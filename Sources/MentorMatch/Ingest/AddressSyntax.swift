/// Checks an email address: the addr-spec of RFC 5322 §3.4.1
/// (<https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1>) in its dot-atom
/// form, with the length limits of RFC 5321 §4.5.3.1
/// (<https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1>): local part ≤ 64
/// octets, domain ≤ 255, the whole path ≤ 254 (256 less the angle brackets).
///
/// Quoted local parts and address literals are valid RFC 5322 but refused
/// here: no HR system issues them, and every mail relay on the way must
/// handle them. The reasons never include the address itself.
public enum AddressSyntax {
  /// Why an address is refused.
  public enum Problem: String, Sendable, Equatable {
    case empty = "it is empty"
    case noAt = "it has no at sign"
    case badLocalPart = "the part before '@' has a character or dot out of place"
    case badDomain = "the domain is not a valid host name with a dot"
    case tooLong = "it is longer than RFC 5321 allows"
    case controlCharacter = "it holds a control character or space"
  }

  /// Nil when the address is valid, else the first problem found.
  public static func problem(in address: String) -> Problem? {
    let bytes = Array(address.utf8)
    guard !bytes.isEmpty else { return .empty }
    if bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) { return .controlCharacter }
    guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return .noAt }
    let local = bytes[..<at]
    let domain = bytes[(at + 1)...]
    guard bytes.count <= 254, local.count <= 64, domain.count <= 255 else { return .tooLong }
    guard isDotAtom(local, allowed: isAtext) else { return .badLocalPart }
    guard isHostName(domain) else { return .badDomain }
    return nil
  }

  /// RFC 5322 atext: letters, digits and ``!#$%&'*+-/=?^_`{|}~``; non-ASCII
  /// (UTF-8, RFC 6531) is allowed too.
  private static func isAtext(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case 0x80...0xFF: return true
    default: return Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }
  }

  private static func isDotAtom(_ bytes: ArraySlice<UInt8>, allowed: (UInt8) -> Bool) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x2E, last != 0x2E else { return false }
    var previousDot = false
    for byte in bytes {
      if byte == 0x2E {
        if previousDot { return false }
        previousDot = true
      } else {
        guard allowed(byte) else { return false }
        previousDot = false
      }
    }
    return true
  }

  /// A host name of at least two labels (RFC 1035 letters, digits, hyphens,
  /// or UTF-8 for internationalised names), each 1–63 octets, no label
  /// starting or ending with a hyphen.
  private static func isHostName(_ bytes: ArraySlice<UInt8>) -> Bool {
    let labels = bytes.split(separator: 0x2E, omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    for label in labels {
      guard (1...63).contains(label.count), label.first != 0x2D, label.last != 0x2D else { return false }
      for byte in label {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), 0x2D, 0x80...0xFF:
          continue
        default: return false
        }
      }
    }
    return true
  }
}
