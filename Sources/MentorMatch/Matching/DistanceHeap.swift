/// A binary min-heap of (distance, node) for Dijkstra's algorithm, kept in
/// two flat arrays. Stale entries are skipped by the caller (lazy deletion),
/// which is cheaper than a decrease-key on sparse graphs.
struct DistanceHeap {
  private var keys: [Int] = []
  private var nodes: [Int32] = []

  var isEmpty: Bool { keys.isEmpty }

  /// The smallest distance, if any.
  var minKey: Int? { keys.first }

  mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    nodes.removeAll(keepingCapacity: true)
  }

  mutating func push(_ key: Int, _ node: Int32) {
    var child = keys.count
    keys.append(key)
    nodes.append(node)
    while child > 0 {
      let parent = (child - 1) / 2
      guard keys[parent] > key else { break }
      keys[child] = keys[parent]
      nodes[child] = nodes[parent]
      child = parent
    }
    keys[child] = key
    nodes[child] = node
  }

  mutating func pop() -> (key: Int, node: Int32)? {
    guard let top = keys.first else { return nil }
    let topNode = nodes[0]
    let lastKey = keys.removeLast()
    let lastNode = nodes.removeLast()
    let count = keys.count
    if count > 0 {
      var parent = 0
      while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count, keys[child + 1] < keys[child] { child += 1 }
        guard keys[child] < lastKey else { break }
        keys[parent] = keys[child]
        nodes[parent] = nodes[child]
        parent = child
      }
      keys[parent] = lastKey
      nodes[parent] = lastNode
    }
    return (top, topNode)
  }
}
