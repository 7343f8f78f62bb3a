/// How much the report shows, from the config's `[report]` section.
///
/// ```toml
/// [report]
/// list_limit = 1000   # pairs and waiting people listed in report.html; the CSVs hold all
/// chart_bars = 12     # bars per chart (groups, skills)
/// score_bins = 10     # bars in the score distribution, at most
/// ```
public struct ReportSettings: Sendable, Equatable {
  /// Pairs and waiting people listed in the HTML; the rest are only in the CSVs.
  public var listLimit: Int
  /// Bars per bar chart; the tables beside them list up to ``tableRows``.
  public var chartBars: Int
  /// Rows in a chart's table of numbers before it says how many more there are.
  public var tableRows: Int
  /// The most bars the score distribution is cut into.
  public var scoreBins: Int

  public init(listLimit: Int = 1000, chartBars: Int = 12, tableRows: Int = 50, scoreBins: Int = 10) {
    self.listLimit = max(0, listLimit)
    self.chartBars = max(1, chartBars)
    self.tableRows = max(1, tableRows)
    self.scoreBins = max(1, scoreBins)
  }

  /// Reads `[report]`; unknown keys are errors.
  public init(from section: ConfigSection) throws(ConfigError) {
    self.init(
      listLimit: try section.int("list_limit", default: 1000, in: 0...1_000_000),
      chartBars: try section.int("chart_bars", default: 12, in: 1...100),
      tableRows: try section.int("table_rows", default: 50, in: 1...10_000),
      scoreBins: try section.int("score_bins", default: 10, in: 1...100)
    )
    try section.finish()
  }
}
