extension MinCostFlow {
  /// Routes every supply unit, mentee by mentee in index order.
  mutating func solve(progress: ((_ routed: Int, _ total: Int) -> Void)? = nil) {
    let total = menteeSupply.reduce(0, +)
    for mentee in 0..<menteeCount {
      for _ in 0..<menteeSupply[mentee] {
        if !augmentAlongTightArcs(from: mentee) {
          shortestPath(from: mentee)
          augment(from: mentee)
        }
      }
      progress?(menteeSupply[mentee], total)
    }
  }

  /// Takes `mentee → mentor → T` when both arcs have reduced cost zero: a
  /// shortest path found without a search.
  private mutating func augmentAlongTightArcs(from mentee: Int) -> Bool {
    let p = potential[mentee]
    let sinkPotential = potential[sink]
    for edge in menteeStart[mentee]..<menteeStart[mentee + 1] where !matched[edge] {
      let mentor = Int(edgeMentor[edge])
      let node = menteeCount + mentor
      let pv = potential[node]
      guard edgeCost[edge] + p - pv == 0, load[mentor] < mentorSlots[mentor],
        slotCost(mentor) + pv - sinkPotential == 0
      else { continue }
      match(edge, mentee: mentee, mentor: mentor)
      return true
    }
    return false
  }

  /// Dijkstra from `source` in reduced costs until `T` is settled, then the
  /// potential update `p(v) += d(v) - d(T)` on the settled nodes, which keeps
  /// every residual arc's reduced cost non-negative and makes the path tight.
  mutating func shortestPath(from source: Int) {
    round += 1
    heap.removeAll()
    settled.removeAll(keepingCapacity: true)
    reach(source, distance: 0, via: -1)
    var sinkDistance = Int.max
    let sinkPotential = potential[sink]

    while let (key, node32) = heap.pop() {
      let u = Int(node32)
      // Keys of a node only fall, so an entry above its distance is stale;
      // a settled node is never pushed again (reduced costs are ≥ 0).
      if key > label[u].distance { continue }
      // Nothing still queued can beat the sink: stop before settling more.
      if key >= sinkDistance { break }
      settled.append(node32)
      let du = key + potential[u]
      if u < menteeCount {
        for edge in menteeStart[u]..<menteeStart[u + 1] where !matched[edge] {
          let v = menteeCount + Int(edgeMentor[edge])
          reach(v, distance: du + edgeCost[edge] - potential[v], via: Int32(edge))
        }
        if skipped[u] < menteeSupply[u] {
          let d = du + skipCost(u) - sinkPotential
          if d < sinkDistance { sinkDistance = d; sinkParent = u }
        }
      } else {
        let mentor = u - menteeCount
        let first = slotStart[mentor]
        for slot in first..<(first + load[mentor]) {
          let edge = Int(mentorEdges[slot].arc)
          let v = Int(mentorEdges[slot].node)
          reach(v, distance: du - edgeCost[edge] - potential[v], via: Int32(edge))
        }
        if load[mentor] < mentorSlots[mentor] {
          let d = du + slotCost(mentor) - sinkPotential
          if d < sinkDistance { sinkDistance = d; sinkParent = u }
        }
      }
    }
    updatePotentials(sinkDistance: sinkDistance)
  }

  /// `p(v) += d(v) - d(T)` on the settled nodes; nodes left unsettled have
  /// `d(v) ≥ d(T)` and keep their potential.
  mutating func updatePotentials(sinkDistance: Int) {
    guard sinkDistance != 0 else { return }
    for node32 in settled {
      let v = Int(node32)
      potential[v] += label[v].distance - sinkDistance
    }
  }

  @inline(__always)
  private mutating func reach(_ node: Int, distance d: Int, via edge: Int32) {
    if label[node].seen == round, label[node].distance <= d { return }
    label[node].seen = round
    label[node].distance = d
    label[node].via = edge
    heap.push(d, Int32(node))
  }

  /// Pushes one unit along the parent pointers from `T` back to `source`.
  mutating func augment(from source: Int) {
    var node = sinkParent
    if node < menteeCount {
      skipped[node] += 1
    }
    while true {
      if node >= menteeCount {
        let edge = Int(label[node].via)
        let mentee = supplyNode(ofArc: edge)
        match(edge, mentee: mentee, mentor: node - menteeCount)
        node = mentee
      } else {
        if node == source { return }
        let edge = Int(label[node].via)
        let mentor = Int(edgeMentor[edge])
        unmatch(edge, mentee: node, mentor: mentor)
        node = menteeCount + mentor
      }
    }
  }
}
