import Foundation
import Testing

@testable import MentorMatch

@Suite struct SignupTimestampTests {
  @Test(arguments: [
    ("2026-11-02", "2026-11-02T00:00:00Z"),
    ("2026-11-02T09:30", "2026-11-02T09:30:00Z"),
    ("2026-11-02 09:30:15", "2026-11-02T09:30:15Z"),
    ("2026-11-02T09:30:15.123Z", "2026-11-02T09:30:15Z"),
    ("2026-11-02T00:30:00+01:00", "2026-11-01T23:30:00Z"),
    ("2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00Z"),
    ("02/11/2026", "2026-11-02T00:00:00Z"),
    ("29/02/2024 10:00", "2024-02-29T10:00:00Z"),
    // A leap second stays in its minute.
    ("2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z"),
  ])
  func normalises(_ input: String, _ expected: String) {
    #expect(SignupTimestamp.normalise(input) == expected)
  }

  @Test(arguments: ["", "yesterday", "2026-13-01", "29/02/2026", "2026-11-02T25:00", "2026-11-02T10:00+5", "2026-11-02x"])
  func refuses(_ input: String) {
    #expect(SignupTimestamp.normalise(input) == nil)
  }

  @Test(arguments: [
    (0, "1970-01-01T00:00:00Z"),
    (-1, "1969-12-31T23:59:59Z"),
    (-86400, "1969-12-31T00:00:00Z"),
    (951_782_400, "2000-02-29T00:00:00Z"),
    (1_795_831_200, "2026-11-28T02:00:00Z"),
    (4_107_542_399, "2100-02-28T23:59:59Z"),
    (253_402_300_799, "9999-12-31T23:59:59Z"),
  ])
  func formatsSecondsSince1970(_ seconds: Int, _ expected: String) {
    #expect(SignupTimestamp.utc(secondsSince1970: seconds) == expected)
  }

  /// Against Foundation's formatter, the one the shell used before, on
  /// instants spread from 1900 to 2200, and each read back unchanged.
  @Test func formatsLikeFoundationAndReadsBack() {
    let foundation = ISO8601DateFormatter()
    foundation.formatOptions = [.withInternetDateTime]
    foundation.timeZone = TimeZone(identifier: "UTC")
    var random = SplitMix64(seed: 20261130)
    for _ in 0..<20_000 {
      let seconds = Int(random.next() % 9_467_280_000) - 2_208_988_800
      let text = SignupTimestamp.utc(secondsSince1970: seconds)
      #expect(text == foundation.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))), "\(seconds)")
      #expect(SignupTimestamp.normalise(text) == text)
      #expect(SignupTimestamp.secondsSince1970(text) == seconds)
    }
  }
}
