/// One cohort scored and solved: who is in it, the candidates, the new pairs
/// and the checker's verdict.
struct CohortMatch: Sendable {
  /// The cohort as searched; its fields are read through the properties below.
  let searched: Candidates
  /// New pairs as (mentee index, mentor index, candidate), sorted by ids.
  let pairs: [(mentee: Int, mentor: Int, candidate: CandidatePair)]
  let checker: String
  let checkerPassed: Bool
  /// Each new pair's explanation, in `pairs` order, once ``explained()`` has run.
  private(set) var explanations: [Explanation] = []

  var cohort: String { searched.cohort }
  var people: [Signup] { searched.people }
  var mentees: [Signup] { searched.mentees }
  var mentors: [Signup] { searched.mentors }
  var menteeRemaining: [Int] { searched.menteeRemaining }
  var mentorRemaining: [Int] { searched.mentorRemaining }
  var lists: CandidateLists { searched.lists }
  var activeAsMentee: [String: Int] { searched.activeAsMentee }
  var activeAsMentor: [String: Int] { searched.activeAsMentor }

  /// A cohort's people with room for a new pair, their candidate lists and
  /// the solver's problem: everything before the solver, which depends on no
  /// other cohort's solver (``RunCore`` searches cohorts ahead of it). With
  /// `parallel` false, all of it runs on the calling thread; the result is the same.
  /// `people`, `activePairs` and `priorPairs` are the cohort's share of the
  /// night (``CohortShares``).
  static func candidates(
    cohort: String, people: [Signup], activePairs: [PairRecord], priorPairs: Set<PriorPair>, context: RunContext,
    skills: SkillsByPerson, hierarchy: SkillHierarchy,
    measure: (String, () throws -> Void) throws -> Void, progress: @escaping @Sendable (RunProgress) -> Void = { _ in },
    parallel: Bool = true
  ) throws -> (searched: Candidates, problem: MatchingProblem) {
    var activeAsMentee: [String: Int] = [:]
    var activeAsMentor: [String: Int] = [:]
    for pair in activePairs {
      activeAsMentee[pair.menteeID, default: 0] += 1
      activeAsMentor[pair.mentorID, default: 0] += 1
    }
    var mentees: [Signup] = []
    var mentors: [Signup] = []
    var menteeRemaining: [Int] = []
    var mentorRemaining: [Int] = []
    for person in people {
      let asMentee = person.role.isMentee ? person.menteeCapacity - (activeAsMentee[person.id] ?? 0) : 0
      let asMentor = person.role.isMentor ? person.mentorCapacity - (activeAsMentor[person.id] ?? 0) : 0
      if asMentee > 0 {
        mentees.append(person)
        menteeRemaining.append(asMentee)
      }
      if asMentor > 0 {
        mentors.append(person)
        mentorRemaining.append(asMentor)
      }
    }
    // The two sides on two threads: each person is a dictionary to build.
    let (menteeList, mentorList) = (mentees, mentors)
    let (menteeCapacity, mentorCapacity) = (menteeRemaining, mentorRemaining)
    let sides = ParallelWork.map(
      2, concurrency: parallel && mentees.count + mentors.count >= 256 ? ParallelWork.cores : 1
    ) {
      side in
      // By index: a zip's elements are copies, and a Signup's copy retains dozens of Strings.
      side == 0
        ? menteeList.indices.map { scoringPerson(menteeList[$0], capacity: menteeCapacity[$0], skills: skills) }
        : mentorList.indices.map { scoringPerson(mentorList[$0], capacity: mentorCapacity[$0], skills: skills) }
    }
    let scoringCohort = ScoringCohort(mentees: sides[0], mentors: sides[1], hierarchy: hierarchy, priorPairs: priorPairs)
    let tenths = TenthsProgress(
      step: "candidates", item: cohort, total: scoringCohort.mentees.count, report: progress)
    let lists = try timed("candidates", measure) {
      try CandidateGenerator.generate(
        scoringCohort, rules: context.config.rules, settings: context.config.candidates, parallel: parallel,
        progress: tenths?.add)
    }
    let problem = try MatchingProblem(
      menteeCapacities: menteeRemaining, mentorCapacities: mentorRemaining,
      edges: problemEdges(lists.candidates, parallel: parallel))
    let searched = Candidates(
      cohort: cohort, people: people, mentees: mentees, mentors: mentors, menteeRemaining: menteeRemaining,
      mentorRemaining: mentorRemaining, activeAsMentee: activeAsMentee, activeAsMentor: activeAsMentor, lists: lists)
    return (searched, problem)
  }

