/// A hash table from the bytes of a raw cell piece, exactly as typed, to a
/// 32-bit value the caller chooses: the memo behind
/// ``SkillNormaliser/normalise(cell:into:)``'s fast path, so that a piece seen
/// before costs one hash, one slot and one comparison.
///
/// Keys are compared byte for byte, so two pieces share a value only when they
/// are the same text. The slot comes from the piece's 64-bit FNV-1a hash
/// (Fowler, Noll & Vo, <http://www.isthe.com/chongo/tech/comp/fnv/>) by
/// Fibonacci hashing; collisions probe linearly (open addressing). A slot holds
/// the hash, where the key's bytes are and the value, so a hit reads one slot
/// and the key: with 150,000 distinct pieces neither is in the cache, and
/// ``SkillNormaliser`` touches the slots of all a cell's pieces before it
/// compares any (``touch(_:)``, ``slotWithHash(_:)``), so that the misses overlap.
struct RawPieceMemo: Sendable {
  struct Slot: Sendable {
    var hash: UInt64 = 0
    /// The key is `keyBytes[keyStart..<keyStart + keyLength]`.
    var keyStart = 0
    /// -1 for an empty slot.
    var keyLength: Int32 = -1
    var value: Int32 = 0
  }

  /// Never more than half full.
  private var slots = Array(repeating: Slot(), count: 1 << 10)
  private var shift: UInt64 = 64 - 10
  private var keyBytes: [UInt8] = []

  /// How many distinct pieces are stored.
  private(set) var count = 0

  /// Keys longer than this are not stored (the caller takes its slow path).
  static let longestKey = 1 << 16

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

  /// Reads the home slot of `hash` and returns a word of it, so that a caller
  /// can start the memory loads of several lookups before it needs any.
  @inline(__always)
  func touch(_ hash: UInt64) -> UInt64 {
    slots[home(hash)].hash
  }

  /// The first slot on `hash`'s probe path that is empty or holds `hash`.
  @inline(__always)
  func slotWithHash(_ hash: UInt64) -> Int {
    let mask = slots.count - 1
    var slot = home(hash)
    while slots[slot].keyLength >= 0, slots[slot].hash != hash { slot = (slot + 1) & mask }
    return slot
  }

  /// Reads the first key byte stored in `slot` (zero for an empty slot), to start its load early.
  @inline(__always)
  func touchKey(_ slot: Int) -> UInt64 {
    let found = slots[slot]
    return found.keyLength > 0 ? UInt64(keyBytes[found.keyStart]) : 0
  }

  /// The value in `slot` if its key is `bytes`; nil when the slot is empty or
  /// holds another key (then ``find(_:hash:)`` settles it).
  @inline(__always)
  func value(_ slot: Int, ifKeyIs bytes: ArraySlice<UInt8>) -> Int32? {
    let found = slots[slot]
    guard found.keyLength >= 0, sameKey(found, bytes) else { return nil }
    return found.value
  }

  /// The value stored for `bytes` (whose hash is `hash`), if any.
  func find(_ bytes: ArraySlice<UInt8>, hash: UInt64) -> Int32? {
    let mask = slots.count - 1
    var slot = home(hash)
    while true {
      let found = slots[slot]
      if found.keyLength < 0 { return nil }
      if found.hash == hash, sameKey(found, bytes) { return found.value }
      slot = (slot + 1) & mask
    }
  }

  @inline(__always)
  private func sameKey(_ slot: Slot, _ bytes: ArraySlice<UInt8>) -> Bool {
    guard Int(slot.keyLength) == bytes.count else { return false }
    var stored = slot.keyStart
    for byte in bytes {
      guard keyBytes[stored] == byte else { return false }
      stored += 1
    }
    return true
  }

  /// Stores `bytes` (at most ``longestKey`` long, not stored yet) with its value.
  mutating func insert(_ bytes: ArraySlice<UInt8>, hash: UInt64, value: Int32) {
    let slot = Slot(hash: hash, keyStart: keyBytes.count, keyLength: Int32(bytes.count), value: value)
    keyBytes.append(contentsOf: bytes)
    count += 1
    if 2 * count > slots.count {
      let old = slots
      slots = Array(repeating: Slot(), count: slots.count * 2)
      shift -= 1
      for stored in old where stored.keyLength >= 0 { place(stored) }
    }
    place(slot)
  }

  private mutating func place(_ stored: Slot) {
    let mask = slots.count - 1
    var slot = home(stored.hash)
    while slots[slot].keyLength >= 0 { slot = (slot + 1) & mask }
    slots[slot] = stored
  }
}
