/// A hash table from the bytes of a raw cell piece, exactly as typed, to an
/// entry number: the memo behind ``SkillNormaliser/normalise(cell:)``'s fast
/// path, so that a piece seen before costs one hash and one comparison.
///
/// Keys are compared byte for byte, so two pieces share an entry only when
/// they are the same text. The slot comes from the piece's 64-bit FNV-1a hash
/// (Fowler, Noll & Vo, <http://www.isthe.com/chongo/tech/comp/fnv/>) by
/// Fibonacci hashing; collisions probe linearly. Swift's own `Dictionary` would
/// need a `String` per piece and hashes it with a seeded SipHash: on five
/// million mentions that was most of the per-mention cost.
struct RawPieceMemo: Sendable {
  /// A slot holds the key's hash beside its entry, so a miss or a collision costs no second load.
  struct Slot: Sendable {
    var hash: UInt64 = 0
    /// -1 for an empty slot.
    var entry: Int32 = -1
  }

  /// Never more than half full.
  private var slots = Array(repeating: Slot(), count: 1 << 10)
  private var shift: UInt64 = 64 - 10
  private var hashes: [UInt64] = []
  /// Entry `e`'s key is `keyBytes[keyStarts[e]..<keyStarts[e + 1]]`.
  private var keyStarts: [Int] = [0]
  private var keyBytes: [UInt8] = []

  /// How many distinct pieces are stored.
  var count: Int { hashes.count }

  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// FNV-1a of `hash` continued with one more byte.
  @inline(__always)
  static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// FNV-1a of `bytes`.
  static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var h = offsetBasis
    for byte in bytes { h = hash(h, byte) }
    return h
  }

  @inline(__always)
  private func home(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The entry for `bytes` (whose hash is `hash`), if stored.
  func find(_ bytes: ArraySlice<UInt8>, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = home(hash)
    while true {
      let found = slots[slot]
      if found.entry < 0 { return nil }
      let entry = Int(found.entry)
      if found.hash == hash, sameKey(entry, bytes) { return entry }
      slot = (slot + 1) & mask
    }
  }

  private func sameKey(_ entry: Int, _ bytes: ArraySlice<UInt8>) -> Bool {
    var stored = keyStarts[entry]
    guard keyStarts[entry + 1] - stored == bytes.count else { return false }
    for byte in bytes {
      guard keyBytes[stored] == byte else { return false }
      stored += 1
    }
    return true
  }

  /// Stores `bytes`, which must not be stored yet, and returns its entry number (entries count up from 0).
  mutating func insert(_ bytes: ArraySlice<UInt8>, hash: UInt64) -> Int {
    let entry = hashes.count
    hashes.append(hash)
    keyBytes.append(contentsOf: bytes)
    keyStarts.append(keyBytes.count)
    if 2 * hashes.count > slots.count {
      slots = Array(repeating: Slot(), count: slots.count * 2)
      shift -= 1
      for stored in hashes.indices { place(stored) }
    } else {
      place(entry)
    }
    return entry
  }

  private mutating func place(_ entry: Int) {
    let mask = slots.count - 1
    let hash = hashes[entry]
    var slot = home(hash)
    while slots[slot].entry >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Slot(hash: hash, entry: Int32(entry))
  }
}