  /// A cohort as ``candidates(cohort:context:skills:hierarchy:measure:progress:)``
  /// searched it, before its solver.
  struct Candidates: Sendable {
    let cohort: String
    /// Everyone in the cohort, by id.
    let people: [Signup]
    /// Mentees and mentors with room for a new pair, in id order (the solver's indices).
    let mentees: [Signup]
    let mentors: [Signup]
    let menteeRemaining: [Int]
    let mentorRemaining: [Int]
    /// Active pairs from earlier runs, per person id, per side.
    let activeAsMentee: [String: Int]
    let activeAsMentor: [String: Int]
    let lists: CandidateLists
  }

  /// Solves a searched cohort's problem on one core and checks the solution.
  /// `solving` is given the problem as the solver starts.
  static func solve(
    _ searched: Candidates, problem: MatchingProblem, context: RunContext,
    measure: (String, () throws -> Void) throws -> Void, progress: @escaping @Sendable (RunProgress) -> Void = { _ in },
    solving: (MatchingProblem) throws -> Void = { _ in }
  ) throws -> CohortMatch {
    let (lists, mentees, mentors) = (searched.lists, searched.mentees, searched.mentors)
    let settings = context.config.matching
    try solving(problem)
    // The solver knows its number of units only once it has chosen its side.
    var solveProgress: TenthsProgress?
    var started = false
    let routed = { (count: Int, total: Int) in
      if !started {
        started = true
        solveProgress = TenthsProgress(step: "solve", item: searched.cohort, total: total, report: progress)
      }
      solveProgress?.add(count)
    }
    let (solution, verdict) = try timed("solve", measure) {
      let solution = try MatchingSolver.solve(
        problem, algorithm: settings.algorithm, objective: settings.objective, method: settings.method,
        progress: routed)
      return (solution, MatchingSolver.check(problem, solution))
    }
    var pairs: [(mentee: Int, mentor: Int, candidate: CandidatePair)] = []
    for (mentee, mentor) in solution.matching.pairs(in: problem) {
      guard let candidate = lists.candidates[mentee].first(where: { $0.mentor == mentor }) else { continue }
      pairs.append((mentee, mentor, candidate))
    }
    pairs.sort { a, b in
      (mentees[a.mentee].id, mentors[a.mentor].id) < (mentees[b.mentee].id, mentors[b.mentor].id)
    }
    return CohortMatch(searched: searched, pairs: pairs, checker: verdict.description, checkerPassed: verdict.passed)
  }

  /// The pairs the state records.
  var newPairs: [NewPair] {
    pairs.map {
      NewPair(menteeID: mentees[$0.mentee].id, mentorID: mentors[$0.mentor].id, cohort: cohort, score: $0.candidate.total)
    }
  }

  /// The cohort with every new pair's explanation worked out, on all cores,
  /// for the report and the emails to share.
  func explained() -> CohortMatch {
    var copy = self
    copy.explanations = ParallelWork.map(chunking: pairs, minimumChunk: 512) { explanation(of: $0) }
    return copy
  }

  /// The explanation of the new pair at `index` in `pairs`.
  func explanation(at index: Int) -> Explanation {
    explanations.indices.contains(index) ? explanations[index] : explanation(of: pairs[index])
  }

