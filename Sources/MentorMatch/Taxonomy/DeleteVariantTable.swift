/// An open-addressing hash table (linear probing, Knuth, TAOCP vol. 3, §6.4,
/// algorithm L) from the hash of a symmetric-delete variant to the run of
/// equal keys in ``FuzzyLabelIndex``'s sorted `deleteKeys`.
///
/// It replaces a binary search over some two million sorted keys: the fuzzy
/// stage looks up every delete variant of every word of every term that
/// reaches it (up to 56 per word), and each probe of a binary search that size
/// is a cache miss. Here a lookup is one multiply and, almost always, one slot.
/// The runs it returns are the same ranges the binary search found, so the
/// candidates, and their order, do not change.
struct DeleteVariantTable: Sendable {
  struct Slot: Sendable {
    var key: UInt64 = 0
    var start: Int32 = 0
    /// 0 marks an empty slot: every stored run holds at least one key.
    var count: Int32 = 0
  }

  private let slots: [Slot]
  private let shift: UInt64

  /// A table over `sortedKeys`, which must be in ascending order.
  init(sortedKeys: [UInt64]) {
    var distinct = 0
    for index in sortedKeys.indices where index == 0 || sortedKeys[index] != sortedKeys[index - 1] {
      distinct += 1
    }
    // At most half full, so probe runs stay short.
    var bits: UInt64 = 4
    while (1 << bits) < distinct * 2 { bits += 1 }
    let shift = 64 - bits
    let mask = (1 << Int(bits)) - 1
    var slots = Array(repeating: Slot(), count: 1 << Int(bits))
    var start = 0
    while start < sortedKeys.count {
      let key = sortedKeys[start]
      var end = start + 1
      while end < sortedKeys.count, sortedKeys[end] == key { end += 1 }
      var slot = Self.home(key, shift: shift)
      while slots[slot].count != 0 { slot = (slot + 1) & mask }
      slots[slot] = Slot(key: key, start: Int32(start), count: Int32(end - start))
      start = end
    }
    self.slots = slots
    self.shift = shift
  }

  /// Fibonacci hashing: the key's FNV-1a low bits are weak, its product's high bits are not.
  @inline(__always)
  private static func home(_ key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The positions in the sorted keys equal to `key` (empty when there are none).
  @inline(__always)
  func range(_ key: UInt64) -> Range<Int> {
    let mask = slots.count - 1
    var slot = Self.home(key, shift: shift)
    while true {
      let entry = slots[slot]
      if entry.count == 0 { return 0..<0 }
      if entry.key == key { return Int(entry.start)..<Int(entry.start + entry.count) }
      slot = (slot + 1) & mask
    }
  }
}
