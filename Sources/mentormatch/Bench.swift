import ArgumentParser

/// Hidden commands that benchmark scripts call to time one stage.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time one stage on its own (used by scripts/bench-*).",
    shouldDisplay: false,
    subcommands: [BenchIngest.self]
  )
}
