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
    buildTightLists()
    var active = (0..<menteeCount).filter { left[$0] > 0 }.map { Int32($0) }
    var promising = [Int32](repeating: 0, count: sink + 1)
    var phase: Int32 = 0
    var path: [Int32] = []
    var cursor: [Int] = []
    while !active.isEmpty {
      let sinkDistance = shortestPaths(from: active)
      phase += 1
      // Only sources whose search tree reached T at its distance surely
      // have a tight path; searching from the others would mostly fail.
      // At distance 0 nothing was searched, so every source may have one.
      if sinkDistance > 0 {
        for node32 in settled where reachesSink(Int(node32)) {
          promising[Int(label[Int(node32)].via)] = phase
        }
      }
      for source32 in active {
        let source = Int(source32)
        guard sinkDistance == 0 || promising[source] == phase else { continue }
        while left[source] > 0, label[source].visited != phase,
          findTightPath(from: source, phase: phase, path: &path, cursor: &cursor)
        {
          augment(along: path, cursor: cursor)
          left[source] -= 1
          // Nodes on the path may have room for more; only dead ends stay
          // closed for the rest of the phase.
          for node in path { label[Int(node)].visited = 0 }
        }
      }
      active.removeAll { left[Int($0)] == 0 }
    }
  }

  /// Whether settled `node` has a free arc to `T` that is tight after the
  /// potential update: the end of a shortest path.
  private func reachesSink(_ node: Int) -> Bool {
    let reduced = label[node].potential - label[sink].potential
    if node < menteeCount {
      return skipped[node] < menteeSupply[node] && skipCost(node) + reduced == 0
    }
    let mentor = node - menteeCount
    return load[mentor] < mentorSlots[mentor] && slotCost(mentor) + reduced == 0
  }

  /// Dijkstra from all `sources` at distance 0 in reduced costs until `T`
  /// is settled, then the same potential update as ``shortestPath(from:)``.
  /// Each reached node's `via` is the source its path starts at. Returns
  /// the distance of `T`.
  private mutating func shortestPaths(from sources: [Int32]) -> Int {
    round += 1
    heap.removeAll()
    settled.removeAll(keepingCapacity: true)
    let sinkPotential = label[sink].potential
    // d(T) is at most any source's skip arc: an upper bound before the search.
    var bound = Int.max
    for source in sources {
      let node = Int(source)
      reachNode(node, distance: 0, root: source)
      bound = min(bound, skipCost(node) + label[node].potential - sinkPotential)
    }
    var sinkDistance = Int.max
    while let (key, node32) = heap.pop() {
      let u = Int(node32)
      // Keys of a node only fall, so an entry above its distance is stale;
      // a settled node is never pushed again (reduced costs are ≥ 0).
      if key > label[u].distance { continue }
      if key >= sinkDistance { break }
      settled.append(node32)
      let du = key + label[u].potential
      let from = label[u].via
      if u < menteeCount {
        // The relaxation also rebuilds u's tight-arc list: every arc that
        // can be tight once potentials move, a superset of the tight ones.
        let first = menteeStart[u]
        var end = first
        for edge in first..<menteeStart[u + 1] {
          let mentor = edgeMentor[edge]
          if matched[edge] {
            tightArcs[end] = ArcEnd(arc: Int32(edge), node: mentor)
            end += 1
            continue
          }
          let v = menteeCount + Int(mentor)
          let d = du + edgeCost[edge] - label[v].potential
          reachNode(v, distance: d, root: from)
          // Tight after the update means d = min(d(v), d(T)): never above
          // v's best distance so far, nor above d(T).
          if label[v].distance == d, d <= min(sinkDistance, bound) {
            tightArcs[end] = ArcEnd(arc: Int32(edge), node: mentor)
            end += 1
          }
        }
        tightCount[u] = Int32(end - first)
        if skipped[u] < menteeSupply[u] {
          sinkDistance = min(sinkDistance, du + skipCost(u) - sinkPotential)
        }
      } else {
        let mentor = u - menteeCount
        let first = slotStart[mentor]
        for slot in first..<(first + load[mentor]) {
          let edge = Int(mentorEdges[slot].arc)
          let v = Int(mentorEdges[slot].node)
          reachNode(v, distance: du - edgeCost[edge] - label[v].potential, root: from)
        }
        if load[mentor] < mentorSlots[mentor] {
          sinkDistance = min(sinkDistance, du + slotCost(mentor) - sinkPotential)
        }
      }
    }
    updatePotentials(sinkDistance: sinkDistance)
    // Keep only the arcs that are tight now (and the matched ones).
    for node32 in settled where Int(node32) < menteeCount {
      let u = Int(node32)
      let first = menteeStart[u]
      let pu = label[u].potential
      var end = first
      for position in first..<(first + Int(tightCount[u])) {
        let entry = tightArcs[position]
        let arc = Int(entry.arc)
        if matched[arc] || edgeCost[arc] + pu - label[menteeCount + Int(entry.node)].potential == 0 {
          tightArcs[end] = entry
          end += 1
        }
      }
      tightCount[u] = Int32(end - first)
    }
    return sinkDistance
  }

  @inline(__always)
  private mutating func reachNode(_ node: Int, distance d: Int, root: Int32) {
    if label[node].seen == round, label[node].distance <= d { return }
    label[node].seen = round
    label[node].distance = d
    label[node].via = root
    heap.push(d, Int32(node))
  }
}
