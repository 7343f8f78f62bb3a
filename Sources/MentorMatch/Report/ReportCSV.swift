/// The run's `matches.csv` and `unmatched.csv`: every pair and every waiting
/// person of every cohort, written by ``CSVWriter`` in `.formulaSafe` mode
/// (RFC 4180, <https://www.rfc-editor.org/rfc/rfc4180>) for people who open
/// them in a spreadsheet. Pure functions returning bytes.
public enum ReportCSV {
  /// The header of `matches.csv`; every column says whose field it is.
  public static let matchesHeader = ["cohort"]
    + personColumns.map { "mentee_\($0)" } + personColumns.map { "mentor_\($0)" } + ["score", "explanation"]

  /// The header of `unmatched.csv`.
  public static let unmatchedHeader = [
    "cohort", "id", "given_name", "family_name", "email", "role", "grade", "department", "profession", "reason_code", "reason",
  ]

  private static let personColumns = ["id", "given_name", "family_name", "email", "grade", "department", "profession"]

  /// One row per new pair: cohorts by name, pairs by mentee id then mentor id;
  /// the explanation lines joined with `"; "` in one cell.
  public static func matches(_ reports: [CohortReport]) -> [UInt8] {
    var writer = CSVWriter(mode: .formulaSafe)
    // A row is a few hundred bytes, most of them the explanation.
    writer.reserveCapacity(reports.reduce(1024) { $0 + $1.pairs.count * 320 })
    writer.write(matchesHeader)
    for report in sortedByCohort(reports) {
      for pair in report.pairs.ordered(by: ReportPair.precedes) {
        let (mentee, mentor) = (pair.mentee, pair.mentor)
        writer.write(cleaned([
          report.cohort,
          mentee.id, mentee.givenName, mentee.familyName, mentee.email, mentee.grade, mentee.department, mentee.profession,
          mentor.id, mentor.givenName, mentor.familyName, mentor.email, mentor.grade, mentor.department, mentor.profession,
          String(pair.score), pair.explanation.joined(separator: "; "),
        ]))
      }
    }
    return writer.bytes
  }

  /// One row per waiting person: cohorts by name, then mentees first, by reason code, then id.
  public static func unmatched(_ reports: [CohortReport]) -> [UInt8] {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write(unmatchedHeader)
    for report in sortedByCohort(reports) {
      for entry in report.waiting.ordered(by: WaitingPerson.precedes) {
        let person = entry.person
        writer.write(cleaned([
          report.cohort, person.id, person.givenName, person.familyName, person.email, entry.role.rawValue,
          person.grade, person.department, person.profession, entry.reasonCode, entry.reason,
        ]))
      }
    }
    return writer.bytes
  }

  /// Cells with control characters other than tab, CR and LF replaced by
  /// U+FFFD, as in the HTML: a NUL or an escape byte makes a CSV unreadable
  /// for many programs, this project's own reader included.
  static func cleaned(_ cells: [String]) -> [String] {
    func hasControl(_ cell: String) -> Bool {
      let span = cell.utf8.span
      for index in span.indices {
        let byte = span[index]
        if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
      }
      return false
    }
    guard cells.contains(where: hasControl) else { return cells }
    return cells.map { cell in
      guard hasControl(cell) else { return cell }
      return String(String.UnicodeScalarView(cell.unicodeScalars.map { scalar in
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D) || scalar.value == 0x7F ? "\u{FFFD}" : scalar
      }))
    }
  }

  private static func sortedByCohort(_ reports: [CohortReport]) -> [CohortReport] {
    reports.sorted { $0.cohort != $1.cohort ? $0.cohort < $1.cohort : $0.runID < $1.runID }
  }
}
