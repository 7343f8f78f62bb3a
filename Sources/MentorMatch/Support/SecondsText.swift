/// Seconds to three decimals (`0.042`), for the run's stage lines and the
/// commands that print timings.
public enum SecondsText {
  /// Plain integer arithmetic: `String(format:)`'s first use scans the
  /// binary's protocol conformances, a cost on every run's critical path.
  public static func format(_ seconds: Double) -> String {
    let thousandths = Int((abs(seconds) * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return (seconds < 0 && thousandths > 0 ? "-" : "") + "\(thousandths / 1000)."
      + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
