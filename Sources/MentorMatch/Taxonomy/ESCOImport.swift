import Foundation

/// Converts an ESCO download (<https://esco.ec.europa.eu/en/use-esco/download>,
/// CSV format, English) into this project's taxonomy files.
///
/// Reads `skills_en.csv` (columns `conceptUri`, `preferredLabel`, `altLabels`,
/// `hiddenLabels`, `status`, `skillType`; the label cells hold several labels
/// separated by line breaks), `broaderRelationsSkillPillar_en.csv` (columns
/// `conceptUri`, `broaderUri`) and, when given, `skillGroups_en.csv` (the
/// groups most skills hang under). Columns are found by name, so ESCO's other
/// columns and their order do not matter.
///
/// - Ids: the URI after `http://data.europa.eu/esco/`, with `skill/` dropped and
///   `/` replaced by `:`, behind `esco:` (`esco:0005c151-5b5a-4a66-8aac-60e734beb1ab`,
///   `esco:isced-f:0613`).
/// - Only `released` concepts are kept; a relation naming a concept that is not
///   kept is dropped.
/// - Schemes: `knowledge` or `skill` from `skillType`; `skill-group` for groups.
/// - Labels that would break the taxonomy's one-concept-per-folded-label rule are
///   dropped from every concept but the first (by id) to claim them; a
///   preferred label that clashes gets its scheme, then its id, appended.
public enum ESCOImport {
  /// The converted files and what was dropped.
  public struct Result: Sendable {
    public var conceptsCSV: [UInt8]
    public var labelsCSV: [UInt8]
    public var attribution: String
    public var conceptCount: Int
    public var labelCount: Int
    public var skippedConcepts: Int
    public var droppedLabels: Int
    public var droppedRelations: Int
    /// The concepts as a taxonomy would read them, for checking.
    public var concepts: [SkillConcept]
  }

  /// ESCO's attribution wording, written to `attribution.txt`.
  public static let attribution = """
    This taxonomy was converted from ESCO, the European Skills, Competences,
    Qualifications and Occupations classification (https://esco.ec.europa.eu/).
    This service uses the ESCO classification of the European Commission.
    """

  /// What to do about a file that is not UTF-8: ESCO publishes UTF-8, so the
  /// file was damaged or re-saved on the way. The command has no encoding option.
  /// `encoding` is iconv's name for what the file probably is.
  static func utf8Advice(from encoding: String) -> String {
    "ESCO's CSV downloads are UTF-8: download this file again, or convert it with iconv -f \(encoding) -t utf-8"
  }

  /// Converts the files at these paths.
  public static func convert(skills: String, broader: String, groups: String? = nil) throws(TaxonomyError) -> Result {
    var problems: [TaxonomyProblem] = []
    var rows = try Taxonomy.readTable(skills, required: ["concepturi", "preferredlabel"], optional: ["altlabels", "hiddenlabels", "status", "skilltype"], utf8Advice: utf8Advice(from:), problems: &problems)
      .map { (row: $0, scheme: $0["skilltype"] == "knowledge" ? "knowledge" : "skill") }
    if let groups {
      rows += try Taxonomy.readTable(groups, required: ["concepturi", "preferredlabel"], optional: ["altlabels", "hiddenlabels", "status"], utf8Advice: utf8Advice(from:), problems: &problems)
        .map { (row: $0, scheme: "skill-group") }
    }
    let relations = try Taxonomy.readTable(broader, required: ["concepturi", "broaderuri"], optional: [], utf8Advice: utf8Advice(from:), problems: &problems)
    guard problems.isEmpty else { throw TaxonomyError(kind: .invalid, problems: problems) }

    var skipped = 0
    var byID: [String: (labels: [String: [String]], pref: String, scheme: String)] = [:]
    for (row, scheme) in rows {
      let status = row["status"]
      guard status.isEmpty || status == "released" else { skipped += 1; continue }
      let id = self.id(row["concepturi"])
      guard byID[id] == nil else { continue }
      func list(_ column: String) -> [String] {
        row[column].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      }
      byID[id] = (["alt": list("altlabels"), "hidden": list("hiddenlabels")], row["preferredlabel"], scheme)
    }
    var parents: [String: [String]] = [:]
    var droppedRelations = 0
    for relation in relations {
      let child = id(relation["concepturi"]), parent = id(relation["broaderuri"])
      guard byID[child] != nil, byID[parent] != nil, child != parent else { droppedRelations += 1; continue }
      if !(parents[child] ?? []).contains(parent) { parents[child, default: []].append(parent) }
    }

    let ids = byID.keys.sorted(by: utf8Less)
    var owner: [String: String] = [:]
    var prefLabels: [String: String] = [:]
    for id in ids {
      guard let entry = byID[id] else { continue }
      var label = entry.pref
      for attempt in [label, "\(label) (\(entry.scheme))", "\(label) (\(id))"] {
        label = attempt
        if owner[SkillFolding.fold(attempt)] == nil { break }
      }
      owner[SkillFolding.fold(label)] = id
      prefLabels[id] = label
    }
    var droppedLabels = 0
    var concepts: [SkillConcept] = []
    var conceptsCSV = CSVWriter(mode: .plain)
    var labelsCSV = CSVWriter(mode: .plain)
    conceptsCSV.write(["id", "pref_label", "broader", "scheme", "status", "replaced_by"])
    labelsCSV.write(["concept_id", "label", "kind"])
    var labelLine = 1
    for (line, id) in ids.enumerated() {
      guard let entry = byID[id], let pref = prefLabels[id] else { continue }
      let broader = (parents[id] ?? []).sorted(by: utf8Less)
      var concept = SkillConcept(id: id, prefLabel: pref, broader: broader, scheme: entry.scheme, file: "concepts.csv", line: line + 2)
      conceptsCSV.write([id, pref, broader.joined(separator: "|"), entry.scheme, "active", ""])
      for kind in ["alt", "hidden"] {
        for text in entry.labels[kind] ?? [] {
          let folded = SkillFolding.fold(text)
          guard !folded.isEmpty else { droppedLabels += 1; continue }
          if let claimed = owner[folded] {
            if claimed != id { droppedLabels += 1 }
            continue
          }
          owner[folded] = id
          labelLine += 1
          labelsCSV.write([id, text, kind])
          concept.labels.append(SkillLabel(text: text, kind: kind == "alt" ? .alt : .hidden, file: "labels.csv", line: labelLine))
        }
      }
      concepts.append(concept)
    }
    return Result(
      conceptsCSV: conceptsCSV.bytes, labelsCSV: labelsCSV.bytes, attribution: attribution + "\n",
      conceptCount: concepts.count, labelCount: labelLine - 1, skippedConcepts: skipped,
      droppedLabels: droppedLabels, droppedRelations: droppedRelations, concepts: concepts
    )
  }

  /// The project id for an ESCO URI.
  public static func id(_ uri: String) -> String {
    var rest = Substring(uri)
    for prefix in ["http://data.europa.eu/esco/", "https://data.europa.eu/esco/"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
    }
    if rest.hasPrefix("skill/") { rest = rest.dropFirst("skill/".count) }
    return "esco:" + rest.replacingOccurrences(of: "/", with: ":").replacingOccurrences(of: " ", with: "-")
  }
}
