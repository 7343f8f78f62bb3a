/// Relative links from a cohort's report to the run's other files.
public struct ReportLinks: Sendable, Equatable {
  /// The full list of pairs (default `matches.csv`).
  public var matchesCSV: String
  /// The full list of waiting people (default `unmatched.csv`).
  public var unmatchedCSV: String
  /// The run's index page, or nil for no back link.
  public var index: String?

  public init(matchesCSV: String = "matches.csv", unmatchedCSV: String = "unmatched.csv", index: String? = "index.html") {
    self.matchesCSV = matchesCSV
    self.unmatchedCSV = unmatchedCSV
    self.index = index
  }
}

extension CohortReport {
  /// The cohort's `report.html`: one self-contained, deterministic UTF-8 page
  /// with inline CSS and SVG, no scripts and no external resources.
  ///
  /// Lists are cut at `settings.listLimit` rows, with a sentence pointing to
  /// the CSV that holds them all. Pure: the same report gives the same bytes.
  public func html(settings: ReportSettings = ReportSettings(), links: ReportLinks = ReportLinks()) -> [UInt8] {
    let statistics = CohortStatistics(self, scoreBins: settings.scoreBins)
    var html = HTMLText(capacity: 256 * 1024 + 2 * 1024 * min(settings.listLimit, pairs.count + waiting.count))
    html.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
    html.text("\(cohort) – matching report – \(programme)")
    html.raw("</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n")
    html.raw("<a class=\"skip\" href=\"#main\">Skip to main content</a>\n<header class=\"masthead\"><div class=\"wrap\">")
    html.text(programme)
    html.raw("</div></header>\n<main id=\"main\" class=\"wrap\">\n")
    if let index = links.index {
      html.raw("<p><a href=\"")
      html.text(index)
      html.raw("\">All cohorts in this run</a></p>\n")
    }
    html.raw("<h1><span class=\"caption\">Matching report</span> ")
    html.text(cohort)
    html.raw("</h1>\n<p class=\"lede\">Run <code>")
    html.text(runID)
    html.raw("</code>, as of ")
    html.text(asOf)
    html.raw(".</p>\n")
    html.raw("""
      <nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2><ol>
      <li><a href="#summary">Summary</a></li><li><a href="#charts">Charts</a></li>
      <li><a href="#pairs">New pairs</a></li><li><a href="#waiting">Still waiting</a></li>
      <li><a href="#data-quality">Data quality</a></li></ol></nav>\n
      """)
    summarySection(into: &html)
    chartsSection(statistics, settings: settings, into: &html)
    pairsSection(settings: settings, links: links, into: &html)
    waitingSection(statistics, settings: settings, links: links, into: &html)
    dataQualitySection(statistics, settings: settings, into: &html)
    html.raw("</main>\n<footer><div class=\"wrap\">Made by mentormatch for run <code>")
    html.text(runID)
    html.raw("</code>. This page holds personal data: keep it within the programme team and delete it when the cohort closes.</div></footer>\n</body>\n</html>\n")
    return html.bytes
  }

