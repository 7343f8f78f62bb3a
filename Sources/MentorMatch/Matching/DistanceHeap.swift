/// A binary min-heap of (distance, node) for Dijkstra's algorithm, kept in
/// one flat array of entries. Stale entries are skipped by the caller (lazy
/// deletion), which is cheaper than a decrease-key on sparse graphs.
///
/// Which of several equal keys comes out first depends on the exact sequence
/// of pushes and pops; the solvers' tie-breaks depend on it, so the sift
/// rules here must not change.
struct DistanceHeap {
  private struct Entry {
    var key: Int
    var node: Int32
  }

  private var entries: [Entry] = []

  var isEmpty: Bool { entries.isEmpty }

  /// The smallest distance, if any.
  var minKey: Int? { entries.first?.key }

  mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
  }

  mutating func push(_ key: Int, _ node: Int32) {
    var child = entries.count
    entries.append(Entry(key: key, node: node))
    while child > 0 {
      let parent = (child - 1) / 2
      guard entries[parent].key > key else { break }
      entries[child] = entries[parent]
      child = parent
    }
    entries[child] = Entry(key: key, node: node)
  }

  mutating func pop() -> (key: Int, node: Int32)? {
    guard let top = entries.first else { return nil }
    let last = entries.removeLast()
    let count = entries.count
    if count > 0 {
      var parent = 0
      while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count, entries[child + 1].key < entries[child].key { child += 1 }
        guard entries[child].key < last.key else { break }
        entries[parent] = entries[child]
        parent = child
      }
      entries[parent] = last
    }
    return (top.key, top.node)
  }
}
