/// The run's as-of and id. The as-of is the only clock value in a run's
/// outputs; the id is derived from it and from the hashes of everything the
/// run reads, so the same night with the same inputs has the same id.
public struct RunIdentity: Sendable, Equatable {
  /// UTC, `2026-11-28T02:00:00Z`.
  public var asOf: String
  /// `20261128T020000Z-` and 10 hex digits of the SHA-256 of the inputs.
  public var runID: String

  /// - Parameters:
  ///   - asOf: a timestamp in any form ``SignupTimestamp`` reads.
  ///   - digests: SHA-256 hex digests of the config, each export, the
  ///     taxonomy files and the prior state, in a fixed order.
  public init(asOf text: String, digests: [String]) throws(RunError) {
    let asOf = try Self.normalisedAsOf(text)
    self.asOf = asOf
    let compact = asOf.filter { $0 != "-" && $0 != ":" }
    let digest = SHA256Hex.of(Array(([asOf] + digests).joined(separator: "\n").utf8))
    runID = compact + "-" + digest.prefix(10)
  }

  /// `text` as a UTC as-of (`2026-11-28T02:00:00Z`), or the usage error
  /// `--as-of` gets: not a timestamp, or before 1900.
  public static func normalisedAsOf(_ text: String) throws(RunError) -> String {
    guard let asOf = SignupTimestamp.normalise(text) else { throw .badAsOf(text) }
    guard isDateable(asOf) else { throw .asOfBefore1900(text) }
    return asOf
  }

  /// Whether a normalised as-of can date the run's emails: RFC 5322 §3.3
  /// allows no year before 1900 in a `Date:` header.
  public static func isDateable(_ asOf: String) -> Bool { asOf.prefix(4) >= "1900" }

  /// The as-of as RFC 5322 wants it in a `Date:` header is the email stage's
  /// concern; this is the date part, `2026-11-28`.
  public var date: String { String(asOf.prefix(10)) }
}
