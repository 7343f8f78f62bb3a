/// Successive shortest paths with potentials (Ahuja, Magnanti & Orlin,
/// *Network Flows*, 1993, §9.7) on the bipartite network of a
/// ``MatchingProblem``:
///
/// - every mentee `i` has a supply of `Q_i = min(capacity, degree)` units;
/// - an arc `i → j` per edge, capacity 1, cost `-weight(edge)`;
/// - an arc `j → T` per mentor slot, cost `-slotBonus(k)` for its k-th slot;
/// - a "skip" arc `i → T` per unit a mentee leaves unused: the first
///   `Q_i - 1` cost 0 and the last costs `peopleBonus` (the mentee is then
///   unmatched and loses its bonus).
///
/// Every supply unit goes to `T` along a shortest path in reduced costs
/// (Dijkstra, stopped as soon as `T` is settled, so each search stays near
/// its source; the skip arc bounds the radius). A path of two tight arcs is
/// taken without a search, which makes the start a greedy warm start. All
/// state is in flat arrays indexed by node or edge.
///
/// Nodes: mentees `0..<m`, mentors `m..<m+n`, the sink `T = m+n`.
struct MinCostFlow {
  let menteeCount: Int
  let mentorCount: Int
  let sink: Int
  let menteeStart: [Int]
  let edgeMentee: [Int32]
  let edgeMentor: [Int32]
  /// The cost of each edge's forward arc: minus its weight.
  let edgeCost: [Int]
  let peopleBonus: Int
  let menteeSupply: [Int]
  let mentorSlots: [Int]

  var matched: [Bool]
  var skipped: [Int]
  /// Matched edges of mentor j: `mentorEdges[slotStart[j] ..< slotStart[j] + load[j]]`.
  var slotStart: [Int]
  var mentorEdges: [Int32]
  var load: [Int]
  var potential: [Int]

  // Dijkstra scratch, reused across searches.
  var distance: [Int]
  var parentEdge: [Int32]
  var seenRound: [Int32]
  var doneRound: [Int32]
  var settled: [Int32] = []
  var heap = DistanceHeap()
  var round: Int32 = 0
  var sinkParent = 0

  init(problem: MatchingProblem, encoding: ObjectiveEncoding) {
    menteeCount = problem.menteeCount
    mentorCount = problem.mentorCount
    sink = menteeCount + mentorCount
    menteeStart = problem.menteeStart
    let edges = problem.edges
    edgeMentee = edges.map { Int32($0.mentee) }
    edgeMentor = edges.map { Int32($0.mentor) }
    edgeCost = edges.map { -encoding.weight(of: $0) }
    peopleBonus = encoding.peopleBonus
    let degrees = problem.degrees()
    menteeSupply = zip(problem.menteeCapacities, degrees.mentee).map { min($0, $1) }
    mentorSlots = zip(problem.mentorCapacities, degrees.mentor).map { min($0, $1) }
    matched = [Bool](repeating: false, count: edges.count)
    skipped = [Int](repeating: 0, count: menteeCount)
    var start = [Int](repeating: 0, count: mentorCount + 1)
    for mentor in 0..<mentorCount { start[mentor + 1] = start[mentor] + mentorSlots[mentor] }
    slotStart = start
    mentorEdges = [Int32](repeating: -1, count: start[mentorCount])
    load = [Int](repeating: 0, count: mentorCount)

    // Initial potentials make every arc's reduced cost c + p(u) - p(v) ≥ 0:
    // p(T) = 0, each mentor's first slot tight, each mentee at its best arc.
    let nodes = sink + 1
    var potential = [Int](repeating: 0, count: nodes)
    for mentor in 0..<mentorCount { potential[menteeCount + mentor] = peopleBonus }
    for mentee in 0..<menteeCount {
      let supply = menteeSupply[mentee]
      var best = supply == 1 ? -peopleBonus : 0
      for edge in menteeStart[mentee]..<menteeStart[mentee + 1] {
        best = max(best, -edgeCost[edge] + peopleBonus)
      }
      potential[mentee] = best
    }
    self.potential = potential
    distance = [Int](repeating: 0, count: nodes)
    parentEdge = [Int32](repeating: -1, count: nodes)
    seenRound = [Int32](repeating: 0, count: nodes)
    doneRound = [Int32](repeating: 0, count: nodes)
  }

  /// The cost of the next unused skip unit of `mentee`.
  @inline(__always)
  func skipCost(_ mentee: Int) -> Int {
    skipped[mentee] + 1 == menteeSupply[mentee] ? peopleBonus : 0
  }

  /// The cost of the next unused slot of `mentor`.
  @inline(__always)
  func slotCost(_ mentor: Int) -> Int {
    load[mentor] == 0 ? -peopleBonus : 0
  }

  /// Routes every supply unit, mentee by mentee in index order.
  mutating func solve() {
    for mentee in 0..<menteeCount {
      for _ in 0..<menteeSupply[mentee] {
        if !augmentAlongTightArcs(from: mentee) {
          shortestPath(from: mentee)
          augment(from: mentee)
        }
      }
    }
  }

  /// Takes `mentee → mentor → T` when both arcs have reduced cost zero: a
  /// shortest path found without a search.
  private mutating func augmentAlongTightArcs(from mentee: Int) -> Bool {
    let p = potential[mentee]
    for edge in menteeStart[mentee]..<menteeStart[mentee + 1] where !matched[edge] {
      let mentor = Int(edgeMentor[edge])
      let node = menteeCount + mentor
      guard edgeCost[edge] + p - potential[node] == 0, load[mentor] < mentorSlots[mentor],
        slotCost(mentor) + potential[node] - potential[sink] == 0
      else { continue }
      match(edge, mentor: mentor)
      return true
    }
    return false
  }

  @inline(__always)
  mutating func match(_ edge: Int, mentor: Int) {
    matched[edge] = true
    mentorEdges[slotStart[mentor] + load[mentor]] = Int32(edge)
    load[mentor] += 1
  }

  @inline(__always)
  mutating func unmatch(_ edge: Int, mentor: Int) {
    matched[edge] = false
    let first = slotStart[mentor]
    let last = first + load[mentor] - 1
    for slot in first...last where mentorEdges[slot] == Int32(edge) {
      mentorEdges[slot] = mentorEdges[last]
      break
    }
    load[mentor] -= 1
  }
}
