extension Duration {
  /// Seconds to three decimals (`1.234`), for the commands that print timings.
  var secondsText: String {
    let (whole, atto) = components
    let thousandths = whole * 1000 + (atto + 500_000_000_000_000) / 1_000_000_000_000_000
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  /// Seconds as a number, for rates.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
