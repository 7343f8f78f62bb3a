/// What duplicate resolution compares of one accepted sign-up, as numbers,
/// made once while the row is read so that resolving 400,000 sign-ups
/// hashes no `String`.
///
/// Only for sign-ups whose id and address are ASCII and whose time is empty
/// or in normal form: for those, equal bytes are exactly equal Strings and
/// byte order is exactly `String` order. Anything else (a non-ASCII id, say,
/// which Unicode may call equal to a different spelling) has no key, and
/// resolution then compares Strings as it always did.
struct DuplicateKey: Equatable {
  /// `signed_up_at` as one number that orders as the text does: 0 when
  /// empty, else 1 + its fourteen digits read as one decimal.
  var time: UInt64
  /// ``FieldHash`` of the id.
  var id: UInt64
  /// ``FieldHash`` of the address, lowercased.
  var email: UInt64
  /// The id's first eight bytes, big-endian and zero-padded: orders ids
  /// as `String` does, up to ties that the full ids then decide.
  var idPrefix: UInt64

  /// The key of a sign-up, from its Strings.
  init?(_ signup: borrowing Signup) {
    self.init(id: signup.id.utf8, email: signup.email.utf8, signedUpAt: signup.signedUpAt.utf8)
  }

  /// The key from the UTF-8 of a sign-up's id, address and (normalised) time.
  init?(id: some Sequence<UInt8>, email: some Sequence<UInt8>, signedUpAt: some Sequence<UInt8>) {
    guard let time = Self.time(signedUpAt), let email = FieldHash.ofLowercasedASCII(email) else { return nil }
    var prefix: UInt64 = 0
    var hash = FieldHash.start
    var length = 0
    for byte in id {
      guard byte < 0x80 else { return nil }
      if length < 8 { prefix |= UInt64(byte) << UInt64(56 - 8 * length) }
      length += 1
      hash = FieldHash.combine(hash, byte)
    }
    self.time = time
    self.id = hash
    self.email = email
    self.idPrefix = prefix
  }

  /// `-`, `-`, `T`, `:`, `:`, `Z`: the separators of `2026-11-02T09:30:00Z`, by offset.
  private static let separators: [UInt8?] = {
    var shape = [UInt8?](repeating: nil, count: 20)
    for (offset, byte) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] {
      shape[offset] = byte.utf8.first
    }
    return shape
  }()

  private static func time(_ text: some Sequence<UInt8>) -> UInt64? {
    var value: UInt64 = 0
    var offset = 0
    for byte in text {
      guard offset < 20 else { return nil }
      if let separator = separators[offset] {
        guard byte == separator else { return nil }
      } else {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + UInt64(byte - 0x30)
      }
      offset += 1
    }
    guard offset == 20 || offset == 0 else { return nil }
    return offset == 0 ? 0 : value + 1
  }
}
