extension MinCostFlow {
  /// Depth-first search from `source` to `T` over residual arcs of reduced
  /// cost zero, avoiding nodes marked visited in this `phase`: those on the
  /// current path and the dead ends found earlier in the phase (the caller
  /// reopens the nodes of a path it augments along).
  ///
  /// On success, `path` holds the nodes from `source` and `cursor[k]` the
  /// arc taken out of `path[k]`: for a mentee, a position in its tight-arc
  /// list (``tightArcs``), or the list's end for the skip arc; for a mentor,
  /// the slot offset of the matched edge it gives back, or -1 for its arc to
  /// `T`. Mentees' arcs are tried in index order, as a scan of all their arcs
  /// would try them. The loop is iterative because paths can be as long as
  /// the cohort.
  ///
  /// The marks come in as `visited` (the flow's ``visitedIn``, moved out by
  /// the caller), so that marking a node needs no uniqueness check of the
  /// flow; they sit in their own dense array, which the search reads for
  /// every arc it tries, most of them to nodes already closed.
  func findTightPath(
    from source: Int, phase: Int32, visited: inout [Int32], path: inout [Int32], cursor: inout [Int]
  ) -> Bool {
    path.removeAll(keepingCapacity: true)
    cursor.removeAll(keepingCapacity: true)
    visited[source] = phase
    path.append(Int32(source))
    cursor.append(menteeStart[source])
    let sinkPotential = potential[sink]
    while let top = path.last {
      let u = Int(top)
      let depth = path.count - 1
      var arc = cursor[depth]
      let pu = potential[u]
      var next = -1
      if u < menteeCount {
        let end = tightListEnd(u)
        while arc < end {
          // The list may hold arcs no longer tight; `matched` is read last, as it is rarely needed.
          let entry = tightArcs[arc]
          let v = menteeCount + Int(entry.node)
          let edge = Int(entry.arc)
          if visited[v] != phase, edgeCost[edge] &+ pu &- potential[v] == 0, !matched[edge] {
            next = v
            break
          }
          arc += 1
        }
        if next < 0, skipped[u] < menteeSupply[u], skipCost(u) + pu - sinkPotential == 0 {
          cursor[depth] = end
          return true
        }
      } else {
        let mentor = u - menteeCount
        if arc < 0 {
          if load[mentor] < mentorSlots[mentor], slotCost(mentor) + pu - sinkPotential == 0 {
            return true
          }
          arc = 0
        }
        let first = slotStart[mentor]
        while arc < load[mentor] {
          let slot = mentorEdges[first + arc]
          let v = Int(slot.node)
          if visited[v] != phase, pu &- edgeCost[Int(slot.arc)] &- potential[v] == 0 {
            next = v
            break
          }
          arc += 1
        }
      }
      if next >= 0 {
        cursor[depth] = arc
        visited[next] = phase
        path.append(Int32(next))
        cursor.append(next < menteeCount ? menteeStart[next] : -1)
      } else {
        // A dead end stays closed for the rest of the phase. Augmenting may
        // open a way out of it later; missing that path only costs a phase.
        path.removeLast()
        cursor.removeLast()
        if !cursor.isEmpty { cursor[cursor.count - 1] += 1 }
      }
    }
    return false
  }

  /// The end of `mentee`'s tight-arc list.
  @inline(__always)
  func tightListEnd(_ mentee: Int) -> Int {
    menteeStart[mentee] + Int(tightCount[mentee])
  }

  /// Every supply node's tight arcs at the current potentials.
  mutating func buildTightLists() {
    tightArcs = [ArcEnd](repeating: ArcEnd(arc: 0, node: 0), count: edgeCost.count)
    tightCount = [Int32](repeating: 0, count: menteeCount)
    for mentee in 0..<menteeCount {
      let first = menteeStart[mentee]
      let pu = potential[mentee]
      var end = first
      for arc in first..<menteeStart[mentee + 1]
      where matched[arc] || edgeCost[arc] + pu - potential[menteeCount + Int(edgeMentor[arc])] == 0 {
        tightArcs[end] = ArcEnd(arc: Int32(arc), node: edgeMentor[arc])
        end += 1
      }
      tightCount[mentee] = Int32(end - first)
    }
  }

  /// Pushes one unit along a path found by ``findTightPath(from:phase:visited:path:cursor:)``,
  /// from `T` back to the source so that no mentor is ever over its slots.
  mutating func augment(along path: [Int32], cursor: [Int]) {
    guard let last = path.last else { return }
    if Int(last) < menteeCount { skipped[Int(last)] += 1 }
    for depth in stride(from: path.count - 2, through: 0, by: -1) {
      let node = Int(path[depth])
      let position = cursor[depth]
      if node < menteeCount {
        let entry = tightArcs[position]
        match(Int(entry.arc), mentee: node, mentor: Int(entry.node))
      } else {
        let mentor = node - menteeCount
        let given = mentorEdges[slotStart[mentor] + position]
        unmatch(Int(given.arc), mentee: Int(given.node), mentor: mentor)
      }
    }
  }
}
