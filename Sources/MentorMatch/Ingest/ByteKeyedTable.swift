/// A hash table from text, looked up by its UTF-8 bytes, to a value: an
/// open-addressing table with linear probing (Knuth, TAOCP vol. 3, §6.4,
/// algorithm L). Keys are compared byte for byte, never by `String`
/// equality, so two spellings that Unicode calls equal stay two keys.
///
/// Built for ingest's hot loop, where a `Dictionary<String, …>` would make
/// a `String` and run SipHash for every cell.
struct ByteKeyedTable<Value: Sendable>: Sendable {
  private struct Entry: Sendable {
    var hash: UInt64
    /// Where the key's bytes sit in `keyBytes`.
    var start: Int
    var count: Int
    var value: Value
  }

  private var entries: [Entry] = []
  /// Every key's UTF-8, one after another.
  private var keyBytes: [UInt8] = []
  /// Entry indices; -1 marks an empty slot. Kept at most half full.
  private var slots = [Int32](repeating: -1, count: 64)
  private var bits = 6

  /// How many keys the table holds.
  var count: Int { entries.count }

  /// The entry whose key is `bytes`, or nil; `hash` is ``FieldHash`` of `bytes`.
  func find(_ hash: UInt64, _ bytes: ArraySlice<UInt8>) -> Int? {
    let mask = slots.count - 1
    var slot = FieldHash.slot(hash, bits: bits)
    while true {
      let index = Int(slots[slot])
      if index < 0 { return nil }
      // Field by field: copying the whole entry would retain its value.
      if entries[index].hash == hash, entries[index].count == bytes.count, isKey(at: entries[index].start, bytes) {
        return index
      }
      slot = (slot + 1) & mask
    }
  }

  private func isKey(at start: Int, _ bytes: ArraySlice<UInt8>) -> Bool {
    var offset = start
    for byte in bytes {
      if keyBytes[offset] != byte { return false }
      offset += 1
    }
    return true
  }

  /// The value of an entry ``find(_:_:)`` returned.
  func value(at entry: Int) -> Value { entries[entry].value }

  /// Adds a key that ``find(_:_:)`` did not find.
  mutating func insert(_ hash: UInt64, key: ArraySlice<UInt8>, value: Value) {
    if (entries.count + 1) * 2 > slots.count { grow() }
    place(Int32(entries.count), hash: hash)
    entries.append(Entry(hash: hash, start: keyBytes.count, count: key.count, value: value))
    keyBytes.append(contentsOf: key)
  }

  private mutating func place(_ entry: Int32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = FieldHash.slot(hash, bits: bits)
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = entry
  }

  private mutating func grow() {
    bits += 1
    slots = [Int32](repeating: -1, count: 1 << bits)
    for index in entries.indices { place(Int32(index), hash: entries[index].hash) }
  }
}
