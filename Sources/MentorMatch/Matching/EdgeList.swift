/// A matching problem read from the plain files `mentormatch solve` takes:
/// an edge list (`mentee,mentor,mentee_score,mentor_score`) and optional
/// capacities (`id,capacity`; anyone not listed has capacity 1).
///
/// Ids are numbered in byte order of their UTF-8 text on each side, so index
/// order is id order and every tie in the solvers goes to the smaller id.
public struct EdgeList: Sendable {
  /// Mentee ids; a mentee's index is its position.
  public let menteeIds: [String]
  /// Mentor ids; a mentor's index is its position.
  public let mentorIds: [String]
  public let problem: MatchingProblem

  /// How many row problems are quoted before the rest are only counted.
  static let quotedProblems = 20

  /// Reads an edge list and, if given, a capacity file.
  ///
  /// - Throws: ``CSVError`` when a file cannot be read, and
  ///   ``MatchingError/badRows(messages:total:)`` naming `file:line` for a
  ///   missing column, a non-integer score, a duplicate pair or a bad capacity.
  public static func read(edges: CSVReader, capacities: CSVReader? = nil) throws -> EdgeList {
    var table = try EdgeTable.read(edges)
    var capacityById: [String: Int] = [:]
    if let capacities {
      capacityById = try readCapacities(capacities)
    }
    // Renumber both sides in id order.
    let menteeOrder = table.menteeIds.indices.sorted { byteOrder(table.menteeIds[$0], table.menteeIds[$1]) }
    let mentorOrder = table.mentorIds.indices.sorted { byteOrder(table.mentorIds[$0], table.mentorIds[$1]) }
    var menteeRank = [Int](repeating: 0, count: menteeOrder.count)
    for (rank, old) in menteeOrder.enumerated() { menteeRank[old] = rank }
    var mentorRank = [Int](repeating: 0, count: mentorOrder.count)
    for (rank, old) in mentorOrder.enumerated() { mentorRank[old] = rank }
    let menteeIds = menteeOrder.map { table.menteeIds[$0] }
    let mentorIds = mentorOrder.map { table.mentorIds[$0] }
    for index in table.edges.indices {
      table.edges[index].mentee = menteeRank[table.edges[index].mentee]
      table.edges[index].mentor = mentorRank[table.edges[index].mentor]
    }
    let problem: MatchingProblem
    do {
      problem = try MatchingProblem(
        menteeCapacities: menteeIds.map { capacityById[$0] ?? 1 },
        mentorCapacities: mentorIds.map { capacityById[$0] ?? 1 },
        edges: table.edges)
    } catch {
      guard case .duplicateEdge(let mentee, let mentor) = error else { throw error }
      let lines = table.edges.indices
        .filter { table.edges[$0].mentee == mentee && table.edges[$0].mentor == mentor }
        .map { table.lines[$0] }
      let message = "\(edges.name):\(lines.last ?? 0): duplicate pair ('\(menteeIds[mentee])', "
        + "'\(mentorIds[mentor])'), first on line \(lines.first ?? 0)"
      throw MatchingError.badRows(messages: [message], total: 1)
    }
    return EdgeList(menteeIds: menteeIds, mentorIds: mentorIds, problem: problem)
  }

  /// Orders ids by the bytes of their UTF-8 text: the same on every platform.
  static func byteOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// The `mentee,mentor` CSV for a matching, one row per pair, sorted by ids.
  public func matchesCSV(_ matching: Matching) -> [UInt8] {
    var writer = CSVWriter(mode: .plain)
    writer.write(["mentee", "mentor"])
    for pair in matching.pairs(in: problem) {
      writer.write([menteeIds[pair.mentee], mentorIds[pair.mentor]])
    }
    return writer.bytes
  }

