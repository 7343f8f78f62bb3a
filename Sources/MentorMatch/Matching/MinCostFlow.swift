/// Successive shortest paths with potentials (Ahuja, Magnanti & Orlin,
/// *Network Flows*, 1993, §9.7) on the bipartite network of a
/// ``MatchingProblem``, with the supply on one side:
///
/// - every supply node `i` has `Q_i = min(capacity, degree)` units;
/// - an arc `i → j` per edge, capacity 1, cost `-weight(edge)`;
/// - an arc `j → T` per demand slot, cost `-slotBonus(k)` for its k-th slot;
/// - a "skip" arc `i → T` per unit a supply node leaves unused: the first
///   `Q_i - 1` cost 0 and the last costs `peopleBonus` (the person is then
///   unmatched and loses its bonus).
///
/// Every supply unit goes to `T` along a shortest path in reduced costs
/// (Dijkstra, stopped as soon as `T` is settled, so each search stays near
/// its source; the skip arc bounds the radius). A path of two tight arcs is
/// taken without a search, which makes the start a greedy warm start. All
/// state is in flat arrays indexed by node or arc.
///
/// The names follow the supply-on-mentees orientation: "mentees" are the
/// supply nodes `0..<m`, "mentors" the demand nodes `m..<m+n`, the sink is
/// `T = m+n`. With the supply on the mentor side the roles swap, exactly as
/// if the problem were ``MatchingProblem/transposed()`` (arcs sorted by
/// supply node, then demand node), without building that copy.
struct MinCostFlow {
  let menteeCount: Int
  let mentorCount: Int
  let sink: Int
  let supplySide: FlowCertificate.SupplySide
  let menteeStart: [Int]
  /// The demand node (mentor index) of each arc.
  let edgeMentor: [Int32]
  /// The cost of each arc: minus its edge's weight.
  let edgeCost: [Int]
  let peopleBonus: Int
  let menteeSupply: [Int]
  let mentorSlots: [Int]

  var matched: [Bool]
  var skipped: [Int]
  /// Matched arcs of mentor j, each with its mentee:
  /// `mentorEdges[slotStart[j] ..< slotStart[j] + load[j]]`.
  var slotStart: [Int]
  var mentorEdges: [ArcEnd]
  var load: [Int]
  /// Matched arcs of supply node i, each with its demand node and cost:
  /// `supplyEdges[supplyStart[i] ..< supplyStart[i] + supplyLoad[i]]`, in
  /// no particular order (read only as a set).
  var supplyStart: [Int]
  var supplyEdges: [MatchedArc]
  var supplyLoad: [Int32]
  /// Each node's potential `p(v)`, in node order: the certificate. Kept
  /// apart from the search scratch (``label``) in a dense array, because the
  /// depth-first searches and the closing read it for every arc they try
  /// and nothing else of a node's label.
  var potential: [Int]
  /// Shortest-path search scratch, one entry per node.
  var label: [NodeLabel]

  // Dijkstra scratch, reused across searches.
  var settled: [Int32] = []
  var heap = DistanceHeap()
  var round: Int32 = 0
  var sinkParent = 0

