import MentorMatch

extension Duration {
  /// Seconds to three decimals (`1.234`), for the commands that print timings.
  var secondsText: String { SecondsText.format(seconds) }

  /// Seconds as a number, for rates.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
