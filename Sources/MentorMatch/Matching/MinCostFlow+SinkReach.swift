extension MinCostFlow {
  /// For ``solveInPhases(progress:)``: every supply node's listed arcs that
  /// are tight at the current potentials, matched or not, listed by demand
  /// node (``reverseStart``, ``reverseArcs``; each entry's `node` is the
  /// supply node), and the nodes whose arc to `T` can be tight
  /// (``sinkCandidates``). Built again when the potentials have changed and
  /// a search is to close. Until they change, an arc stays tight or not,
  /// and `matched` says, when the backward search reads a listed arc,
  /// whether the depth-first search could take it forwards; so the lists
  /// hold whatever the searches match and give back meanwhile.
  mutating func transposeTightArcs() { install(transposition().lists()) }

  /// What ``transposeTightArcs()`` reads: nothing the depth-first searches
  /// change, so another thread can build the lists while they run
  /// (``whileTransposing(_:_:)``).
  func transposition() -> Transposition {
    Transposition(
      menteeCount: menteeCount, mentorCount: mentorCount, peopleBonus: peopleBonus, menteeStart: menteeStart,
      tightArcs: tightArcs, tightCount: tightCount, edgeCost: edgeCost, potential: potential)
  }

  /// Takes lists built at the current potentials.
  mutating func install(_ lists: Transposition.Lists) {
    (reverseStart, reverseArcs, sinkCandidates) = (lists.start, lists.arcs, lists.sinkCandidates)
    reverseCurrent = true
  }

  /// Runs `search` here and, when `transposing`, builds the lists of
  /// ``transposeTightArcs()`` on another core meanwhile. The search that
  /// follows a change of potentials closes nothing, and the ones after it
  /// need the lists: so the lists cost the run only what they take longer
  /// than that search. The search must not change the potentials nor the
  /// tight lists (a depth-first search changes neither).
  mutating func whileTransposing(_ transposing: Bool, _ search: (inout MinCostFlow) -> Int) -> Int {
    guard transposing, ParallelWork.cores > 1 else { return search(&self) }
    // Held by the job alone, which lets go of it before it hands the lists
    // back (BackgroundJob): the flow then rewrites its tight lists in place,
    // not in a copy.
    let job = BackgroundJob { [transposition = transposition()] in transposition.lists() }
    let routed = search(&self)
    install(job.wait())
    return routed
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
    let sinkPotential = potential[sink]
    for node in 0..<sink { visited[node] = phase }
    for node32 in sinkCandidates {
      let node = Int(node32)
      let tight =
        node < menteeCount
        ? skipped[node] < menteeSupply[node] && skipCost(node) &+ potential[node] &- sinkPotential == 0
        : load[node - menteeCount] < mentorSlots[node - menteeCount]
          && slotCost(node - menteeCount) &+ potential[node] &- sinkPotential == 0
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
        let pv = potential[v]
        let first = supplyStart[v]
        for slot in first..<(first + Int(supplyLoad[v])) {
          let arc = supplyEdges[slot]
          let mentor = menteeCount + Int(arc.node)
          if visited[mentor] == phase, potential[mentor] &- arc.cost &- pv == 0 {
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
      }
    }
  }
}

/// The values ``MinCostFlow/transposeTightArcs()`` reads, taken at one set of
/// potentials, and the lists it builds from them.
struct Transposition: Sendable {
  let menteeCount: Int
  let mentorCount: Int
  let peopleBonus: Int
  let menteeStart: [Int]
  let tightArcs: [ArcEnd]
  let tightCount: [Int32]
  let edgeCost: [Int]
  let potential: [Int]

  /// What ``MinCostFlow/install(_:)`` takes: ``MinCostFlow/reverseStart``,
  /// ``MinCostFlow/reverseArcs`` and ``MinCostFlow/sinkCandidates``.
  struct Lists: Sendable {
    var start: [Int]
    var arcs: [ArcEnd]
    var sinkCandidates: [Int32]
  }

  /// The tight listed arcs by demand node, each demand node's in supply
  /// node order, and the nodes whose arc to `T` can be tight.
  func lists() -> Lists {
    var start = [Int](repeating: 0, count: mentorCount + 1)
    var kept: [ArcEnd] = []
    var keptMentor: [Int32] = []
    for mentee in 0..<menteeCount {
      let pu = potential[mentee]
      for position in menteeStart[mentee]..<(menteeStart[mentee] + Int(tightCount[mentee])) {
        let entry = tightArcs[position]
        let arc = Int(entry.arc)
        guard edgeCost[arc] &+ pu &- potential[menteeCount + Int(entry.node)] == 0 else { continue }
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
    // A node's arc to T costs one of two amounts, whichever its load or
    // skips; with the potentials fixed, only these nodes can have it tight.
    let sink = menteeCount + mentorCount
    let sinkPotential = potential[sink]
    let sinkCandidates = (0..<sink).filter { node in
      let reduced = potential[node] &- sinkPotential
      return reduced == 0 || reduced == (node < menteeCount ? -peopleBonus : peopleBonus)
    }.map { Int32($0) }
    return Lists(start: start, arcs: arcs, sinkCandidates: sinkCandidates)
  }
}
