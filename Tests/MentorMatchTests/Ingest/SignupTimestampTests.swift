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
  ])
  func normalises(_ input: String, _ expected: String) {
    #expect(SignupTimestamp.normalise(input) == expected)
  }

  @Test(arguments: ["", "yesterday", "2026-13-01", "29/02/2026", "2026-11-02T25:00", "2026-11-02T10:00+5", "2026-11-02x"])
  func refuses(_ input: String) {
    #expect(SignupTimestamp.normalise(input) == nil)
  }
}
