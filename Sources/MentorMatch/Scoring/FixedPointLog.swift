/// Base-2 logarithms in fixed point with integer arithmetic only, so IDF
/// weights are bit-identical on every machine (libm's `log` is not required to
/// be correctly rounded, so two platforms may disagree in the last bit).
///
/// The fractional bits come from the classic repeated-squaring method
/// (C. S. Turner, "A Fast Binary Logarithm Algorithm", IEEE Signal Processing
/// Magazine, 2010): square the mantissa in [1, 2); each time it reaches 2,
/// the next bit is 1 and the mantissa is halved.
enum FixedPointLog {
  /// Fractional bits of the result.
  static let fractionBits = 16

  /// `floor(log2(numerator / denominator) · 2^16)` for `numerator ≥ denominator > 0`; 0 otherwise.
  static func log2(_ numerator: Int, over denominator: Int) -> Int {
    guard denominator > 0, numerator >= denominator, numerator < (1 << 32) else { return 0 }
    let a = UInt64(numerator), b = UInt64(denominator)
    var whole = 0
    while (b << UInt64(whole + 1)) <= a { whole += 1 }
    // Mantissa a / (b·2^whole) in [1, 2), as Q30.
    var x = (a << 30) / (b << UInt64(whole))
    var fraction = 0
    for _ in 0..<fractionBits {
      x = (x * x) >> 30
      fraction <<= 1
      if x >= (2 << 30) {
        x >>= 1
        fraction |= 1
      }
    }
    return (whole << fractionBits) | fraction
  }

  /// The IDF weight of a concept in Q16: `1 + log2((people + 1) / (holders + 1))`,
  /// where `holders` counts the mentees wanting it and the mentors offering it.
  /// Always at least 1.0, so every wanted skill counts.
  static func idfWeight(people: Int, holders: Int) -> Int {
    (1 << fractionBits) + log2(people + 1, over: min(holders, people) + 1)
  }
}
