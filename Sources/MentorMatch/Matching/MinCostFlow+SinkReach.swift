extension MinCostFlow {
  /// For ``solveInPhases(progress:)``: every supply node's listed arcs that
  /// are tight at the current potentials and not matched now, listed by
  /// demand node (``reverseStart``, ``reverseArcs``; each entry's `node` is
  /// the supply node). Built again when the potentials have changed and a
  /// search is to close; until they change, an arc stays tight or not, arcs
  /// given back are chained on as they are (``noteReopened(_:mentor:)``),
  /// and `matched` says whether a listed arc can still be taken forwards.
  /// Also lists the nodes whose arc to `T` can be tight (``sinkCandidates``).
  mutating func transposeTightArcs() {
    var start = [Int](repeating: 0, count: mentorCount + 1)
    var kept: [ArcEnd] = []
    var keptMentor: [Int32] = []
    // The potentials in a compact copy: each tight-list entry reads its mentor's.
    let potential = label.map(\.potential)
    for mentee in 0..<menteeCount {
      let pu = potential[mentee]
      for position in menteeStart[mentee]..<tightListEnd(mentee) {
        let entry = tightArcs[position]
        let arc = Int(entry.arc)
        guard !matched[arc], edgeCost[arc] &+ pu &- potential[menteeCount + Int(entry.node)] == 0 else { continue }
        start[Int(entry.node) + 1] += 1
        kept.append(ArcEnd(arc: entry.arc, node: Int32(mentee)))
        keptMentor.append(entry.node)
      }
    }
    for mentor in 0..<mentorCount { start[mentor + 1] += start[mentor] }
    var next = start
    var arcs = [ArcEnd](repeating: ArcEnd(arc: 0, node: 0), count: kept.count)
    for (entry, mentor) in zip(kept, keptMentor) {
      arcs[next[Int(mentor)]] = entry
      next[Int(mentor)] += 1
    }
    (reverseStart, reverseArcs) = (start, arcs)
    reverseCurrent = true
    if !reopened.isEmpty || reopenedFirst.count != mentorCount {
      reopenedFirst = [Int32](repeating: -1, count: mentorCount)
    }
    reopened.removeAll(keepingCapacity: true)
    reopenedNext.removeAll(keepingCapacity: true)
    reopenedArcs.removeAll(keepingCapacity: true)
    // A node's arc to T costs one of two amounts, whichever its load or
    // skips; with the potentials fixed, only these nodes can have it tight.
    let sinkPotential = label[sink].potential
    sinkCandidates = (0..<sink).filter { node in
      let reduced = label[node].potential &- sinkPotential
      return reduced == 0 || reduced == (node < menteeCount ? -peopleBonus : peopleBonus)
    }.map { Int32($0) }
  }

  /// Keeps an arc given back on an augmenting path (`given`, with its supply
  /// node) for the backward search until the potentials change: it was
  /// matched when ``transposeTightArcs()`` ran, so it is not in its lists.
  mutating func noteReopened(_ given: ArcEnd, mentor: Int) {
    // Once is enough: an arc matched and given back again is the same arc.
    guard reverseCurrent, reopenedArcs.insert(given.arc).inserted else { return }
    reopened.append(given)
    reopenedNext.append(reopenedFirst[mentor])
    reopenedFirst[mentor] = Int32(reopened.count - 1)
  }

  /// Closes, for `phase`, every node with no path to `T` over the arcs the
  /// depth-first search may take (a tight arc of a supply node's list that
  /// is not matched, a matched arc given back, a tight arc to `T`). The
  /// nodes that have one are found backwards from `T` and left open.
  ///
  /// The search of the phase then finds exactly the paths it finds without
  /// this, only without walking through the closed nodes:
  ///
  /// - While the potentials stay the same, augmenting can only take nodes
  ///   off the set that reaches `T`, never add one: it changes only the arcs
  ///   out of the nodes on its path, which all reach `T`, so a node that
  ///   reached none of them before still reaches none.
  /// - So a node closed here cannot reach `T` at any later point of the
  ///   phase: a search that enters it fails whatever it marks, and what it
  ///   marks can reach no node that still reaches `T`. Skipping it changes
  ///   no mark that matters and no path found.
  ///
  /// `queue` is scratch.
  func closeNodesThatCannotReachSink(phase: Int32, visited: inout [Int32], queue: inout [Int32]) {
    queue.removeAll(keepingCapacity: true)
    let sinkPotential = label[sink].potential
    for node in 0..<sink { visited[node] = phase }
    for node32 in sinkCandidates {
      let node = Int(node32)
      let tight =
        node < menteeCount
        ? skipped[node] < menteeSupply[node] && skipCost(node) &+ label[node].potential &- sinkPotential == 0
        : load[node - menteeCount] < mentorSlots[node - menteeCount]
          && slotCost(node - menteeCount) &+ label[node].potential &- sinkPotential == 0
      if tight {
        visited[node] = 0
        queue.append(node32)
      }
    }
    var head = 0
    while head < queue.count {
      let v = Int(queue[head])
      head += 1
      if v < menteeCount {
        // A mentor reaches mentee v by giving back their matched arc.
        let pv = label[v].potential
        let first = supplyStart[v]
        for slot in first..<(first + Int(supplyLoad[v])) {
          let arc = supplyEdges[slot]
          let mentor = menteeCount + Int(arc.node)
          if visited[mentor] == phase, label[mentor].potential &- arc.cost &- pv == 0 {
            visited[mentor] = 0
            queue.append(Int32(mentor))
          }
        }
      } else {
        // A mentee reaches mentor v by a tight arc not yet matched.
        let mentor = v - menteeCount
        for position in reverseStart[mentor]..<reverseStart[mentor + 1] {
          let entry = reverseArcs[position]
          let mentee = Int(entry.node)
          if visited[mentee] == phase, !matched[Int(entry.arc)] {
            visited[mentee] = 0
            queue.append(entry.node)
          }
        }
        var link = reopenedFirst[mentor]
        while link >= 0 {
          let entry = reopened[Int(link)]
          let mentee = Int(entry.node)
          if visited[mentee] == phase, !matched[Int(entry.arc)] {
            visited[mentee] = 0
            queue.append(Int32(mentee))
          }
          link = reopenedNext[Int(link)]
        }
      }
    }
  }
}
