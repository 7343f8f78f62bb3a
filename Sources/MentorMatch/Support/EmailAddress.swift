/// An email address (an RFC 5322 `addr-spec`) that passed validation.
///
/// Accepts a dot-atom or quoted-string local part and a host-name domain
/// ([RFC 5322 §3.4.1](https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1)),
/// within the SMTP limits of [RFC 5321 §4.5.3.1](https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1):
/// local part ≤ 64 octets, domain ≤ 255 octets, path (`<addr-spec>`) ≤ 256 octets.
/// Address literals, comments and non-ASCII (SMTPUTF8) addresses are refused.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
  /// The part before the last `@`, exactly as given (quotes included).
  public let localPart: String
  /// The domain, lowercased.
  public let domain: String

  /// The addr-spec, `local@domain`.
  public var addrSpec: String { "\(localPart)@\(domain)" }
  public var description: String { addrSpec }

  /// The address with the local part reduced to its first character, for
  /// messages and listings: `s***@cabinetoffice.gov.uk`.
  public var masked: String { "\(localPart.prefix(1))***@\(domain)" }

  /// Validates `text` as an addr-spec and returns it, or throws the reason.
  /// Ingest uses this for the sign-up export's address columns.
  public static func validate(_ text: String) throws(EmailAddressError) -> EmailAddress {
    if text.isEmpty { throw .empty }
    for scalar in text.unicodeScalars {
      if HeaderText.isControl(scalar) { throw .controlCharacter }
      if scalar.value > 0x7E { throw .nonASCII }
    }
    let bytes = Array(text.utf8)
    guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { throw .missingAt }
    let local = Array(bytes[..<at])
    let domain = Array(bytes[(at + 1)...])
    if local.isEmpty { throw .emptyLocalPart }
    if domain.isEmpty { throw .emptyDomain }
    if local.count > 64 { throw .localPartTooLong(local.count) }
    if domain.count > 255 { throw .domainTooLong(domain.count) }
    if bytes.count + 2 > 256 { throw .pathTooLong(bytes.count + 2) }
    try checkLocalPart(local)
    try checkDomain(domain)
    return EmailAddress(
      localPart: String(decoding: local, as: UTF8.self),
      domain: String(decoding: domain, as: UTF8.self).lowercased())
  }

  private init(localPart: String, domain: String) {
    self.localPart = localPart
    self.domain = domain
  }

  /// `atext` of RFC 5322 §3.2.3.
  static func isAtext(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
  }

  private static func checkLocalPart(_ local: [UInt8]) throws(EmailAddressError) {
    if local.first == UInt8(ascii: "\"") {
      guard local.count >= 2, local.last == UInt8(ascii: "\"") else { throw .invalidLocalPart }
      var index = 1
      while index < local.count - 1 {
        let byte = local[index]
        if byte == UInt8(ascii: "\\") {
          // quoted-pair: a backslash and any visible character or space.
          guard index + 1 < local.count - 1 else { throw .invalidLocalPart }
          index += 2
          continue
        }
        guard byte == 0x20 || (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "\"")) else {
          throw .invalidLocalPart
        }
        index += 1
      }
      return
    }
    try checkDotAtom(local, error: .invalidLocalPart)
  }

  private static func checkDotAtom(_ bytes: [UInt8], error: EmailAddressError) throws(EmailAddressError) {
    var previousDot = true
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        if previousDot { throw error }
        previousDot = true
      } else {
        guard isAtext(byte) else { throw error }
        previousDot = false
      }
    }
    if previousDot { throw error }
  }

  private static func checkDomain(_ domain: [UInt8]) throws(EmailAddressError) {
    if domain.first == UInt8(ascii: "[") { throw .addressLiteral }
    let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard labels.count >= 2 else { throw .invalidDomain }
    for label in labels {
      guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
      else { throw .invalidDomain }
      for byte in label {
        let ok =
          (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        guard ok else { throw .invalidDomain }
      }
    }
    if let last = labels.last, last.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
      throw .invalidDomain
    }
  }
}

/// Why a text is not a usable email address. The words never repeat the address.
public enum EmailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty
  case controlCharacter
  case nonASCII
  case missingAt
  case emptyLocalPart
  case emptyDomain
  case localPartTooLong(Int)
  case domainTooLong(Int)
  case pathTooLong(Int)
  case invalidLocalPart
  case invalidDomain
  case addressLiteral

  public var description: String {
    switch self {
    case .empty: "empty"
    case .controlCharacter: "holds a control character"
    case .nonASCII: "holds non-ASCII characters (internationalised addresses are not supported)"
    case .missingAt: "no '@'"
    case .emptyLocalPart: "nothing before the '@'"
    case .emptyDomain: "nothing after the '@'"
    case .localPartTooLong(let n): "the part before the '@' is \(n) characters (at most 64, RFC 5321)"
    case .domainTooLong(let n): "the domain is \(n) characters (at most 255, RFC 5321)"
    case .pathTooLong(let n): "the address is \(n - 2) characters (at most 254, RFC 5321)"
    case .invalidLocalPart: "the part before the '@' is neither a dot-atom nor a quoted string (RFC 5322)"
    case .invalidDomain: "the domain is not a valid host name"
    case .addressLiteral: "address literals such as '[192.0.2.1]' are not accepted"
    }
  }
}
