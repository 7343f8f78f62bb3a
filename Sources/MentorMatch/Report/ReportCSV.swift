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
    var explanation: [UInt8] = []
    var mentee: [UInt8] = []
    for report in sortedByCohort(reports) {
      let pairs = ReportPair.ordered(report.pairs)
      var cohort = CSVWriter(mode: .formulaSafe)
      writeCleaned(report.cohort, first: true, into: &cohort)
      for index in pairs.indices {
        // Cell by cell, with no array of Strings per row.
        writer.writeRendered(cohort.bytes)
        // Pairs come in runs of one mentee (by mentee id): their cells are
        // rendered once per run and repeated. Field by field, as passing a
        // whole person copies its nine Strings.
        if index == pairs.startIndex || pairs[index].mentee != pairs[index - 1].mentee {
          var cells = CSVWriter(mode: .formulaSafe)
          writeCleaned(pairs[index].mentee.id, into: &cells)
          writeCleaned(pairs[index].mentee.givenName, into: &cells)
          writeCleaned(pairs[index].mentee.familyName, into: &cells)
          writeCleaned(pairs[index].mentee.email, into: &cells)
          writeCleaned(pairs[index].mentee.grade, into: &cells)
          writeCleaned(pairs[index].mentee.department, into: &cells)
          writeCleaned(pairs[index].mentee.profession, into: &cells)
          mentee = cells.bytes
        }
        writer.writeRendered(mentee)
        writeCleaned(pairs[index].mentor.id, into: &writer)
        writeCleaned(pairs[index].mentor.givenName, into: &writer)
        writeCleaned(pairs[index].mentor.familyName, into: &writer)
        writeCleaned(pairs[index].mentor.email, into: &writer)
        writeCleaned(pairs[index].mentor.grade, into: &writer)
        writeCleaned(pairs[index].mentor.department, into: &writer)
        writeCleaned(pairs[index].mentor.profession, into: &writer)
        writer.writeCell(String(pairs[index].score))
        joinedCleaned(pairs[index].explanation, into: &explanation)
        writer.writeCell(utf8: explanation)
        writer.endRecord()
      }
    }
    return writer.bytes
  }

  /// One cell as ``cleaned(_:)`` leaves it.
  private static func writeCleaned(_ cell: String, first: Bool = false, into writer: inout CSVWriter) {
    writer.writeCell(hasControl(cell) ? cleaned([cell])[0] : cell, first: first)
  }

  /// `lines` joined with `"; "` as UTF-8, with the control characters
  /// ``cleaned(_:)`` replaces replaced: each is one byte in UTF-8 and never
  /// part of a longer sequence, so bytes give the same result as scalars.
  static func joinedCleaned(_ lines: [String], into bytes: inout [UInt8]) {
    bytes.removeAll(keepingCapacity: true)
    for (index, line) in lines.enumerated() {
      if index > 0 { bytes.append(contentsOf: "; ".utf8) }
      if hasControl(line) {
        for byte in line.utf8 {
          if isControl(byte) { bytes.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { bytes.append(byte) }
        }
      } else {
        bytes.append(contentsOf: line.utf8)
      }
    }
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
    guard cells.contains(where: hasControl) else { return cells }
    return cells.map { cell in
      guard hasControl(cell) else { return cell }
      return String(String.UnicodeScalarView(cell.unicodeScalars.map { scalar in
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D) || scalar.value == 0x7F ? "\u{FFFD}" : scalar
      }))
    }
  }

  private static func hasControl(_ cell: String) -> Bool {
    let span = cell.utf8.span
    for index in span.indices where isControl(span[index]) { return true }
    return false
  }

  private static func isControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
  }

  private static func sortedByCohort(_ reports: [CohortReport]) -> [CohortReport] {
    reports.sorted { $0.cohort != $1.cohort ? $0.cohort < $1.cohort : $0.runID < $1.runID }
  }
}
