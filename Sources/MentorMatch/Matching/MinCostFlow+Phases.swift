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
  ///
  /// A phase whose search finds `d(T) = 0` changes no potential, and its
  /// depth-first search starts from every source, so it does not need the
  /// search: each round first tries that depth-first search directly. It
  /// routes a unit exactly when some source has a tight path to `T`, which
  /// is exactly when `d(T)` would be 0 (a failed search changes nothing but
  /// its own marks). Only when it routes nothing does the round run
  /// Dijkstra, which then finds `d(T) > 0`. The phases, and so the pairs,
  /// are the same as with a search in every phase; the tight-arc lists stay
  /// a superset of the tight arcs, which is all the depth-first search needs.
  ///
  /// `progress` is told, after each round, how many units it routed and how
  /// many there are in all.
  mutating func solveInPhases(progress: ((_ routed: Int, _ total: Int) -> Void)? = nil) {
    var left = menteeSupply
    let total = left.reduce(0, +)
    buildTightLists()
    reachedAt = [Int](repeating: .max, count: sink + 1)
    visitedIn = [Int32](repeating: 0, count: sink + 1)
    var active = (0..<menteeCount).filter { left[$0] > 0 }.map { Int32($0) }
    var promising = [Int32](repeating: 0, count: sink + 1)
    var phase: Int32 = 0
    var path: [Int32] = []
    var cursor: [Int] = []
    // Searches since the potentials last changed. The first after a change
    // routes most of what can be routed and closes nothing beforehand; the
    // next ones, which find few paths, first close the nodes with no path to T.
    var searches = 0
    while !active.isEmpty {
      phase += 1
      let closing = searches > 0 && active.count >= closingFrom
      if closing, !reverseCurrent { transposeTightArcs() }
      // The first search at these potentials closes nothing and the next
      // ones will: their lists are built beside it.
      var routed = whileTransposing(searches == 0 && active.count >= closingFrom) { flow in
        flow.routeAlongTightPaths(
          from: active, phase: phase, promising: nil, closing: closing, left: &left, path: &path, cursor: &cursor)
      }
      searches += 1
      if routed == 0 {
        let sinkDistance = shortestPaths(from: active)
        reverseCurrent = false
        searches = 1
        phase += 1
        // Only sources whose search tree reached T at its distance surely
        // have a tight path; searching from the others would mostly fail.
        // (d(T) > 0 here: at 0 the search above would have routed a unit.)
        for node32 in settled where reachesSink(Int(node32)) {
          promising[Int(label[Int(node32)].via)] = phase
        }
        routed = whileTransposing(active.count >= closingFrom) { flow in
          flow.routeAlongTightPaths(
            from: active, phase: phase, promising: sinkDistance == 0 ? nil : promising, closing: false, left: &left,
            path: &path, cursor: &cursor)
        }
      }
      progress?(routed, total)
      active.removeAll { left[Int($0)] == 0 }
    }
  }

  /// The depth-first search step of a phase: from each of `sources` in
  /// order (only those marked `phase` in `promising`, when given), routes
  /// units along tight paths while one is found. With `closing`, first
  /// closes every node with no path to `T` (``closeNodesThatCannotReachSink(phase:visited:queue:)``),
  /// which changes no path found. Returns the units routed.
  private mutating func routeAlongTightPaths(
    from sources: [Int32], phase: Int32, promising: [Int32]?, closing: Bool, left: inout [Int],
    path: inout [Int32], cursor: inout [Int]
  ) -> Int {
    var routed = 0
    var visited = visitedIn
    var queue = reachQueue
    (visitedIn, reachQueue) = ([], [])
    defer { (visitedIn, reachQueue) = (visited, queue) }
    if closing {
      closeNodesThatCannotReachSink(phase: phase, visited: &visited, queue: &queue)
      afterClosing?(self, visited, phase)
    }
    for source32 in sources {
      let source = Int(source32)
      if let promising, promising[source] != phase { continue }
      while left[source] > 0, visited[source] != phase,
        findTightPath(from: source, phase: phase, visited: &visited, path: &path, cursor: &cursor)
      {
        augment(along: path, cursor: cursor)
        left[source] -= 1
        routed += 1
        // Nodes on the path may have room for more; only dead ends stay
        // closed for the rest of the phase.
        for node in path { visited[Int(node)] = 0 }
      }
    }
    return routed
  }

  /// Whether settled `node` has a free arc to `T` that is tight after the
  /// potential update: the end of a shortest path.
  private func reachesSink(_ node: Int) -> Bool {
    let reduced = potential[node] - potential[sink]
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
  ///
  /// A node's label here is `d(v) + p(v)` (``reachedAt``), so relaxing an
  /// arc `u → v` is `d(u) + p(u) + c(u, v)` against one array entry; most
  /// relaxations change nothing, and that entry is all they read. The heap
  /// still gets `d(v)`, with exactly the pushes and pops of a search on
  /// distances, so equal keys come out in the same order.
  private mutating func shortestPaths(from sources: [Int32]) -> Int {
    // The arrays are moved into locals for the search, so that writing them
    // needs no uniqueness check per element; they are put back at the end.
    var reached = reachedAt
    var touched = reachedNodes
    var heap = self.heap
    var settled = self.settled
    var tightArcs = self.tightArcs
    var label = self.label
    var potential = self.potential
    (reachedAt, reachedNodes, self.heap, self.settled, self.tightArcs, self.label, self.potential) =
      ([], [], DistanceHeap(), [], [], [], [])
    let edgeCost = self.edgeCost
    let edgeMentor = self.edgeMentor
    let matched = self.matched
    for node in touched { reached[Int(node)] = Int.max }
    touched.removeAll(keepingCapacity: true)
    heap.removeAll()
    settled.removeAll(keepingCapacity: true)

    let sinkPotential = potential[sink]
    for source in sources {
      let node = Int(source)
      let p = potential[node]
      if reached[node] <= p { continue }
      if reached[node] == Int.max { touched.append(source) }
      reached[node] = p
      label[node].via = source
      heap.push(0, source)
    }
    var sinkDistance = Int.max
    while let (key, node32) = heap.pop() {
      let u = Int(node32)
      let du = key &+ potential[u]
      // Labels only fall, so an entry above its node's label is stale; a
      // settled node is never pushed again (reduced costs are ≥ 0).
      if du > reached[u] { continue }
      if key >= sinkDistance { break }
      settled.append(node32)
      let from = label[u].via
      if u < menteeCount {
        // The relaxation also rebuilds u's tight-arc list: its matched arcs
        // and every arc with d(u) + rc ≤ d(v) so far, a superset of the arcs
        // tight after the update (those also need d(v) ≤ d(T); the filter
        // below checks). Written without a branch: most arcs change nothing.
        let first = menteeStart[u]
        var end = first
        do {
          let costs = edgeCost.span
          let mentors = edgeMentor.span
          let isMatched = matched.span
          var labels = label.mutableSpan
          let potentials = potential.span
          var best = reached.mutableSpan
          var list = tightArcs.mutableSpan
          for edge in first..<menteeStart[u + 1] {
            let mentor = mentors[edge]
            let v = menteeCount &+ Int(mentor)
            let a = du &+ costs[edge]
            let known = best[v]
            let free = !isMatched[edge]
            list[end] = ArcEnd(arc: Int32(truncatingIfNeeded: edge), node: mentor)
            end &+= (free && a > known) ? 0 : 1
            if free && a < known {
              if known == Int.max { touched.append(Int32(truncatingIfNeeded: v)) }
              best[v] = a
              labels[v].via = from
              heap.push(a &- potentials[v], Int32(truncatingIfNeeded: v))
            }
          }
        }
        tightCount[u] = Int32(end - first)
        if skipped[u] < menteeSupply[u] {
          sinkDistance = min(sinkDistance, du &+ skipCost(u) &- sinkPotential)
        }
      } else {
        let mentor = u - menteeCount
        let first = slotStart[mentor]
        for slot in first..<(first + load[mentor]) {
          let end = mentorEdges[slot]
          let v = Int(end.node)
          let a = du &- edgeCost[Int(end.arc)]
          let best = reached[v]
          if a >= best { continue }
          if best == Int.max { touched.append(end.node) }
          reached[v] = a
          label[v].via = from
          heap.push(a &- potential[v], end.node)
        }
        if load[mentor] < mentorSlots[mentor] {
          sinkDistance = min(sinkDistance, du &+ slotCost(mentor) &- sinkPotential)
        }
      }
    }
    // p(v) += d(v) - d(T) on the settled nodes, that is p(v) = label - d(T);
    // nodes left unsettled have d(v) ≥ d(T) and keep their potential.
    if sinkDistance != 0 {
      for node32 in settled {
        let v = Int(node32)
        potential[v] = reached[v] &- sinkDistance
      }
    }
    // Keep only the arcs that are tight now (and the matched ones).
    for node32 in settled where Int(node32) < menteeCount {
      let u = Int(node32)
      let first = menteeStart[u]
      let pu = potential[u]
      var end = first
      for position in first..<(first + Int(tightCount[u])) {
        let entry = tightArcs[position]
        let arc = Int(entry.arc)
        let keep = matched[arc] || edgeCost[arc] &+ pu &- potential[menteeCount + Int(entry.node)] == 0
        tightArcs[end] = entry
        end &+= keep ? 1 : 0
      }
      tightCount[u] = Int32(end - first)
    }
    (reachedAt, reachedNodes, self.heap, self.settled, self.tightArcs, self.label, self.potential) =
      (reached, touched, heap, settled, tightArcs, label, potential)
    return sinkDistance
  }
}
