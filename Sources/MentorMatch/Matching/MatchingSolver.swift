/// Which solver to run on a cohort.
public enum MatchingAlgorithm: String, Sendable, CaseIterable {
  /// ``DeferredAcceptance``: the mentee-optimal stable matching.
  case stable
  /// ``OptimalMatching``: the best matching for a lexicographic objective.
  case optimal
}

/// Runs either solver and then its independent checker: the one entry point
/// for the nightly run and `mentormatch solve`.
public enum MatchingSolver {
  /// A solver's answer, with the certificate when the solver gives one.
  public struct Solution: Sendable, Equatable {
    public let algorithm: MatchingAlgorithm
    public let objective: MatchingObjective
    public let matching: Matching
    public let values: ObjectiveValues
    /// The optimality certificate (`optimal` only).
    public let certificate: FlowCertificate?
  }

  /// What the checker found, for the run's outputs.
  public struct Verdict: Sendable, Equatable, CustomStringConvertible {
    /// Whether the checker accepted the matching.
    public let passed: Bool
    /// `stable`: its stability report.
    public let stability: StabilityCheck.Report?
    /// `optimal`: its certificate report.
    public let optimality: OptimalityCheck.Report?

    public var description: String {
      stability?.description ?? optimality?.description ?? "not checked"
    }
  }

  /// Solves `problem` with `algorithm`. The objective, the method and
  /// `progress` (units of supply routed, of how many) only matter for `optimal`.
  public static func solve(
    _ problem: MatchingProblem,
    algorithm: MatchingAlgorithm,
    objective: MatchingObjective = .standard,
    method: OptimalMatching.Method = .successiveShortestPaths,
    progress: ((_ routed: Int, _ total: Int) -> Void)? = nil
  ) throws(MatchingError) -> Solution {
    switch algorithm {
    case .stable:
      let matching = DeferredAcceptance.solve(problem)
      return Solution(
        algorithm: algorithm, objective: objective, matching: matching,
        values: matching.values(in: problem), certificate: nil)
    case .optimal:
      let result = try OptimalMatching.solve(problem, objective: objective, method: method, progress: progress)
      return Solution(
        algorithm: algorithm, objective: objective, matching: result.matching,
        values: result.values, certificate: result.certificate)
    }
  }

  /// Checks a solution with the checker for its algorithm: stability for
  /// `stable`, the certificate for `optimal`.
  public static func check(_ problem: MatchingProblem, _ solution: Solution) -> Verdict {
    switch solution.algorithm {
    case .stable:
      let stability = StabilityCheck.check(problem, matching: solution.matching)
      return Verdict(passed: stability.isStable, stability: stability, optimality: nil)
    case .optimal:
      let report = OptimalityCheck.check(
        problem, matching: solution.matching, objective: solution.objective,
        certificate: solution.certificate ?? FlowCertificate(menteePotentials: [], mentorPotentials: [], sinkPotential: 0))
      return Verdict(passed: report.isOptimal, stability: nil, optimality: report)
    }
  }

  /// One line for logs and stderr: pairs, people matched, total score, and the check.
  public static func summary(_ solution: Solution, _ verdict: Verdict) -> String {
    let name = solution.algorithm == .optimal ? "optimal (\(solution.objective))" : "stable"
    let values = solution.values
    return "\(name): \(CountedNoun.phrase(values.pairs, "pair")), \(CountedNoun.phrase(values.people, "person", "people")) matched, total score \(values.score); \(verdict)"
  }
}
