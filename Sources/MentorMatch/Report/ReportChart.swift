/// The report's charts as inline SVG: integer coordinates only (so bytes are
/// deterministic), numbers written on the bars, and a text alternative on
/// each (`role="img"` with `<title>` and `<desc>`, per WAI's SVG accessibility
/// guidance, <https://www.w3.org/TR/svg-aam-1.0/>). The page puts a table of the
/// same numbers beside every chart.
enum ReportChart {
  static let width = 600
  private static let blue = "#1d70b8"
  private static let orange = "#b35c00"
  private static let track = "#f3f2f1"
  private static let ink = "#0b0c0c"

  /// Horizontal bars: for each group, the share of its mentees matched.
  static func matchRates(_ groups: [CohortStatistics.GroupRate], id: String, title: String, summary: String, into html: inout HTMLText) {
    let rowHeight = 30, labelWidth = 190, trackX = 200, trackWidth = 240
    let height = max(1, groups.count) * rowHeight + 8
    open(id: id, height: height, title: title, summary: summary, into: &html)
    for (index, group) in groups.enumerated() {
      let y = 4 + index * rowHeight
      let barWidth = group.mentees > 0 ? trackWidth * group.matched / group.mentees : 0
      html.raw("<text x=\"\(labelWidth)\" y=\"\(y + 19)\" text-anchor=\"end\" font-size=\"13\" fill=\"\(ink)\">")
      html.text(shortened(group.group, to: 25))
      html.raw("</text><rect x=\"\(trackX)\" y=\"\(y + 5)\" width=\"\(trackWidth)\" height=\"20\" fill=\"\(track)\"/>")
      html.raw("<rect x=\"\(trackX)\" y=\"\(y + 5)\" width=\"\(barWidth)\" height=\"20\" fill=\"\(blue)\"/>")
      html.raw("<text x=\"\(trackX + trackWidth + 8)\" y=\"\(y + 19)\" font-size=\"13\" fill=\"\(ink)\">")
      html.raw("\(ReportFormat.percent(group.matched, of: group.mentees)) (\(ReportFormat.count(group.matched)) of \(ReportFormat.count(group.mentees)))</text>")
    }
    html.raw("</svg>")
  }

  /// Vertical bars: how many pairs scored in each range.
  static func scoreDistribution(_ bins: [CohortStatistics.ScoreBin], id: String, title: String, summary: String, into html: inout HTMLText) {
    let height = 250, baseline = 210, plotHeight = 180, left = 8
    let slot = (width - 2 * left) / max(1, bins.count)
    let peak = max(1, bins.map(\.pairs).max() ?? 1)
    open(id: id, height: height, title: title, summary: summary, into: &html)
    for (index, bin) in bins.enumerated() {
      let x = left + index * slot
      let barHeight = plotHeight * bin.pairs / peak
      let middle = x + slot / 2
      html.raw("<rect x=\"\(x + 4)\" y=\"\(baseline - barHeight)\" width=\"\(slot - 8)\" height=\"\(barHeight)\" fill=\"\(blue)\"/>")
      html.raw("<text x=\"\(middle)\" y=\"\(baseline - barHeight - 6)\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(ink)\">\(ReportFormat.count(bin.pairs))</text>")
      html.raw("<text x=\"\(middle)\" y=\"\(baseline + 20)\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\">\(ReportFormat.range(bin.lower, bin.upper))</text>")
    }
    html.raw("<line x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - left)\" y2=\"\(baseline)\" stroke=\"\(ink)\" stroke-width=\"1\"/>")
    html.raw("<text x=\"\(width / 2)\" y=\"\(baseline + 38)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#505a5f\">score</text>")
    html.raw("</svg>")
  }

  /// Paired horizontal bars per skill: mentees wanting it against mentors offering it.
  static func supplyAndDemand(_ skills: [SkillSupply], id: String, title: String, summary: String, into html: inout HTMLText) {
    let rowHeight = 44, labelWidth = 190, barX = 200, barSpace = 330, top = 30
    let peak = max(1, skills.map { max($0.menteesWanting, $0.mentorsOffering) }.max() ?? 1)
    let height = top + max(1, skills.count) * rowHeight + 4
    open(id: id, height: height, title: title, summary: summary, into: &html)
    html.raw("<rect x=\"\(barX)\" y=\"6\" width=\"14\" height=\"14\" fill=\"\(blue)\"/>")
    html.raw("<text x=\"\(barX + 20)\" y=\"18\" font-size=\"13\" fill=\"\(ink)\">mentees wanting</text>")
    html.raw("<rect x=\"\(barX + 160)\" y=\"6\" width=\"14\" height=\"14\" fill=\"\(orange)\"/>")
    html.raw("<text x=\"\(barX + 180)\" y=\"18\" font-size=\"13\" fill=\"\(ink)\">mentors offering</text>")
    for (index, skill) in skills.enumerated() {
      let y = top + index * rowHeight
      html.raw("<text x=\"\(labelWidth)\" y=\"\(y + 25)\" text-anchor=\"end\" font-size=\"13\" fill=\"\(ink)\">")
      html.text(shortened(skill.skill, to: 25))
      html.raw("</text>")
      for (offset, value, colour) in [(4, skill.menteesWanting, blue), (22, skill.mentorsOffering, orange)] {
        let length = barSpace * value / peak
        html.raw("<rect x=\"\(barX)\" y=\"\(y + offset)\" width=\"\(length)\" height=\"16\" fill=\"\(colour)\"/>")
        html.raw("<text x=\"\(barX + length + 6)\" y=\"\(y + offset + 13)\" font-size=\"12\" fill=\"\(ink)\">\(ReportFormat.count(value))</text>")
      }
    }
    html.raw("</svg>")
  }

  private static func open(id: String, height: Int, title: String, summary: String, into html: inout HTMLText) {
    html.raw("<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" focusable=\"false\">")
    html.raw("<title id=\"\(id)-title\">")
    html.text(title)
    html.raw("</title><desc id=\"\(id)-desc\">")
    html.text(summary)
    html.raw("</desc>")
  }

  /// `label` cut to `limit` characters with an ellipsis; the full label is in the table beside the chart.
  static func shortened(_ label: String, to limit: Int) -> String {
    label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
  }
}
