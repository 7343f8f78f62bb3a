/// A small seeded pseudo-random generator: xoshiro256** (Blackman & Vigna,
/// "Scrambled linear pseudorandom number generators", 2021,
/// <https://prng.di.unimi.it/>) with its state filled by SplitMix64.
///
/// Used by the synthetic export generator, never for anything secret. Its
/// bounded draws are written out here (Lemire's multiply-shift with
/// rejection, "Fast random integer generation in an interval", 2019) instead of
/// relying on the standard library's, so a seed gives the same export on every
/// Swift version and platform.
public struct SeededRandom: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator for one seed and one stream; different streams of one seed
  /// are independent, so row `i` of an export can be built on its own.
  public init(seed: UInt64, stream: UInt64 = 0) {
    var state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    s0 = Self.splitMix(&state)
    s1 = Self.splitMix(&state)
    s2 = Self.splitMix(&state)
    s3 = Self.splitMix(&state)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = Self.rotate(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotate(s3, 45)
    return result
  }

  /// A uniform integer in `0..<bound`; 0 when `bound` is not positive.
  public mutating func below(_ bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
    }
    return Int(product.high)
  }

  /// A uniform integer in a closed range.
  public mutating func within(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `perMillion / 1,000,000`.
  public mutating func chance(perMillion: Int) -> Bool { below(1_000_000) < perMillion }

  /// A uniformly chosen element; nil for an empty array.
  public mutating func element<T>(of items: [T]) -> T? {
    items.isEmpty ? nil : items[below(items.count)]
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }
}
