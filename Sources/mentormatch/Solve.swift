import ArgumentParser
import Foundation
import MentorMatch

struct Solve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Run a matching solver on a plain edge list.",
    discussion: """
      EDGES.csv has the header mentee,mentor,mentee_score,mentor_score (integer scores).
      CAPS.csv has the header id,capacity; anyone not listed has capacity 1.
      Writes mentee,mentor rows sorted by id, and a one-line summary on stderr.
      For optimal, a pair's weight is mentee_score + mentor_score.

      Example:
        mentormatch solve --edges edges.csv --capacities caps.csv --algorithm optimal \\
          --objective pairs,score --out matches.csv
      """
  )

  @Option(help: "The edge list (CSV: mentee,mentor,mentee_score,mentor_score).")
  var edges: String

  @Option(help: "Capacities (CSV: id,capacity). Anyone not listed has capacity 1.")
  var capacities: String?

  @Option(help: "The solver: stable (mentee-proposing deferred acceptance) or optimal (min-cost flow).")
  var algorithm: String

  @Option(help: "For optimal: the terms to maximise in priority order, from people, pairs, score.")
  var objective: String = MatchingObjective.standard.description

  @Option(help: "For optimal: phases (many paths per search; the default, as in a run's [matching]) or ssp (one shortest path per unit).")
  var method: String = MatchingSettings().method.rawValue

  @Option(help: "Where to write the matches (CSV). Standard output if omitted.")
  var out: String?

  @Flag(help: "Print read, solve and check times on stderr.")
  var timings = false

  func validate() throws {
    guard MatchingAlgorithm(rawValue: algorithm) != nil else {
      throw ValidationError("unknown algorithm '\(algorithm)' (known: stable, optimal)")
    }
    guard OptimalMatching.Method(rawValue: method) != nil else {
      throw ValidationError("unknown method '\(method)' (known: ssp, phases)")
    }
    do {
      _ = try MatchingObjective(parsing: objective)
    } catch {
      throw ValidationError("--objective: \(error)")
    }
  }

  func run() throws {
    try runReportingErrors {
      let clock = ContinuousClock()
      let algorithm = MatchingAlgorithm(rawValue: algorithm) ?? .stable
      let objective = try MatchingObjective(parsing: objective)
      let started = clock.now
      let list = try EdgeList.read(
        edges: CSVReader(path: edges),
        capacities: capacities.map { path throws(CSVError) in try CSVReader(path: path) })
      let read = clock.now
      let solution = try MatchingSolver.solve(
        list.problem, algorithm: algorithm, objective: objective,
        method: OptimalMatching.Method(rawValue: method) ?? MatchingSettings().method)
      let solved = clock.now
      let verdict = MatchingSolver.check(list.problem, solution)
      let checked = clock.now
      let bytes = list.matchesCSV(solution.matching)
      if let out {
        try PrivateFiles.write(bytes, to: out)
      } else {
        FileHandle.standardOutput.write(Data(bytes))
      }
      printError("solve: \(MatchingSolver.summary(solution, verdict))")
      if timings {
        printError("timings: read \((read - started).secondsText) s, solve \((solved - read).secondsText) s, check \((checked - solved).secondsText) s")
      }
      guard verdict.passed else { throw MatchingError.checkFailed(verdict.description) }
    }
  }
}