  private func summarySection(into html: inout HTMLText) {
    html.raw("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<ul class=\"cards\">\n")
    for (figure, label) in [
      (pairs.count, CountedNoun.noun(pairs.count, "new pair")),
      (counts.menteesNewlyMatched, CountedNoun.noun(counts.menteesNewlyMatched, "mentee") + " newly matched"),
      (counts.menteesWaiting, CountedNoun.noun(counts.menteesWaiting, "mentee") + " still waiting"),
      (counts.rejected, CountedNoun.noun(counts.rejected, "sign-up row") + " rejected"),
    ] {
      html.raw("<li><span class=\"figure\">\(ReportFormat.count(figure))</span> <span class=\"label\">\(label)</span></li>\n")
    }
    html.raw("</ul>\n<p class=\"check\(checkerPassed ? "" : " fail")\"><strong>\(checkerPassed ? "Check passed:" : "Check FAILED:")</strong> ")
    html.text(checkerResult)
    html.raw("</p>\n<dl class=\"facts\"><dt>Algorithm</dt><dd>")
    html.text(algorithm)
    html.raw("</dd><dt>Objective</dt><dd>")
    html.text(objective)
    html.raw("</dd></dl>\n<table class=\"narrow\">\n<caption>Sign-ups</caption>\n<thead><tr><th scope=\"col\">Rows</th><th scope=\"col\" class=\"num\">Count</th></tr></thead>\n<tbody>\n")
    for (label, value) in [("Read", counts.signupsRead), ("Accepted", counts.accepted), ("Rejected", counts.rejected), ("Superseded by a later sign-up", counts.superseded)] {
      html.raw("<tr><th scope=\"row\">\(label)</th><td class=\"num\">\(ReportFormat.count(value))</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n<table class=\"narrow\">\n<caption>People</caption>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Mentees</th><th scope=\"col\" class=\"num\">Mentors</th></tr></thead>\n<tbody>\n")
    for (label, mentees, mentors) in [
      ("Newly matched", counts.menteesNewlyMatched, counts.mentorsNewlyMatched),
      ("Already matched", counts.menteesAlreadyMatched, counts.mentorsAlreadyMatched),
      ("Still waiting", counts.menteesWaiting, counts.mentorsWaiting),
    ] {
      html.raw("<tr><th scope=\"row\">\(label)</th><td class=\"num\">\(ReportFormat.count(mentees))</td><td class=\"num\">\(ReportFormat.count(mentors))</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n</section>\n")
  }

  private func pairsSection(settings: ReportSettings, links: ReportLinks, into html: inout HTMLText) {
    html.raw("<section aria-labelledby=\"pairs\">\n<h2 id=\"pairs\">New pairs (\(ReportFormat.count(pairs.count)))</h2>\n")
    guard !pairs.isEmpty else {
      html.raw("<p>No new pairs were made in this run.</p>\n</section>\n")
      return
    }
    let shown = ReportPair.inOrder(pairs) ? pairs.prefix(max(0, settings.listLimit)) : shownPrefix(pairs, settings.listLimit, by: ReportPair.precedes)
    pagingNotice(shown: shown.count, total: pairs.count, noun: "pairs", file: links.matchesCSV, into: &html)
    html.raw("<table class=\"pairs\">\n<caption>New pairs, by mentee id</caption>\n<colgroup><col class=\"who\"><col class=\"who\"><col class=\"score\"><col></colgroup>\n<thead><tr><th scope=\"col\">Mentee</th><th scope=\"col\">Mentor</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Why they were paired</th></tr></thead>\n<tbody>\n")
    // By index: `for pair in shown` copies each pair's nineteen references.
    // Pairs come in runs of one mentee: their cell is written once per run
    // and its bytes repeated.
    var menteeCell = 0..<0
    for index in shown.indices {
      html.raw("<tr><td>")
      if index > shown.startIndex, !menteeCell.isEmpty, shown[index].mentee == shown[index - 1].mentee {
        menteeCell = html.repeatBytes(menteeCell)
      } else {
        let start = html.bytes.count
        personCell(shown[index].mentee, into: &html)
        menteeCell = start..<html.bytes.count
      }
      html.raw("</td><td>")
      personCell(shown[index].mentor, into: &html)
      html.raw("</td><td class=\"num\">")
      html.raw(ReportFormat.count(shown[index].score))
      html.raw("</td><td><ul>")
      for line in shown[index].explanation {
        html.raw("<li>")
        html.text(line)
        html.raw("</li>")
      }
      html.raw("</ul></td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n</section>\n")
  }

  private func waitingSection(_ statistics: CohortStatistics, settings: ReportSettings, links: ReportLinks, into html: inout HTMLText) {
    // People who left the export keep their pairs: listed apart, after, and
    // not counted as waiting (the summary and the index do not count them).
    let waiting = self.waiting.filter(\.isWaiting)
    let gone = self.waiting.filter { !$0.isWaiting }
    html.raw("<section aria-labelledby=\"waiting\">\n<h2 id=\"waiting\">Still waiting (\(ReportFormat.count(waiting.count)))</h2>\n")
    defer {
      goneList(gone, settings: settings, links: links, into: &html)
      html.raw("</section>\n")
    }
    guard !waiting.isEmpty else {
      html.raw("<p>Nobody is left waiting.</p>\n")
      return
    }
    html.raw("<table class=\"narrow\">\n<caption>Why people are waiting</caption>\n<thead><tr><th scope=\"col\">Reason</th><th scope=\"col\" class=\"num\">Mentees</th><th scope=\"col\" class=\"num\">Mentors</th></tr></thead>\n<tbody>\n")
    for reason in statistics.waitingReasons {
      html.raw("<tr><th scope=\"row\"><span class=\"tag\">")
      html.text(reason.reasonCode)
      html.raw("</span></th><td class=\"num\">\(ReportFormat.count(reason.mentees))</td><td class=\"num\">\(ReportFormat.count(reason.mentors))</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n")
    let shown = shownPrefix(waiting, settings.listLimit, by: WaitingPerson.precedes)
    pagingNotice(shown: shown.count, total: waiting.count, noun: "people", file: links.unmatchedCSV, into: &html)
    html.raw("<table class=\"waiting\">\n<caption>People still waiting, mentees first, by reason</caption>\n")
    peopleRows(shown, into: &html)
  }

  /// People no longer in the export who keep their active pairs.
  private func goneList(_ gone: [WaitingPerson], settings: ReportSettings, links: ReportLinks, into html: inout HTMLText) {
    guard !gone.isEmpty else { return }
    html.raw("<h3 id=\"not-in-export\">No longer in the export (\(ReportFormat.count(gone.count)))</h3>\n")
    html.raw("<p>They have active pairs from earlier runs but were not in this run’s export: they keep their pairs and get no new ones.</p>\n")
    let shown = shownPrefix(gone, settings.listLimit, by: WaitingPerson.precedes)
    pagingNotice(shown: shown.count, total: gone.count, noun: "people", file: links.unmatchedCSV, into: &html)
    html.raw("<table class=\"waiting\">\n<caption>People no longer in the export, mentees first</caption>\n")
    peopleRows(shown, into: &html)
  }

  /// A waiting table's columns, head and rows, up to its end.
  private func peopleRows(_ shown: ArraySlice<WaitingPerson>, into html: inout HTMLText) {
    html.raw("<colgroup><col class=\"who\"><col class=\"role\"><col></colgroup>\n<thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Role</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n")
    for entry in shown {
      html.raw("<tr><td>")
      personCell(entry.person, into: &html)
      html.raw("</td><td>\(entry.role.rawValue)</td><td><span class=\"tag\">")
      html.text(entry.reasonCode)
      html.raw("</span> ")
      html.text(entry.reason)
      html.raw("</td></tr>\n")
    }
    html.raw("</tbody>\n</table>\n")
  }

  // Piece by piece rather than through joined Strings: escaping works byte by
  // byte, so escaping the pieces gives the bytes of escaping the whole, and a
  // page of a thousand pairs builds no String per person.
  private func personCell(_ person: ReportPerson, into html: inout HTMLText) {
    html.raw("<div class=\"person\"><strong>")
    html.text(person.givenName)
    if !person.givenName.isEmpty, !person.familyName.isEmpty { html.raw(" ") }
    if !person.familyName.isEmpty { html.text(person.familyName) }
    html.raw("</strong><span class=\"muted\">")
    html.text(person.email)
    html.raw("<br>")
    var any = false
    for detail in [person.id, person.grade, person.department, person.profession, person.location] where !detail.isEmpty {
      if any { html.raw(" · ") }
      html.text(detail)
      any = true
    }
    if !any { html.raw("–") }
    html.raw("</span></div>")
  }

  private func pagingNotice(shown: Int, total: Int, noun: String, file: String, into html: inout HTMLText) {
    guard shown < total else { return }
    html.raw("<p class=\"notice\">This page lists the first \(ReportFormat.count(shown)) of \(ReportFormat.count(total)) \(noun). The full list is in <a href=\"")
    html.text(file)
    html.raw("\">")
    html.text(file)
    html.raw("</a>.</p>\n")
  }
}

/// The first `count` elements of `items` in `order`, as ``sortedPrefix(_:_:by:)``
/// gives them; a slice of `items` itself when they are in order already, so
/// no element is copied.
func shownPrefix<T>(_ items: [T], _ count: Int, by order: (T, T) -> Bool) -> ArraySlice<T> {
  guard count > 0 else { return [] }
  guard items.count > count * 4 else { return items.ordered(by: order).prefix(count) }
  return ArraySlice(sortedPrefix(items, count, by: order))
}

/// The first `count` elements of `items` in `order`, without sorting them all
/// when the list is much longer than the page shows.
func sortedPrefix<T>(_ items: [T], _ count: Int, by order: (T, T) -> Bool) -> [T] {
  guard count > 0 else { return [] }
  guard items.count > count * 4 else { return Array(items.ordered(by: order).prefix(count)) }
  // Keep a sorted window of the best `count`; each element costs a binary search.
  var window: [T] = []
  window.reserveCapacity(count + 1)
  for item in items {
    if window.count == count, let last = window.last, !order(item, last) { continue }
    var low = 0, high = window.count
    while low < high {
      let mid = (low + high) / 2
      if order(item, window[mid]) { high = mid } else { low = mid + 1 }
    }
    window.insert(item, at: low)
    if window.count > count { window.removeLast() }
  }
  return window
}
