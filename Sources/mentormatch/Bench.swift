import ArgumentParser

<<<<<<< HEAD
/// Hidden commands that benchmark scripts call to time one stage.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time one stage on its own (used by scripts/bench-*).",
    shouldDisplay: false,
    subcommands: [BenchIngest.self]
=======
/// Hidden benchmark commands, run by `scripts/bench-*`; they time one stage on
/// generated data held in memory.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time one stage on generated data (for scripts/bench-*).",
    discussion: """
      Example:
        mentormatch bench candidates --mentees 100000 --mentors 40000 --seed 1
      """,
    shouldDisplay: false,
    subcommands: [BenchCandidates.self]
>>>>>>> scoring
  )
}
