import ArgumentParser

/// Hidden benchmark commands, run by `scripts/bench-*`; each times one stage.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time one stage on its own (for scripts/bench-*).",
    discussion: """
      Example:
        mentormatch bench candidates --mentees 100000 --mentors 40000 --seed 1
      """,
    shouldDisplay: false,
    subcommands: [BenchIngest.self, BenchCandidates.self]
  )
}
