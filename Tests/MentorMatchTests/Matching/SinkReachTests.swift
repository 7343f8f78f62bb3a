import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// The phased solver's searches after the first at the same potentials close
/// every node with no path to `T` before they start
/// (`MinCostFlow.closeNodesThatCannotReachSink`). That must leave open exactly
/// the nodes that have one, and must change no pair and no potential.
@Suite struct SinkReachTests {
  /// Each closing, on every search that closes, against the reach worked out
  /// node by node from the arcs the depth-first search may take.
  @Test(arguments: 0..<16)
  func closingLeavesOpenExactlyTheNodesThatReachTheSink(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 31_337)
    let problem = try Self.problem(&rng, seed: seed)
    var flow = try Self.flow(problem, objective: .standard)
    flow.closingFrom = 0
    final class Findings: @unchecked Sendable {
      var closings = 0
      var closedSources = 0
      var mismatches: [String] = []
    }
    let findings = Findings()
    flow.afterClosing = { flow, visited, phase in
      findings.closings += 1
      let reach = Self.nodesReachingSink(flow)
      for node in 0..<flow.sink where (visited[node] != phase) != reach[node] {
        findings.mismatches.append("phase \(phase): node \(node) open \(visited[node] != phase), reaches T \(reach[node])")
      }
      findings.closedSources += (0..<flow.menteeCount).filter { !reach[$0] }.count
    }
    flow.solveInPhases()
    #expect(findings.mismatches.prefix(5) == [], "seed \(seed): \(findings.mismatches.count) mismatches")
    // The test means something only if some searches closed something.
    #expect(findings.closings > 0 && findings.closedSources > 0, "seed \(seed)")
  }

  /// Closing in every search, or in none, gives the same pairs and the same
  /// potentials: the search finds exactly the paths it found before.
  @Test(arguments: 0..<40)
  func closingChangesNoPairAndNoPotential(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 4_242)
    let problem = try Self.problem(&rng, seed: seed)
    let objective = MatchingBruteForce.allObjectives[seed % MatchingBruteForce.allObjectives.count]
    var closing = try Self.flow(problem, objective: objective)
    closing.closingFrom = 0
    var plain = try Self.flow(problem, objective: objective)
    plain.closingFrom = .max
    closing.solveInPhases()
    plain.solveInPhases()
    // Compared as Bools: the arrays run to hundreds of entries.
    let (closed, open) = (closing.matchedEdges(of: problem), plain.matchedEdges(of: problem))
    let firstOther = closed.indices.first { $0 >= open.count || closed[$0] != open[$0] }
    let samePairs = closed == open
    #expect(samePairs, "seed \(seed): \(closed.count) and \(open.count) pairs, first other at \(firstOther ?? -1)")
    let samePotentials = closing.potential == plain.potential
    #expect(samePotentials, "seed \(seed)")
  }

  /// The lists built on another core while a search runs are those built
  /// after it: they hold every tight listed arc, matched or not, so what the
  /// search matches and gives back meanwhile does not change them.
  @Test(arguments: 0..<8)
  func listsBuiltBesideASearchAreThoseBuiltAfterIt(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 777)
    let problem = try Self.problem(&rng, seed: seed)
    var flow = try Self.flow(problem, objective: .standard)
    flow.buildTightLists()
    // Stands in for a search: it matches and gives back arcs, and changes
    // neither the potentials nor the tight lists.
    let routed = flow.whileTransposing(true) { flow in
      for arc in flow.matched.indices where arc % 3 == seed % 3 { flow.matched[arc].toggle() }
      return 7
    }
    #expect(routed == 7)
    #expect(flow.reverseCurrent)
    let after = flow.transposition().lists()
    #expect(flow.reverseStart == after.start)
    #expect(flow.reverseArcs.map { [$0.arc, $0.node] } == after.arcs.map { [$0.arc, $0.node] })
    #expect(flow.sinkCandidates == after.sinkCandidates)
    #expect(!after.arcs.isEmpty, "seed \(seed): some arc is tight")
  }

  /// The other core lets go of the tight lists before it hands its lists
  /// back, so the flow changes them in place afterwards instead of copying
  /// them (about 130 MB for a cohort of 500,000 people, at every search).
  @Test func listsBuiltBesideASearchLeaveTheTightListsToTheFlow() throws {
    var rng = SeededGenerator(seed: 99)
    var flow = try Self.flow(try Self.problem(&rng, seed: 0), objective: .standard)
    flow.buildTightLists()
    // A thread that let go late would be caught only when it lost the race
    // to the change below: so, many times.
    var copied = 0
    for _ in 0..<50 {
      _ = flow.whileTransposing(true) { _ in 0 }
      let before = flow.tightArcs.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      flow.tightArcs[0] = flow.tightArcs[0]
      let after = flow.tightArcs.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      copied += before == after ? 0 : 1
    }
    #expect(copied == 0, "the tight lists were copied \(copied) times of 50: something still held them")
  }

  /// Run-shaped problems (many ties, dense lists) for even seeds, cohort-shaped
  /// ones (popular mentors, sparse lists) for odd ones; sizes up to 400 mentees.
  static func problem(_ rng: inout SeededGenerator, seed: Int) throws -> MatchingProblem {
    if seed.isMultiple(of: 2) {
      let mentees = [60, 150, 300][seed / 2 % 3]
      let mentors = seed % 8 == 6 ? mentees * 3 / 4 : mentees
      return try RunShapedTieBreakTests.runShapedProblem(&rng, mentees: mentees, mentors: mentors, k: 40)
    }
    return PhasedOptimalMatchingTests.cohortProblem(&rng, mentees: Int.random(in: 40...400, using: &rng))
  }

  static func flow(_ problem: MatchingProblem, objective: MatchingObjective) throws -> MinCostFlow {
    let encoding = try ObjectiveEncoding(objective, for: problem)
    return MinCostFlow(problem: problem, encoding: encoding, supplySide: OptimalMatching.supplySide(for: problem))
  }

  /// Which nodes have a path to `T` over the arcs the depth-first search may
  /// take, found by repeating until nothing changes: a supply node's listed
  /// arc that is tight and not matched, a matched arc given back when tight,
  /// an arc to `T` when tight.
  static func nodesReachingSink(_ flow: MinCostFlow) -> [Bool] {
    let p = flow.potential
    let sinkPotential = p[flow.sink]
    var reach = [Bool](repeating: false, count: flow.sink)
    for mentee in 0..<flow.menteeCount {
      reach[mentee] =
        flow.skipped[mentee] < flow.menteeSupply[mentee] && flow.skipCost(mentee) + p[mentee] - sinkPotential == 0
    }
    for mentor in 0..<flow.mentorCount {
      let node = flow.menteeCount + mentor
      reach[node] = flow.load[mentor] < flow.mentorSlots[mentor] && flow.slotCost(mentor) + p[node] - sinkPotential == 0
    }
    var changed = true
    while changed {
      changed = false
      for mentee in 0..<flow.menteeCount where !reach[mentee] {
        for position in flow.menteeStart[mentee]..<flow.tightListEnd(mentee) {
          let arc = Int(flow.tightArcs[position].arc)
          let node = flow.menteeCount + Int(flow.tightArcs[position].node)
          if reach[node], !flow.matched[arc], flow.edgeCost[arc] + p[mentee] - p[node] == 0 {
            reach[mentee] = true
            changed = true
            break
          }
        }
      }
      for mentor in 0..<flow.mentorCount where !reach[flow.menteeCount + mentor] {
        let node = flow.menteeCount + mentor
        let first = flow.slotStart[mentor]
        for slot in flow.mentorEdges[first..<(first + flow.load[mentor])]
        where reach[Int(slot.node)] && p[node] - flow.edgeCost[Int(slot.arc)] - p[Int(slot.node)] == 0 {
          reach[node] = true
          changed = true
          break
        }
      }
    }
    return reach
  }
}
