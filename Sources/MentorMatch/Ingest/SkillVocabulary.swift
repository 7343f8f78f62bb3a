/// The skills a synthetic export draws from: concepts, each with the ways
/// people write it (preferred label first, then alternative and hidden labels
/// such as abbreviations and common misspellings).
public struct SkillVocabulary: Sendable, Equatable {
  /// Label lists, one per concept, in a fixed order; the first label is the preferred one.
  public var concepts: [[String]]

  public init(concepts: [[String]]) {
    self.concepts = concepts.filter { !$0.isEmpty }
  }

  /// Reads a taxonomy folder's `concepts.csv` (`id`, `pref_label`, `status`, …)
  /// and `labels.csv` (`concept_id`, `label`, `kind`) with ``CSVReader``.
  /// Deprecated concepts are left out; concepts keep the file's order.
  public static func load(taxonomyDirectory directory: String) throws(CSVError) -> SkillVocabulary {
    var order: [String] = []
    var labels: [String: [String]] = [:]
    try readTable(directory + "/concepts.csv", columns: ["id", "pref_label"], optional: ["status"]) { values in
      guard !values[0].isEmpty, !values[1].isEmpty, values[2] != "deprecated", labels[values[0]] == nil else { return }
      order.append(values[0])
      labels[values[0]] = [values[1]]
    }
    try readTable(directory + "/labels.csv", columns: ["concept_id", "label"], optional: []) { values in
      guard !values[1].isEmpty, labels[values[0]] != nil, labels[values[0]]?.contains(values[1]) == false else { return }
      labels[values[0]]?.append(values[1])
    }
    return SkillVocabulary(concepts: order.compactMap { labels[$0] })
  }

  /// Reads the named columns of a CSV file with a header; missing optional
  /// columns read as "".
  private static func readTable(
    _ path: String, columns: [String], optional: [String], row: ([String]) -> Void
  ) throws(CSVError) {
    let reader = try CSVReader(path: path)
    var positions: [Int?]?
    do {
    try reader.forEachRow { item in
      guard case .record(let record) = item else { return }
      guard let known = positions else {
        let header = record.fields.map { $0.lowercased() }
        var found: [Int?] = []
        for name in columns + optional {
          let position = header.firstIndex(of: name)
          if position == nil, columns.contains(name) {
            throw CSVError(file: path, line: record.line, kind: .readFailed(reason: "missing column '\(name)'"))
          }
          found.append(position)
        }
        positions = found
        return
      }
      row(known.map { position in
        guard let position, position < record.fields.count else { return "" }
        return record.fields[position]
      })
    }
    } catch let error as CSVError {
      throw error
    } catch {
      throw CSVError(file: path, kind: .readFailed(reason: "\(error)"))
    }
  }

  /// A small built-in list for when no taxonomy folder is given.
  public static let builtIn = SkillVocabulary(concepts: [
    ["Stakeholder management", "stakeholder engagement", "managing stakeholders", "stakeholder engagment"],
    ["Project management", "proj mgmt", "PM", "project managment"],
    ["Policy development", "policy making", "policymaking", "policy developement"],
    ["Data analysis", "analysing data", "data analytics", "data anaysis"],
    ["Leadership", "leading teams", "team leadership", "leadreship"],
    ["Line management", "managing people", "people management", "line managment"],
    ["Ministerial briefing", "briefing ministers", "ministerial submissions"],
    ["Agile delivery", "agile", "scrum", "agile ways of working"],
    ["Python", "python programming", "pyton"],
    ["SQL", "sql queries", "structured query language"],
    ["Data visualisation", "data visualization", "dataviz", "charts"],
    ["Microsoft Excel", "excel", "excell", "spreadsheets"],
    ["Business case writing", "business cases", "Green Book", "five case model"],
    ["Coaching", "coaching others", "coachng"],
    ["Career development", "career progression", "career planning"],
    ["Public speaking", "presenting", "presentations", "public speeking"],
    ["Negotiation", "negotiating", "negociation"],
    ["Risk management", "managing risk", "risk managment"],
    ["Procurement", "buying", "procurment"],
    ["Contract management", "managing contracts", "contract mgmt"],
    ["Budget management", "budgeting", "financial management"],
    ["User research", "UR", "user reserach"],
    ["Service design", "designing services", "service desgin"],
    ["Change management", "managing change", "change managment"],
    ["Communicating and influencing", "influencing", "communication skills"],
    ["Parliamentary questions", "PQs", "parliamentary business"],
    ["Drafting submissions", "submission writing", "drafting"],
    ["Economic appraisal", "cost benefit analysis", "CBA", "economic apprasial"],
    ["Statistics", "statistical analysis", "stats"],
    ["Machine learning", "ML", "machine lerning"],
    ["Cloud computing", "AWS", "cloud (aws)", "azure"],
    ["Welsh language", "Cymraeg", "welsh"],
    ["Interview skills", "success profiles interviews", "interviewing"],
    ["Resilience", "wellbeing", "resillience"],
    ["Time management", "prioritisation", "managing workload"],
    ["Writing for ministers", "ministerial writing", "writing"],
    ["Delivering at pace", "pace", "delivery"],
    ["Seeing the big picture", "big picture", "strategic thinking"],
    ["Making effective decisions", "decision making", "decision-making"],
    ["Working together", "collaboration", "teamwork"],
  ])
}