  /// The explanation of one new pair, in words for each side.
  func explanation(of pair: (mentee: Int, mentor: Int, candidate: CandidatePair)) -> Explanation {
    Explanation(
      breakdown: lists.breakdown(of: pair.candidate), menteeName: mentees[pair.mentee].givenName,
      mentorName: mentors[pair.mentor].givenName, leadNames: leadNames(pair))
  }

  /// How the lead's sentences name a pair: by given names, or by full names
  /// when the two share a given name ("Priya Shah is … above Priya Rao").
  func leadNames(_ pair: (mentee: Int, mentor: Int, candidate: CandidatePair)) -> (mentee: String, mentor: String) {
    let mentee = mentees[pair.mentee], mentor = mentors[pair.mentor]
    guard mentee.givenName == mentor.givenName else { return (mentee.givenName, mentor.givenName) }
    return ("\(mentee.givenName) \(mentee.familyName)", "\(mentor.givenName) \(mentor.familyName)")
  }

  /// The solver's edges from the candidate lists (one per mentee, in mentee
  /// order, each best first), each mentee's by mentor: the order the problem
  /// keeps them in, so that it takes them without sorting them again (a radix
  /// sort over every edge, about a second on one core for 16.8 million).
  /// Runs of mentees are built on all cores.
  /// With `parallel` false, on the calling thread alone.
  static func problemEdges(_ lists: [[CandidatePair]], parallel: Bool = true) -> [MatchingProblem.Edge] {
    let total = lists.reduce(0) { $0 + $1.count }
    let runs = parallel && total >= 65_536 ? 4 * ParallelWork.cores : 1
    let bounds = (0...runs).map { lists.count * $0 / runs }
    let parts = ParallelWork.map(runs, concurrency: runs == 1 ? 1 : ParallelWork.cores) { run in
      var edges: [MatchingProblem.Edge] = []
      edges.reserveCapacity(lists[bounds[run]..<bounds[run + 1]].reduce(0) { $0 + $1.count })
      for mentee in bounds[run]..<bounds[run + 1] {
        let first = edges.count
        for candidate in lists[mentee] {
          edges.append(
            MatchingProblem.Edge(
              mentee: candidate.mentee, mentor: candidate.mentor, menteeScore: candidate.menteeScore,
              mentorScore: candidate.mentorScore))
        }
        edges[first...].sort { $0.mentor < $1.mentor }
      }
      return edges
    }
    var edges: [MatchingProblem.Edge] = []
    edges.reserveCapacity(total)
    for part in parts { edges.append(contentsOf: part) }
    return edges
  }

  private static func scoringPerson(_ signup: Signup, capacity: Int, skills: SkillsByPerson) -> ScoringPerson {
    // Sized once: growing a copy of `extra` by six keys rehashes it.
    var fields = [String: String](minimumCapacity: signup.extra.count + 6)
    for (name, value) in signup.extra { fields[name] = value }
    fields["department"] = signup.department
    fields["profession"] = signup.profession
    fields["location"] = signup.location
    fields["grade"] = signup.grade
    fields["cohort"] = signup.cohort
    fields["role"] = signup.role.rawValue
    return ScoringPerson(
      id: signup.id, grade: signup.gradeIndex, fields: fields, email: signup.emailKey,
      lineManagerEmail: signup.lineManagerEmail.isEmpty ? nil : signup.lineManagerEmail,
      offered: skills.offered[signup.id] ?? [], wanted: skills.wanted[signup.id] ?? [], capacity: capacity)
  }
}

/// Runs `work` as a timed stage and returns its value.
func timed<T>(_ stage: String, _ measure: (String, () throws -> Void) throws -> Void, _ work: () throws -> T) throws -> T {
  var value: T?
  try withoutActuallyEscaping(work) { work in try measure(stage) { value = try work() } }
  guard let value else { throw RunError.stageSkipped(stage) }
  return value
}
