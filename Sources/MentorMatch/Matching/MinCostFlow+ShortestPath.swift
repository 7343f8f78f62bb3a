extension MinCostFlow {
  /// Dijkstra from `source` in reduced costs until `T` is settled, then the
  /// potential update `p(v) += d(v) - d(T)` on the settled nodes, which keeps
  /// every residual arc's reduced cost non-negative and makes the path tight.
  mutating func shortestPath(from source: Int) {
    round += 1
    heap.removeAll()
    settled.removeAll(keepingCapacity: true)
    reach(source, distance: 0, via: -1)
    var sinkDistance = Int.max

    while let (key, node32) = heap.pop() {
      let u = Int(node32)
      if doneRound[u] == round || key > distance[u] { continue }
      // Nothing still queued can beat the sink: stop before settling more.
      if key >= sinkDistance { break }
      doneRound[u] = round
      settled.append(node32)
      let du = key + potential[u]
      if u < menteeCount {
        for edge in menteeStart[u]..<menteeStart[u + 1] where !matched[edge] {
          let v = menteeCount + Int(edgeMentor[edge])
          reach(v, distance: du + edgeCost[edge] - potential[v], via: Int32(edge))
        }
        if skipped[u] < menteeSupply[u] {
          let d = du + skipCost(u) - potential[sink]
          if d < sinkDistance { sinkDistance = d; sinkParent = u }
        }
      } else {
        let mentor = u - menteeCount
        let first = slotStart[mentor]
        for slot in first..<(first + load[mentor]) {
          let edge = Int(mentorEdges[slot])
          let v = Int(edgeMentee[edge])
          reach(v, distance: du - edgeCost[edge] - potential[v], via: Int32(edge))
        }
        if load[mentor] < mentorSlots[mentor] {
          let d = du + slotCost(mentor) - potential[sink]
          if d < sinkDistance { sinkDistance = d; sinkParent = u }
        }
      }
    }
    for node32 in settled {
      let v = Int(node32)
      potential[v] += distance[v] - sinkDistance
    }
  }

  @inline(__always)
  private mutating func reach(_ node: Int, distance d: Int, via edge: Int32) {
    if doneRound[node] == round { return }
    if seenRound[node] == round, distance[node] <= d { return }
    seenRound[node] = round
    distance[node] = d
    parentEdge[node] = edge
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
        let edge = Int(parentEdge[node])
        match(edge, mentor: node - menteeCount)
        node = Int(edgeMentee[edge])
      } else {
        if node == source { return }
        let edge = Int(parentEdge[node])
        let mentor = Int(edgeMentor[edge])
        unmatch(edge, mentor: mentor)
        node = menteeCount + mentor
      }
    }
  }
}
