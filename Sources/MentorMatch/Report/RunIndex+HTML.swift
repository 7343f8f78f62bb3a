extension RunIndex {
  /// The run's `index.html`: a self-contained page with the manifest summary,
  /// a table of cohorts linking each report, and the run's files. Cohorts are
  /// listed by name, inputs by path; deterministic bytes.
  public func html() -> [UInt8] {
    var html = HTMLText()
    html.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
    html.text("Run \(runID) – \(programme)")
    html.raw("</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n")
    html.raw("<a class=\"skip\" href=\"#main\">Skip to main content</a>\n<header class=\"masthead\"><div class=\"wrap\">")
    html.text(programme)
    html.raw("</div></header>\n<main id=\"main\" class=\"wrap\">\n<h1><span class=\"caption\">Matching run</span> ")
    html.text(runID)
    html.raw("</h1>\n")
    if dryRun {
      html.raw("<p class=\"check fail\"><strong>Dry run:</strong> nothing from this run was saved and no email was sent.</p>\n")
    }
    html.raw("<dl class=\"facts\"><dt>As of</dt><dd>")
    html.text(asOf)
    html.raw("</dd><dt>Tool version</dt><dd>mentormatch ")
    html.text(toolVersion)
    html.raw("</dd><dt>Cohorts</dt><dd>\(ReportFormat.count(cohorts.count))</dd><dt>New pairs</dt><dd>\(ReportFormat.count(cohorts.reduce(0) { $0 + $1.newPairs }))</dd></dl>\n")
    html.raw("<h2 id=\"cohorts\">Cohorts</h2>\n")
    if cohorts.isEmpty {
      html.raw("<p>No cohort had sign-ups in this run.</p>\n")
    } else {
      html.raw("<table class=\"cohorts\">\n<caption>Each cohort's report, with its counts and the checker's result</caption>\n<thead><tr><th scope=\"col\">Cohort</th>")
      for header in ["Sign-ups read", "Rejected", "New pairs", "Mentees waiting", "Mentors waiting"] {
        html.raw("<th scope=\"col\" class=\"num\">\(header)</th>")
      }
      html.raw("<th scope=\"col\">Algorithm and check</th></tr></thead>\n<tbody>\n")
      let sorted = cohorts.sorted { $0.name != $1.name ? $0.name < $1.name : $0.reportHref < $1.reportHref }
      for cohort in sorted {
        html.raw("<tr><th scope=\"row\"><a href=\"")
        html.text(cohort.reportHref)
        html.raw("\">")
        html.text(cohort.name)
        html.raw("</a></th>")
        for value in [cohort.counts.signupsRead, cohort.counts.rejected, cohort.newPairs, cohort.counts.menteesWaiting, cohort.counts.mentorsWaiting] {
          html.raw("<td class=\"num\">\(ReportFormat.count(value))</td>")
        }
        html.raw("<td>")
        html.text(cohort.algorithm)
        html.raw("<br><span class=\"tag\">\(cohort.checkerPassed ? "passed" : "FAILED")</span> ")
        html.text(cohort.checkerResult)
        html.raw("</td></tr>\n")
      }
      html.raw("</tbody>\n</table>\n")
    }
    if !downloads.isEmpty {
      html.raw("<h2 id=\"files\">Files</h2>\n<ul>\n")
      for file in downloads.sorted() {
        html.raw("<li><a href=\"")
        html.text(file)
        html.raw("\">")
        html.text(file)
        html.raw("</a></li>\n")
      }
      html.raw("</ul>\n")
    }
    if !inputs.isEmpty {
      html.raw("<h2 id=\"inputs\">Inputs</h2>\n<table>\n<caption>Input files and their SHA-256, as the manifest records them</caption>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n")
      for file in inputs.sorted(by: { $0.path != $1.path ? $0.path < $1.path : $0.sha256 < $1.sha256 }) {
        html.raw("<tr><td>")
        html.text(file.path)
        html.raw("</td><td><code>")
        html.text(file.sha256)
        html.raw("</code></td></tr>\n")
      }
      html.raw("</tbody>\n</table>\n")
    }
    html.raw("</main>\n<footer><div class=\"wrap\">Made by mentormatch ")
    html.text(toolVersion)
    html.raw(". The reports hold personal data: keep them within the programme team.</div></footer>\n</body>\n</html>\n")
    return html.bytes
  }
}
