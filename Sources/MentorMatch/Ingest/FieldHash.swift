/// A 64-bit hash of a field's bytes, for the byte-keyed tables of ingest
/// (``TextPool``, duplicate resolution): FNV-1a
/// (<http://www.isthe.com/chongo/tech/comp/fnv/>), with no per-process seed,
/// so the same bytes always hash alike. Tables use it only to find
/// candidates and always confirm a match on the bytes, so a collision costs
/// time, never a wrong answer, and no output depends on it.
enum FieldHash {
  static let start: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// The hash of `bytes`.
  static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = start
    for byte in bytes { hash = combine(hash, byte) }
    return hash
  }

  /// `hash` extended by one more byte.
  static func combine(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* prime
  }

  /// The hash of `bytes` with ASCII capitals lowercased, for keys compared
  /// without case; nil when a byte is not ASCII (Unicode lowercasing is left
  /// to the caller).
  static func ofLowercasedASCII(_ bytes: some Sequence<UInt8>) -> UInt64? {
    var hash = start
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      hash = combine(hash, lowercased(byte))
    }
    return hash
  }

  /// An ASCII capital lowercased; any other byte unchanged.
  static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
  }

  /// A slot for `hash` in a table of `1 << bits` slots: Fibonacci hashing
  /// (Knuth, TAOCP vol. 3, §6.4) spreads FNV's weak low bits over the table.
  static func slot(_ hash: UInt64, bits: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
  }
}
