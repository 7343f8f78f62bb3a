/// The best `k` entries seen so far under (score descending, id rank
/// ascending), kept in a binary min-heap whose root is the worst entry, so a
/// newcomer is compared with one value (Williams, "Algorithm 232: Heapsort", CACM 1964).
struct TopK {
  struct Entry: Equatable {
    var score: Int
    /// Rank of the mentor's id in sorted order: lower wins a tie.
    var rank: Int32
    var mentor: Int32
    /// The skills rule's Σ weight × credit for the pair, when the search knows it (else -1).
    var covered = -1
  }

  let k: Int
  private(set) var heap: [Entry] = []

  init(k: Int) {
    self.k = k
    heap.reserveCapacity(k)
  }

  var isFull: Bool { heap.count >= k }

  /// The worst entry kept, when full.
  var worst: Entry? { isFull ? heap.first : nil }

  /// Whether `a` ranks below `b`.
  @inline(__always)
  static func worse(_ a: Entry, _ b: Entry) -> Bool {
    a.score < b.score || (a.score == b.score && a.rank > b.rank)
  }

  /// Whether an entry with this score and rank would be kept.
  @inline(__always)
  func admits(score: Int, rank: Int32) -> Bool {
    guard isFull, let root = heap.first else { return k > 0 }
    return Self.worse(root, Entry(score: score, rank: rank, mentor: 0))
  }

  mutating func offer(_ entry: Entry) {
    if heap.count < k {
      heap.append(entry)
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) >> 1
        guard Self.worse(heap[child], heap[parent]) else { break }
        heap.swapAt(child, parent)
        child = parent
      }
    } else if k > 0, Self.worse(heap[0], entry) {
      heap[0] = entry
      Self.siftDown(&heap, from: 0, count: heap.count)
    }
  }

  /// Restores the heap order below `parent` in `heap[..<count]`.
  @inline(__always)
  private static func siftDown(_ heap: inout [Entry], from parent: Int, count: Int) {
    var parent = parent
    while true {
      let left = 2 * parent + 1, right = left + 1
      var lowest = parent
      if left < count, worse(heap[left], heap[lowest]) { lowest = left }
      if right < count, worse(heap[right], heap[lowest]) { lowest = right }
      if lowest == parent { return }
      heap.swapAt(parent, lowest)
      parent = lowest
    }
  }

  /// The entries best first. Heapsort on the heap already built: the worst
  /// goes last, then the worst of the rest before it, and so on. Ranks are
  /// unique, so the order is total and matches any other sort's.
  func sorted() -> [Entry] {
    var entries = heap
    var end = entries.count - 1
    while end > 0 {
      entries.swapAt(0, end)
      Self.siftDown(&entries, from: 0, count: end)
      end -= 1
    }
    return entries
  }
}
