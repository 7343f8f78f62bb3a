import Crypto

extension SignupValidator {
  /// The id used when the export has no id column: `e-` and the first 16 hex
  /// digits of the SHA-256 (FIPS 180-4) of the lowercased address. Stable
  /// across runs, and it does not reveal the address.
  public static func derivedID(email: String) -> String {
    if let id = derivedID(asciiEmail: email.utf8) { return id }
    return "e-" + SHA256Hex.of(Array(email.lowercased().utf8)).prefix(16)
  }

  /// ``derivedID(email:)`` from the UTF-8 of an ASCII address, worked out on
  /// the bytes: ASCII capitals lowercased as `String.lowercased()` does, and
  /// only the 16 digits kept written out. Nil when a byte is not ASCII, whose
  /// lowercasing is Unicode's.
  ///
  /// Ingest derives an id for every row of an export without an id column,
  /// and the `String` way (a lowercased copy, an array, 64 hex digits, a
  /// prefix and a concatenation) cost more than the hash itself.
  static func derivedID(asciiEmail bytes: some Collection<UInt8>) -> String? {
    var lowered: [UInt8] = []
    lowered.reserveCapacity(bytes.count)
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      lowered.append(FieldHash.lowercased(byte))
    }
    var id: [UInt8] = [UInt8(ascii: "e"), UInt8(ascii: "-")]
    id.reserveCapacity(2 + 16)
    for byte in SHA256.hash(data: lowered) {
      id.append(hexDigits[Int(byte >> 4)])
      id.append(hexDigits[Int(byte & 0x0F)])
      if id.count == 2 + 16 { break }
    }
    return String(decoding: id, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
