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

  /// The entries best first: ``packedSorted(_:)``, or heapsort on the heap
  /// already built when the keys do not fit. Ranks are unique, so the order is
  /// total and both give the same list.
  func sorted() -> [Entry] {
    Self.packedSorted(heap) ?? heapSorted()
  }

  /// Any entries (unique ranks) best first, as ``sorted()`` orders them.
  static func bestFirst(_ entries: [Entry]) -> [Entry] {
    packedSorted(entries) ?? entries.sorted { worse($1, $0) }
  }

  /// Any entries (unique ranks) best first, as ``bestFirst(_:)``, by a
  /// counting sort on the score when scores span few values: stable, so
  /// entries handed over by rank within each grade block come out in a few
  /// rising runs per score, and only a score whose ranks do not already rise
  /// is sorted again. Otherwise ``bestFirst(_:)``.
  static func bestFirstByScore(_ entries: [Entry]) -> [Entry] {
    guard entries.count > 1 else { return entries }
    var best = Int.min, worst = Int.max
    for entry in entries {
      best = Swift.max(best, entry.score)
      worst = Swift.min(worst, entry.score)
    }
    let (spread, overflow) = best.subtractingReportingOverflow(worst)
    guard !overflow, spread < 4 * entries.count + 64 else { return bestFirst(entries) }
    // starts[d]: where score best − d begins in the output.
    var starts = [Int](repeating: 0, count: spread + 2)
    for entry in entries { starts[best - entry.score + 1] += 1 }
    for d in 1..<starts.count { starts[d] += starts[d - 1] }
    var sorted = entries
    var next = starts
    for entry in entries {
      let d = best - entry.score
      sorted[next[d]] = entry
      next[d] += 1
    }
    for d in 0...spread where starts[d + 1] - starts[d] > 1 {
      let run = starts[d]..<starts[d + 1]
      var rising = true
      for n in run.dropFirst() where sorted[n - 1].rank > sorted[n].rank {
        rising = false
        break
      }
      if !rising { sorted.replaceSubrange(run, with: bestFirst(Array(sorted[run]))) }
    }
    return sorted
  }

  /// Entries best first, each turned into one 64-bit key (best − score, rank,
  /// position) and the keys sorted as plain integers: no branchy comparisons
  /// of two fields. Nil when the scores' spread, the ranks and the positions
  /// do not fit one word together.
  static func packedSorted(_ entries: [Entry]) -> [Entry]? {
    guard entries.count > 1 else { return entries }
    var best = Int.min, worst = Int.max
    var maxRank: Int32 = 0, minRank: Int32 = 0
    for entry in entries {
      best = Swift.max(best, entry.score)
      worst = Swift.min(worst, entry.score)
      maxRank = Swift.max(maxRank, entry.rank)
      minRank = Swift.min(minRank, entry.rank)
    }
    let positionBits = Int.bitWidth - (entries.count - 1).leadingZeroBitCount
    let rankBits = Int.bitWidth - Int(maxRank).leadingZeroBitCount
    let (spread, overflow) = best.subtractingReportingOverflow(worst)
    guard !overflow, minRank >= 0, positionBits + rankBits + spreadBits <= 64, spread < 1 << spreadBits
    else { return nil }
    var keys = [UInt64](repeating: 0, count: entries.count)
    for (position, entry) in entries.enumerated() {
      keys[position] = UInt64(best - entry.score) << (positionBits + rankBits)
        | UInt64(entry.rank) << positionBits | UInt64(position)
    }
    keys.sort()
    let mask = UInt64(1) << positionBits - 1
    return keys.map { entries[Int($0 & mask)] }
  }

  /// Bits kept for the spread of scores in ``sorted()``'s keys.
  private static let spreadBits = 24

  /// The entries best first by heapsort on the heap already built: the worst
  /// goes last, then the worst of the rest before it, and so on.
  func heapSorted() -> [Entry] {
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
