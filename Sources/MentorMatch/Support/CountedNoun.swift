/// A count with its noun in English words: singular for exactly one
/// (`1 mentee`), plural otherwise (`0 mentees`, `2 mentees`). Every count
/// printed in a sentence (the run's summary lines, the reports, the
/// `not-in-export` reason, messages) goes through it, so none reads "1 mentees".
public enum CountedNoun {
  /// `count` and the noun: `phrase(1, "rejected row")` is `1 rejected row`.
  /// - Parameters:
  ///   - singular: the noun (or noun phrase) for one.
  ///   - plural: for any other count; default: `singular` + `s`.
  public static func phrase(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(noun(count, singular, plural))"
  }

  /// The noun alone, for a count written elsewhere: `noun(1, "pair")` is `pair`.
  public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    count == 1 ? singular : plural ?? singular + "s"
  }
}