  private static func readCapacities(_ reader: CSVReader) throws -> [String: Int] {
    var problems = RowProblems()
    var columns: (id: Int, capacity: Int)?
    var result: [String: Int] = [:]
    var firstLine: [String: Int] = [:]
    try reader.forEachRow { row in
      switch row {
      case .malformed(let bad):
        problems.add("\(reader.name):\(bad.line): \(bad.problem.message(invalidUTF8Advice: CSVRecordProblem.convertAdvice("solve reads")))")
      case .record(let record) where record.number == 0:
        let names = record.fields.map { $0.lowercased() }
        guard let id = names.firstIndex(of: "id"), let capacity = names.firstIndex(of: "capacity") else {
          problems.add("\(reader.name):\(record.line): missing column '\(names.contains("id") ? "capacity" : "id")' (expected header 'id,capacity')")
          return
        }
        columns = (id, capacity)
      case .record(let record):
        guard let columns else { return }
        let place = "\(reader.name):\(record.line)"
        guard record.fields.count > max(columns.id, columns.capacity) else {
          problems.add("\(place): expected \(max(columns.id, columns.capacity) + 1) fields, found \(record.fields.count)")
          return
        }
        let id = record.fields[columns.id]
        let text = record.fields[columns.capacity]
        guard !id.isEmpty else { return problems.add("\(place): empty id") }
        guard let capacity = Int(text), capacity >= 0 else {
          return problems.add("\(place): capacity '\(text)' is not a whole number of 0 or more")
        }
        if let first = firstLine[id] {
          return problems.add("\(place): id '\(id)' already has a capacity on line \(first)")
        }
        firstLine[id] = record.line
        result[id] = capacity
      }
    }
    if columns == nil && problems.total == 0 { problems.add("\(reader.name):1: empty file (expected header 'id,capacity')") }
    try problems.throwIfAny()
    return result
  }
}

/// Row problems collected while reading, so one run reports many at once.
struct RowProblems {
  var messages: [String] = []
  var total = 0

  mutating func add(_ message: String) {
    total += 1
    if messages.count < EdgeList.quotedProblems { messages.append(message) }
  }

  func throwIfAny() throws(MatchingError) {
    if total > 0 { throw .badRows(messages: messages, total: total) }
  }
}

extension EdgeList {
  /// `problem` as the two files ``read(edges:capacities:)`` takes back:
  /// mentees named `e` and mentors `r`, each followed by its index in as
  /// many digits as the larger side needs, so that id order is index order
  /// and the problem read back is `problem` (less anyone with no edge, who
  /// cannot be matched); capacities listed for whoever's is not 1. Indices
  /// and scores only: no person's id or name.
  public static func files(of problem: MatchingProblem) -> (edges: [UInt8], capacities: [UInt8]) {
    let width = String(max(problem.menteeCount, problem.mentorCount, 1) - 1).utf8.count
    func appendID(_ side: UInt8, _ index: Int, to bytes: inout [UInt8]) {
      bytes.append(side)
      let digits = Array(String(index).utf8)
      bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
      bytes.append(contentsOf: digits)
    }
    let (mentee, mentor) = (UInt8(ascii: "e"), UInt8(ascii: "r"))
    var edges = Array("\(EdgeTable.columnNames.joined(separator: ","))\n".utf8)
    edges.reserveCapacity(problem.edges.count * (2 * width + 12))
    for edge in problem.edges {
      appendID(mentee, edge.mentee, to: &edges)
      edges.append(UInt8(ascii: ","))
      appendID(mentor, edge.mentor, to: &edges)
      edges.append(contentsOf: ",\(edge.menteeScore),\(edge.mentorScore)\n".utf8)
    }
    var capacities = Array("id,capacity\n".utf8)
    for (side, list) in [(mentee, problem.menteeCapacities), (mentor, problem.mentorCapacities)] {
      for (index, capacity) in list.enumerated() where capacity != 1 {
        appendID(side, index, to: &capacities)
        capacities.append(contentsOf: ",\(capacity)\n".utf8)
      }
    }
    return (edges, capacities)
  }
}