  /// For ``solveInPhases()``: each supply node's arcs that may be tight,
  /// `tightArcs[menteeStart[i] ..< menteeStart[i] + tightCount[i]]` in index
  /// order, a superset of its arcs of reduced cost zero and its matched arcs.
  var tightArcs: [ArcEnd] = []
  var tightCount: [Int32] = []
  /// For ``solveInPhases()``: each node's label `d(v) + p(v)` in the current
  /// search, `Int.max` when not reached; `reachedNodes` lists the nodes
  /// whose label is set, to reset them before the next search.
  var reachedAt: [Int] = []
  var reachedNodes: [Int32] = []
  /// For ``solveInPhases()``: the phase in which the depth-first search last
  /// closed each node.
  var visitedIn: [Int32] = []
  /// For ``solveInPhases()``: the listed arcs tight at the current
  /// potentials, matched or not, by demand node,
  /// `reverseArcs[reverseStart[j] ..< reverseStart[j + 1]]`, each with its
  /// supply node (``transposeTightArcs()``).
  var reverseStart: [Int] = []
  var reverseArcs: [ArcEnd] = []
  /// Whether ``reverseArcs`` and ``sinkCandidates`` are for the current potentials.
  var reverseCurrent = false
  /// The fewest sources with units left for which a search after the first
  /// at the same potentials closes the nodes with no path to `T` first.
  /// With fewer, the searches are cheaper than finding those nodes. The
  /// pairs are the same either way; tests set 0 to close in every search.
  var closingFrom = 1_024
  /// Tests only: called after each closing with the flow, the marks and the phase.
  var afterClosing: ((_ flow: MinCostFlow, _ visited: [Int32], _ phase: Int32) -> Void)?
  /// Per potentials: the nodes whose arc to `T` is tight for some load,
  /// tested for the load they have each time (``closeNodesThatCannotReachSink(phase:visited:queue:)``).
  var sinkCandidates: [Int32] = []
  /// Scratch for ``closeNodesThatCannotReachSink(phase:visited:queue:)``.
  var reachQueue: [Int32] = []

  init(problem: MatchingProblem, encoding: ObjectiveEncoding, supplySide: FlowCertificate.SupplySide = .mentees) {
    let degrees = problem.degrees()
    let edges = problem.edges
    let onMentors = supplySide == .mentors
    self.supplySide = supplySide
    menteeCount = onMentors ? problem.mentorCount : problem.menteeCount
    mentorCount = onMentors ? problem.menteeCount : problem.mentorCount
    sink = menteeCount + mentorCount
    let supplyDegrees = onMentors ? degrees.mentor : degrees.mentee
    var start = [Int](repeating: 0, count: menteeCount + 1)
    for node in 0..<menteeCount { start[node + 1] = start[node] + supplyDegrees[node] }
    menteeStart = start
    if onMentors {
      // A counting sort by mentor of edges already sorted by (mentee, mentor):
      // each mentor's arcs come out in mentee order, as in `transposed()`.
      var next = start
      var to = [Int32](repeating: 0, count: edges.count)
      var cost = [Int](repeating: 0, count: edges.count)
      for edge in edges {
        let arc = next[edge.mentor]
        next[edge.mentor] += 1
        to[arc] = Int32(edge.mentee)
        cost[arc] = -encoding.weight(of: edge)
      }
      (edgeMentor, edgeCost) = (to, cost)
      menteeSupply = zip(problem.mentorCapacities, degrees.mentor).map { min($0, $1) }
      mentorSlots = zip(problem.menteeCapacities, degrees.mentee).map { min($0, $1) }
    } else {
      edgeMentor = edges.map { Int32($0.mentor) }
      edgeCost = edges.map { -encoding.weight(of: $0) }
      menteeSupply = zip(problem.menteeCapacities, degrees.mentee).map { min($0, $1) }
      mentorSlots = zip(problem.mentorCapacities, degrees.mentor).map { min($0, $1) }
    }
    peopleBonus = encoding.peopleBonus
    matched = [Bool](repeating: false, count: edges.count)
    skipped = [Int](repeating: 0, count: menteeCount)
    var slots = [Int](repeating: 0, count: mentorCount + 1)
    for mentor in 0..<mentorCount { slots[mentor + 1] = slots[mentor] + mentorSlots[mentor] }
    slotStart = slots
    mentorEdges = [ArcEnd](repeating: ArcEnd(arc: -1, node: -1), count: slots[mentorCount])
    load = [Int](repeating: 0, count: mentorCount)
    var supplyFirst = [Int](repeating: 0, count: menteeCount + 1)
    // One place more than the supply: augmenting matches a node's new arc
    // before it gives back its old one.
    for mentee in 0..<menteeCount { supplyFirst[mentee + 1] = supplyFirst[mentee] + menteeSupply[mentee] + 1 }
    supplyStart = supplyFirst
    supplyEdges = [MatchedArc](repeating: MatchedArc(arc: -1, node: -1, cost: 0), count: supplyFirst[menteeCount])
    supplyLoad = [Int32](repeating: 0, count: menteeCount)

    // Initial potentials make every arc's reduced cost c + p(u) - p(v) ≥ 0:
    // p(T) = 0, each mentor's first slot tight, each mentee at its best arc.
    var potential = [Int](repeating: 0, count: sink + 1)
    for mentor in 0..<mentorCount { potential[menteeCount + mentor] = peopleBonus }
    for mentee in 0..<menteeCount {
      var best = menteeSupply[mentee] == 1 ? -peopleBonus : 0
      for arc in start[mentee]..<start[mentee + 1] {
        best = max(best, -edgeCost[arc] + peopleBonus)
      }
      potential[mentee] = best
    }
    self.potential = potential
    label = [NodeLabel](repeating: NodeLabel(), count: sink + 1)
  }

