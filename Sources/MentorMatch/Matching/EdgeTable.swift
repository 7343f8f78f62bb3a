/// The raw rows of an edge list: ids interned in first-seen order, edges on
/// those provisional indices, and each edge's line for messages.
struct EdgeTable {
  var menteeIds: [String] = []
  var mentorIds: [String] = []
  var edges: [MatchingProblem.Edge] = []
  var lines: [Int] = []

  static let columnNames = ["mentee", "mentor", "mentee_score", "mentor_score"]

  static func read(_ reader: CSVReader) throws -> EdgeTable {
    var table = EdgeTable()
    var problems = RowProblems()
    var menteeIndex: [String: Int] = [:]
    var mentorIndex: [String: Int] = [:]
    var columns: [Int]?
    var width = 0
    try reader.forEachRow { row in
      switch row {
      case .malformed(let bad):
        problems.add("\(reader.name):\(bad.line): \(bad.problem.message(invalidUTF8Advice: CSVRecordProblem.convertAdvice("solve reads")))")
      case .record(let record) where record.number == 0:
        let names = record.fields.map { $0.lowercased() }
        var found: [Int] = []
        for name in columnNames {
          guard let index = names.firstIndex(of: name) else {
            problems.add("\(reader.name):\(record.line): missing column '\(name)' (expected header '\(columnNames.joined(separator: ","))')")
            return
          }
          found.append(index)
        }
        columns = found
        width = (found.max() ?? 0) + 1
      case .record(let record):
        guard let columns else { return }
        let line = record.line
        let place = { "\(reader.name):\(line)" }
        let fields = record.fields
        guard fields.count >= width else {
          return problems.add("\(place()): expected \(width) fields, found \(fields.count)")
        }
        let mentee = fields[columns[0]]
        let mentor = fields[columns[1]]
        guard !mentee.isEmpty else { return problems.add("\(place()): empty mentee id") }
        guard !mentor.isEmpty else { return problems.add("\(place()): empty mentor id") }
        guard let menteeScore = score(fields[columns[2]], column: 2, place: place, problems: &problems),
          let mentorScore = score(fields[columns[3]], column: 3, place: place, problems: &problems)
        else { return }
        let i = intern(mentee, in: &menteeIndex, ids: &table.menteeIds)
        let j = intern(mentor, in: &mentorIndex, ids: &table.mentorIds)
        table.edges.append(.init(mentee: i, mentor: j, menteeScore: menteeScore, mentorScore: mentorScore))
        table.lines.append(record.line)
      }
    }
    if columns == nil && problems.total == 0 {
      problems.add("\(reader.name):1: empty file (expected header '\(columnNames.joined(separator: ","))')")
    }
    try problems.throwIfAny()
    return table
  }

  private static func score(_ text: String, column: Int, place: () -> String, problems: inout RowProblems) -> Int? {
    guard let score = Int(text) else {
      problems.add("\(place()): \(columnNames[column]) '\(text)' is not an integer")
      return nil
    }
    guard MatchingProblem.scoreRange.contains(score) else {
      problems.add("\(place()): \(columnNames[column]) \(score) is outside ±\(MatchingProblem.scoreLimit)")
      return nil
    }
    return score
  }

  // Static, so that appending to `ids` (a field of the table being built)
  // never makes the array look shared and copy itself.
  private static func intern(_ id: String, in index: inout [String: Int], ids: inout [String]) -> Int {
    if let known = index[id] { return known }
    index[id] = ids.count
    ids.append(id)
    return ids.count - 1
  }
}
