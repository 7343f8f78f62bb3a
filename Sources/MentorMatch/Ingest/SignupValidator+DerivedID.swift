import Crypto

extension SignupValidator {
  /// The id used when the export has no id column: `e-` and the first 16 hex
  /// digits of the SHA-256 (FIPS 180-4) of the lowercased address. Stable
  /// across runs, and it does not reveal the address.
  public static func derivedID(email: String) -> String {
    if let id = derivedID(asciiEmail: ArraySlice(email.utf8)) { return id }
    return "e-" + SHA256Hex.of(Array(email.lowercased().utf8)).prefix(16)
  }

  /// ``derivedID(email:)`` from the UTF-8 of an ASCII address, worked out on
  /// the bytes: ASCII capitals lowercased as `String.lowercased()` does (in a
  /// copy only when there is one), and only the 16 digits kept written out.
  /// Nil when a byte is not ASCII, whose lowercasing is Unicode's.
  ///
  /// Ingest derives an id for every row of an export without an id column,
  /// and the `String` way (a lowercased copy, an array, 64 hex digits, a
  /// prefix and a concatenation) cost more than the hash itself.
  static func derivedID(asciiEmail bytes: ArraySlice<UInt8>) -> String? {
    var capitals = false
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      if byte &- 0x41 < 26 { capitals = true }
    }
    let digest = capitals ? SHA256.hash(data: bytes.map(FieldHash.lowercased)) : SHA256.hash(data: bytes)
    var id = [UInt8](repeating: 0, count: 2 + 16)
    id[0] = UInt8(ascii: "e")
    id[1] = UInt8(ascii: "-")
    var digit = 2
    for byte in digest {
      id[digit] = hexDigits[Int(byte >> 4)]
      id[digit + 1] = hexDigits[Int(byte & 0x0F)]
      digit += 2
      if digit == id.count { break }
    }
    return String(decoding: id, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