  /// The supply node whose arcs include `arc` (binary search on `menteeStart`).
  func supplyNode(ofArc arc: Int) -> Int {
    var low = 0
    var high = menteeCount
    while high - low > 1 {
      let middle = (low + high) / 2
      if menteeStart[middle] <= arc { low = middle } else { high = middle }
    }
    return low
  }

  /// The chosen pairs as indices of `problem`'s edges (the problem this
  /// flow was built from).
  func matchedEdges(of problem: MatchingProblem) -> [Int] {
    var chosen: [Int] = []
    for arc in matched.indices where matched[arc] {
      if supplySide == .mentees {
        chosen.append(arc)
      } else if let edge = problem.edgeIndex(mentee: Int(edgeMentor[arc]), mentor: supplyNode(ofArc: arc)) {
        chosen.append(edge)
      }
    }
    return chosen
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

  @inline(__always)
  mutating func match(_ edge: Int, mentee: Int, mentor: Int) {
    matched[edge] = true
    mentorEdges[slotStart[mentor] + load[mentor]] = ArcEnd(arc: Int32(edge), node: Int32(mentee))
    load[mentor] += 1
    supplyEdges[supplyStart[mentee] + Int(supplyLoad[mentee])] =
      MatchedArc(arc: Int32(edge), node: Int32(mentor), cost: edgeCost[edge])
    supplyLoad[mentee] += 1
  }

  @inline(__always)
  mutating func unmatch(_ edge: Int, mentee: Int, mentor: Int) {
    matched[edge] = false
    let first = slotStart[mentor]
    let last = first + load[mentor] - 1
    for slot in first...last where mentorEdges[slot].arc == Int32(edge) {
      mentorEdges[slot] = mentorEdges[last]
      break
    }
    load[mentor] -= 1
    let supplyFirst = supplyStart[mentee]
    let supplyLast = supplyFirst + Int(supplyLoad[mentee]) - 1
    for slot in supplyFirst...supplyLast where supplyEdges[slot].arc == Int32(edge) {
      supplyEdges[slot] = supplyEdges[supplyLast]
      break
    }
    supplyLoad[mentee] -= 1
  }
}

/// A node's scratch in the current shortest-path search (its potential is
/// in ``MinCostFlow/potential``).
struct NodeLabel {
  /// Tentative distance in this search; meaningful when `seen == round`.
  var distance = 0
  /// The search that last reached the node.
  var seen: Int32 = 0
  /// `ssp`: the arc the node was reached by; `phases`: the source its path starts at.
  var via: Int32 = -1
}

/// A matched arc as its supply node keeps it: the arc, its demand node and
/// its cost, so that a search backwards from `T` reads none of them elsewhere.
struct MatchedArc {
  var arc: Int32
  var node: Int32
  var cost: Int
}

/// An arc and the node at its other end, stored together so that a search
/// reads the node without looking the arc up.
struct ArcEnd {
  var arc: Int32
  /// The mentor's index (in a tight-arc list) or the mentee's (in a mentor's slots).
  var node: Int32
}
