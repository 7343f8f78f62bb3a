extension MinCostFlow {
  /// Depth-first search from `source` to `T` over residual arcs of reduced
  /// cost zero, avoiding nodes marked visited in this `phase`: those on the
  /// current path and the dead ends found earlier in the phase (the caller
  /// reopens the nodes of a path it augments along).
  ///
  /// On success, `path` holds the nodes from `source` and `cursor[k]` the
  /// arc taken out of `path[k]`: for a mentee, its edge index, or
  /// `menteeStart[u + 1]` for the skip arc; for a mentor, the slot offset of
  /// the matched edge it gives back, or -1 for its arc to `T`. The loop is
  /// iterative because paths can be as long as the cohort.
  mutating func findTightPath(
    from source: Int, phase: Int32, visited: inout [Int32], path: inout [Int32], cursor: inout [Int]
  ) -> Bool {
    path.removeAll(keepingCapacity: true)
    cursor.removeAll(keepingCapacity: true)
    visited[source] = phase
    path.append(Int32(source))
    cursor.append(menteeStart[source])
    while let top = path.last {
      let u = Int(top)
      let depth = path.count - 1
      var arc = cursor[depth]
      let pu = potential[u]
      var next = -1
      if u < menteeCount {
        let end = menteeStart[u + 1]
        while arc < end {
          if !matched[arc] {
            let v = menteeCount + Int(edgeMentor[arc])
            if visited[v] != phase, edgeCost[arc] + pu - potential[v] == 0 {
              next = v
              break
            }
          }
          arc += 1
        }
        if next < 0, skipped[u] < menteeSupply[u], skipCost(u) + pu - potential[sink] == 0 {
          cursor[depth] = end
          return true
        }
      } else {
        let mentor = u - menteeCount
        if arc < 0 {
          if load[mentor] < mentorSlots[mentor], slotCost(mentor) + pu - potential[sink] == 0 {
            return true
          }
          arc = 0
        }
        let first = slotStart[mentor]
        while arc < load[mentor] {
          let edge = Int(mentorEdges[first + arc])
          let v = Int(edgeMentee[edge])
          if visited[v] != phase, -edgeCost[edge] + pu - potential[v] == 0 {
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

  /// Pushes one unit along a path found by ``findTightPath(from:phase:visited:path:cursor:)``,
  /// from `T` back to the source so that no mentor is ever over its slots.
  mutating func augment(along path: [Int32], cursor: [Int]) {
    guard let last = path.last else { return }
    if Int(last) < menteeCount { skipped[Int(last)] += 1 }
    for depth in stride(from: path.count - 2, through: 0, by: -1) {
      let node = Int(path[depth])
      let arc = cursor[depth]
      if node < menteeCount {
        match(arc, mentor: Int(edgeMentor[arc]))
      } else {
        let mentor = node - menteeCount
        unmatch(Int(mentorEdges[slotStart[mentor] + arc]), mentor: mentor)
      }
    }
  }
}
