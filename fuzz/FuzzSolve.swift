// libFuzzer target: `mentormatch solve`'s reader and both solvers, with
// oracles, not only "does not crash".
//
// The bytes before the first NUL are the edge list, the rest (when there is
// a NUL) the capacities file. A file that reads must give a problem that
// every solver solves and its checker accepts:
// - `stable`: no blocking pair, no capacity overfilled, no pair that is not an edge;
// - `optimal`, by both methods and for three objectives: a verified
//   certificate, and the same objective values from both methods (they may
//   pick different pairs among equal optima, never a different optimum);
// - with at most 12 edges, the values equal the best of every subset of the
//   edges that fits the capacities (brute force, independent of the solvers
//   and of the certificate checker).
// Built and run by `scripts/fuzz`.
import MentorMatch

private let objectives: [MatchingObjective] = ["people,pairs,score", "score", "pairs,score"].map {
  do {
    return try MatchingObjective(parsing: $0)
  } catch {
    fatalError("fuzz harness objective '\($0)' does not parse: \(error)")
  }
}

/// The best values of `objective` over every subset of the edges that fits
/// the capacities, compared term by term in priority order.
private func bruteForce(_ problem: MatchingProblem, _ objective: MatchingObjective) -> [Int] {
  var best: [Int]?
  for subset in 0..<(1 << problem.edges.count) {
    var menteeUse = [Int](repeating: 0, count: problem.menteeCount)
    var mentorUse = [Int](repeating: 0, count: problem.mentorCount)
    var values = ObjectiveValues(people: 0, pairs: 0, score: 0)
    var fits = true
    for (index, edge) in problem.edges.enumerated() where subset & (1 << index) != 0 {
      menteeUse[edge.mentee] += 1
      mentorUse[edge.mentor] += 1
      if menteeUse[edge.mentee] > problem.menteeCapacities[edge.mentee]
        || mentorUse[edge.mentor] > problem.mentorCapacities[edge.mentor]
      {
        fits = false
        break
      }
      values.pairs += 1
      values.score += edge.weight
    }
    guard fits else { continue }
    values.people = menteeUse.count { $0 > 0 } + mentorUse.count { $0 > 0 }
    let terms = objective.terms.map { values[$0] }
    if best.map({ $0.lexicographicallyPrecedes(terms) }) ?? true { best = terms }
  }
  return best ?? []
}

// The one unsafe line libFuzzer needs: it hands the input as a C buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSolve(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let split = bytes.firstIndex(of: 0)
  let edges = CSVReader(bytes: split.map { Array(bytes[..<$0]) } ?? bytes, name: "edges.csv")
  let capacities = split.map { CSVReader(bytes: Array(bytes[($0 + 1)...]), name: "caps.csv") }
  let list: EdgeList
  do {
    list = try EdgeList.read(edges: edges, capacities: capacities)
  } catch {
    if "\(error)".isEmpty { fatalError("empty read error") }
    return 0
  }
  let problem = list.problem

  do {
    let stable = try MatchingSolver.solve(problem, algorithm: .stable)
    let verdict = MatchingSolver.check(problem, stable)
    guard verdict.passed else { fatalError("stable matching fails its check: \(verdict)") }
  } catch {
    fatalError("stable solver threw: \(error)")
  }

  for objective in objectives {
    let best = problem.edges.count <= 12 ? bruteForce(problem, objective) : nil
    var values: [Int]?
    for method in OptimalMatching.Method.allCases {
      let solution: MatchingSolver.Solution
      do {
        solution = try MatchingSolver.solve(problem, algorithm: .optimal, objective: objective, method: method)
      } catch {
        // Only an objective whose weights would overflow may be refused.
        guard case .objectiveOverflow = error else { fatalError("optimal (\(method)) threw: \(error)") }
        continue
      }
      let verdict = MatchingSolver.check(problem, solution)
      guard verdict.passed else { fatalError("optimal (\(objective), \(method)) fails its check: \(verdict)") }
      let terms = objective.terms.map { solution.values[$0] }
      if let values, values != terms {
        fatalError("methods disagree on \(objective): \(values) and \(terms)")
      }
      values = terms
      if let best, best != terms {
        fatalError("optimal (\(objective), \(method)) gives \(terms), brute force \(best)")
      }
    }
  }
  return 0
}
