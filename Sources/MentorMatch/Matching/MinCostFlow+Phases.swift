extension MinCostFlow {
  /// Routes every supply unit in phases, the primal-dual method (Ahuja,
  /// Magnanti & Orlin, *Network Flows*, 1993, §9.8) with the augmentation
  /// step of Hopcroft & Karp (SIAM J. Comput. 2(4), 1973):
  ///
  /// 1. one Dijkstra from every mentee with units left at once, stopped when
  ///    `T` is settled, then `p(v) += d(v) - d(T)` on the settled nodes, so
  ///    every shortest path to `T` is made of arcs with reduced cost zero;
  /// 2. a depth-first search over those tight arcs from the mentees whose
  ///    search tree reached `T` (from every mentee with units left when
  ///    `d(T) = 0`), in index order, augmenting as long as one is found;
  ///    dead ends stay closed for the rest of the phase.
  ///
  /// Augmenting along tight arcs keeps every residual arc's reduced cost
  /// non-negative, so the flow stays optimal for the units routed so far,
  /// exactly as in ``solve()``; one phase routes many units, where
  /// ``solve()`` searches once per unit.
  mutating func solveInPhases() {
    var left = menteeSupply
    var active = (0..<menteeCount).filter { left[$0] > 0 }.map { Int32($0) }
    var visited = [Int32](repeating: 0, count: sink + 1)
    var root = [Int32](repeating: 0, count: sink + 1)
    var promising = [Int32](repeating: 0, count: sink + 1)
    var phase: Int32 = 0
    var path: [Int32] = []
    var cursor: [Int] = []
    while !active.isEmpty {
      let sinkDistance = shortestPaths(from: active, root: &root)
      phase += 1
      // Only sources whose search tree reached T at its distance surely
      // have a tight path; searching from the others would mostly fail.
      // At distance 0 nothing was searched, so every source may have one.
      if sinkDistance > 0 {
        for node32 in settled where reachesSink(Int(node32)) {
          promising[Int(root[Int(node32)])] = phase
        }
      }
      for source32 in active {
        let source = Int(source32)
        guard sinkDistance == 0 || promising[source] == phase else { continue }
        while left[source] > 0, visited[source] != phase,
          findTightPath(from: source, phase: phase, visited: &visited, path: &path, cursor: &cursor)
        {
          augment(along: path, cursor: cursor)
          left[source] -= 1
          // Nodes on the path may have room for more; only dead ends stay
          // closed for the rest of the phase.
          for node in path { visited[Int(node)] = 0 }
        }
      }
      active.removeAll { left[Int($0)] == 0 }
    }
  }

  /// Whether settled `node` has a free arc to `T` that is tight after the
  /// potential update: the end of a shortest path.
  private func reachesSink(_ node: Int) -> Bool {
    if node < menteeCount {
      return skipped[node] < menteeSupply[node] && skipCost(node) + potential[node] - potential[sink] == 0
    }
    let mentor = node - menteeCount
    return load[mentor] < mentorSlots[mentor] && slotCost(mentor) + potential[node] - potential[sink] == 0
  }

  /// Dijkstra from all `sources` at distance 0 in reduced costs until `T`
  /// is settled, then the same potential update as ``shortestPath(from:)``.
  /// `root` receives, for each node reached, the source its path starts at.
  /// Returns the distance of `T`.
  private mutating func shortestPaths(from sources: [Int32], root: inout [Int32]) -> Int {
    round += 1
    heap.removeAll()
    settled.removeAll(keepingCapacity: true)
    for source in sources { reachNode(Int(source), distance: 0, root: source, roots: &root) }
    var sinkDistance = Int.max
    while let (key, node32) = heap.pop() {
      let u = Int(node32)
      if doneRound[u] == round || key > distance[u] { continue }
      if key >= sinkDistance { break }
      doneRound[u] = round
      settled.append(node32)
      let du = key + potential[u]
      let from = root[u]
      if u < menteeCount {
        for edge in menteeStart[u]..<menteeStart[u + 1] where !matched[edge] {
          let v = menteeCount + Int(edgeMentor[edge])
          reachNode(v, distance: du + edgeCost[edge] - potential[v], root: from, roots: &root)
        }
        if skipped[u] < menteeSupply[u] {
          sinkDistance = min(sinkDistance, du + skipCost(u) - potential[sink])
        }
      } else {
        let mentor = u - menteeCount
        let first = slotStart[mentor]
        for slot in first..<(first + load[mentor]) {
          let edge = Int(mentorEdges[slot])
          let v = Int(edgeMentee[edge])
          reachNode(v, distance: du - edgeCost[edge] - potential[v], root: from, roots: &root)
        }
        if load[mentor] < mentorSlots[mentor] {
          sinkDistance = min(sinkDistance, du + slotCost(mentor) - potential[sink])
        }
      }
    }
    for node32 in settled {
      let v = Int(node32)
      potential[v] += distance[v] - sinkDistance
    }
    return sinkDistance
  }

  @inline(__always)
  private mutating func reachNode(_ node: Int, distance d: Int, root: Int32, roots: inout [Int32]) {
    if doneRound[node] == round { return }
    if seenRound[node] == round, distance[node] <= d { return }
    seenRound[node] = round
    distance[node] = d
    roots[node] = root
    heap.push(d, Int32(node))
  }
}
