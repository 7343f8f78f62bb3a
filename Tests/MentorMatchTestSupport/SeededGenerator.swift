import MentorMatch
/// A deterministic random number generator (SplitMix64, Steele, Lea &
/// Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014)
/// for seeded property tests: the same seed always gives the same cases, so
/// a failure names its seed and can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  // The project's own SplitMix64, so tests and generators draw the same sequence.
  private var source: SplitMix64

  public init(seed: UInt64) { source = SplitMix64(seed: seed) }

  public mutating func next() -> UInt64 { source.next() }
}
