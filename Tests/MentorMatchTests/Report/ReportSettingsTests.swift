import Testing

@testable import MentorMatch

@Suite struct ReportSettingsTests {
  static func section(_ toml: String) throws -> ConfigSection {
    let root = try ConfigSection.parse(toml, file: "mentormatch.toml", baseDirectory: "/tmp")
    return try #require(try root.section("report"))
  }

  @Test func readsEveryKey() throws {
    let settings = try ReportSettings(from: Self.section("[report]\nlist_limit = 200\nchart_bars = 8\ntable_rows = 20\nscore_bins = 6\n"))
    #expect(settings == ReportSettings(listLimit: 200, chartBars: 8, tableRows: 20, scoreBins: 6))
  }

  @Test func defaultsWhenEmpty() throws {
    #expect(try ReportSettings(from: Self.section("[report]\n")) == ReportSettings())
  }

  @Test func unknownKeyIsAnError() throws {
    #expect(throws: ConfigError.self) { try ReportSettings(from: Self.section("[report]\nlist_limt = 5\n")) }
  }

  @Test func outOfRangeNamesTheKey() throws {
    do {
      _ = try ReportSettings(from: Self.section("[report]\nscore_bins = 0\n"))
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".hasPrefix("mentormatch.toml:2: report.score_bins:"))
    }
  }
}
