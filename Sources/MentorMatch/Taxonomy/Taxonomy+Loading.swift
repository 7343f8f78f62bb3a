import Foundation

extension Taxonomy {
  /// Reads a taxonomy folder:
  /// - `concepts.csv` (required): `id`, `pref_label`, `broader` (parent ids
  ///   separated by `|`), `scheme`, `status` (`active` | `deprecated`, empty
  ///   means active), `replaced_by`. Other columns are ignored.
  /// - `labels.csv` (optional): `concept_id`, `label`, `kind` (`alt` | `hidden`).
  /// - `attribution.txt` (optional): kept as ``attribution``.
  ///
  /// Files are read with ``CSVReader``; every problem is collected before failing.
  ///
  /// - Throws: ``TaxonomyError`` (`.missing` when the folder or `concepts.csv`
  ///   cannot be opened, `.invalid` for every other problem).
  public static func load(directory: String) throws(TaxonomyError) -> Taxonomy {
    try load(directory: directory, files: nil)
  }

  /// ``load(directory:)`` from the folder's files as read already (file
  /// name → bytes), so that a run places skills with the very bytes its run
  /// folder keeps; a file not among them is read from the folder.
  public static func load(directory: String, files: [String: [UInt8]]?) throws(TaxonomyError) -> Taxonomy {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw TaxonomyError(kind: .missing, problems: [.init(file: directory, message: "taxonomy folder not found")])
    }
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let conceptsPath = base + "/concepts.csv"
    let labelsPath = base + "/labels.csv"
    var problems: [TaxonomyProblem] = []
    var concepts = try readTable(conceptsPath, bytes: files?["concepts.csv"], required: ["id", "pref_label"], optional: ["broader", "scheme", "status", "replaced_by"], problems: &problems)
      .compactMap { row in concept(from: row, file: conceptsPath, problems: &problems) }
    let labelsBytes = files?["labels.csv"]
    if labelsBytes != nil || FileManager.default.fileExists(atPath: labelsPath) && files == nil {
      var positions: [String: Int] = [:]
      for (position, concept) in concepts.enumerated() where positions[concept.id] == nil {
        positions[concept.id] = position
      }
      for row in try readTable(labelsPath, bytes: labelsBytes, required: ["concept_id", "label"], optional: ["kind"], problems: &problems) {
        let id = row["concept_id"], text = row["label"], kindText = row["kind"]
        let kind: SkillLabelKind
        switch kindText {
        case "alt", "": kind = .alt
        case "hidden": kind = .hidden
        default:
          problems.append(.init(file: labelsPath, line: row.line, message: "unknown label kind '\(kindText)' (known: alt, hidden)"))
          continue
        }
        guard let position = positions[id] else {
          problems.append(.init(file: labelsPath, line: row.line, message: "label '\(text)' names unknown concept '\(id)'"))
          continue
        }
        concepts[position].labels.append(SkillLabel(text: text, kind: kind, file: labelsPath, line: row.line))
      }
    }
    let attributionPath = base + "/attribution.txt"
    let attributionBytes = files.map { $0["attribution.txt"] } ?? FileManager.default.contents(atPath: attributionPath).map(Array.init)
    let attribution = attributionBytes.map { String(decoding: $0, as: UTF8.self) }
    if problems.isEmpty { return try Taxonomy(concepts: concepts, attribution: attribution) }
    problems += checkProblems(concepts)
    do {
      throw TaxonomyError(kind: .invalid, problems: problems.sorted { a, b in
        a.file != b.file ? utf8Less(a.file, b.file) : (a.line ?? 0) < (b.line ?? 0)
      })
    }
  }

  private static func concept(from row: TableRow, file: String, problems: inout [TaxonomyProblem]) -> SkillConcept? {
    let status: SkillConceptStatus
    switch row["status"] {
    case "active", "": status = .active
    case "deprecated": status = .deprecated
    default:
      problems.append(.init(file: file, line: row.line, message: "unknown status '\(row["status"])' (known: active, deprecated)"))
      return nil
    }
    let broader = row["broader"].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let replacement = row["replaced_by"]
    return SkillConcept(
      id: row["id"], prefLabel: row["pref_label"], broader: broader,
      scheme: row["scheme"].isEmpty ? "skill" : row["scheme"], status: status,
      replacedBy: replacement.isEmpty ? nil : replacement, labels: [], file: file, line: row.line
    )
  }

  /// One data row of a taxonomy table, its cells found by column name.
  struct TableRow {
    var cells: [String: String]
    var line: Int
    subscript(_ column: String) -> String { cells[column] ?? "" }
  }

  /// What to do about a taxonomy file that is not UTF-8.
  /// `encoding` is iconv's name for what the file probably is.
  static func utf8Advice(from encoding: String) -> String {
    CSVRecordProblem.convertAdvice("taxonomy files are", from: encoding)
  }

  /// Reads a CSV table whose header must name `required` columns.
  ///
  /// - Parameters:
  ///   - bytes: the file as read already; nil to read `path`.
  ///   - utf8Advice: what to do about a file or field that is not UTF-8,
  ///     which depends on where the file came from; given iconv's name for
  ///     what the file probably is (`windows-1252`, `utf-16`).
  static func readTable(
    _ path: String, bytes: [UInt8]? = nil, required: [String], optional: [String], utf8Advice: (String) -> String = utf8Advice(from:),
    problems: inout [TaxonomyProblem]
  ) throws(TaxonomyError) -> [TableRow] {
    let reader: CSVReader
    do {
      if let bytes { reader = CSVReader(bytes: bytes, name: path) } else { reader = try CSVReader(path: path) }
    } catch {
      throw TaxonomyError(kind: .missing, problems: [.init(file: path, message: error.problem)])
    }
    var columns: [String: Int] = [:]
    var rows: [TableRow] = []
    var sawHeader = false
    var failed = false
    var stopped = false
    var collected: [TaxonomyProblem] = []
    do {
      try reader.forEachRow { row in
        switch row {
        case .malformed(let bad):
          collected.append(.init(file: path, line: bad.line, message: bad.problem.message(invalidUTF8Advice: utf8Advice("windows-1252"))))
          if !sawHeader { sawHeader = true; failed = true }
        case .record(let record) where !sawHeader:
          sawHeader = true
          for (offset, name) in record.fields.enumerated() where columns[name] == nil {
            columns[name.lowercased()] = offset
          }
          let missing = required.filter { columns[$0] == nil }
          if !missing.isEmpty {
            collected.append(.init(file: path, line: record.line, message: "missing column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", ")) (header: \(record.fields.map { "'\($0)'" }.joined(separator: ", ")))"))
            failed = true
          }
        case .record(let record):
          guard !failed else { return }
          var cells: [String: String] = [:]
          for name in required + optional {
            if let column = columns[name], column < record.fields.count { cells[name] = record.fields[column] }
          }
          for name in required where (cells[name] ?? "").isEmpty {
            collected.append(.init(file: path, line: record.line, message: "empty '\(name)'"))
          }
          if required.allSatisfy({ !(cells[$0] ?? "").isEmpty }) {
            rows.append(TableRow(cells: cells, line: record.line))
          }
        }
      }
    } catch let error as CSVError {
      stopped = true
      if case .wrongEncoding(let found) = error.kind {
        collected.append(.init(file: path, line: error.line, message: "the file is \(found), not UTF-8; \(utf8Advice(found.lowercased()))"))
      } else {
        collected.append(.init(file: path, line: error.line, message: "\(error)".replacingOccurrences(of: "\(path)\(error.line.map { ":\($0)" } ?? ""): ", with: "")))
      }
    } catch {
      stopped = true
      collected.append(.init(file: path, message: "\(error)"))
    }
    // A read that stopped early (a UTF-16 file, say) says why; the file is not empty.
    if !sawHeader, !stopped { collected.append(.init(file: path, line: 1, message: "empty file (expected a header)")) }
    problems += collected
    return rows
  }
}
