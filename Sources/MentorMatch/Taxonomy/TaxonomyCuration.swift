import Foundation

/// A curator's decisions, written into a run's `skills-curation.csv`, turned
/// into labels of the taxonomy: `mentormatch taxonomy curate`.
///
/// The curator fills, per unplaced term, `curator_decision`:
/// - blank: not decided yet, skipped;
/// - `label`: the term becomes a label of `curator_concept_id`;
/// - `candidate-1`, `candidate-2`, `candidate-3`: the term becomes a label of
///   that row's candidate (`curator_concept_id`, if filled, must agree);
/// - `ignore`: not a skill (`general stuff`); nothing is added.
///
/// `curator_label_kind` is `hidden` (the default: misspellings, outdated
/// terms) or `alt` (synonyms, abbreviations). The label written is the row's
/// `folded_term`, which the cascade's exact stage then places. Every row is
/// checked before anything is written, and every problem is reported with
/// its file, line and column, so a curator fixes the sheet in one pass.
public struct TaxonomyCuration: Sendable, Equatable {
  /// One label to add, from one row of the curation file.
  public struct Label: Sendable, Equatable {
    public var term: String
    public var conceptID: String
    public var kind: SkillLabelKind
    /// The curation file's line it came from.
    public var line: Int
  }

  /// The labels to append to `labels.csv`, in the curation file's order.
  public var added: [Label]
  /// Rows whose term is a label of their concept already (nothing to add).
  public var alreadyLabels: [Label]
  public var ignored: Int
  public var undecided: Int
  /// `labels.csv` with the new labels appended (its header written first
  /// when the folder had none), in the file's own line ends.
  public var labelsBytes: [UInt8]

  /// The columns a curation file must have: what `SkillCurationReport` writes.
  static let columns = [
    "folded_term", "curator_decision", "curator_concept_id", "curator_label_kind",
  ]
  static let candidateColumns = ["candidate_1_id", "candidate_2_id", "candidate_3_id"]

  /// Reads the taxonomy folder and the curation file and works out the new
  /// `labels.csv`, checking that the taxonomy loads with it. Writes nothing.
  ///
  /// - Parameters:
  ///   - name: the curation file's path, read unless `curation` holds its bytes.
  ///   - directory: the taxonomy folder (`concepts.csv`, `labels.csv`).
  /// - Throws: ``TaxonomyError``: `.missing` when a file cannot be read,
  ///   `.invalid` with every problem of the curation file, or of the
  ///   taxonomy as it would be.
  public static func plan(curation: [UInt8]? = nil, name: String, taxonomy directory: String) throws(TaxonomyError)
    -> TaxonomyCuration
  {
    let labelsPath = (directory as NSString).appendingPathComponent("labels.csv")
    let existing = FileManager.default.contents(atPath: labelsPath).map(Array.init)
    // Loaded from the very bytes the new rows are appended to.
    let taxonomy = try Taxonomy.load(directory: directory, files: existing.map { ["labels.csv": $0] })

    var problems: [TaxonomyProblem] = []
    let rows = try Taxonomy.readTable(
      name, bytes: curation, required: ["folded_term"], optional: columns.dropFirst() + candidateColumns,
      problems: &problems)
    guard problems.isEmpty else { throw TaxonomyError(kind: .invalid, problems: problems) }
    if rows.isEmpty == false, rows.allSatisfy({ $0.cells["curator_decision"] == nil }) {
      throw TaxonomyError(kind: .invalid, problems: [
        .init(file: name, line: 1, message: "no 'curator_decision' column: is this a run's skills-curation.csv?")
      ])
    }

    // Who owns each folded label now, to find terms already placed.
    var owner: [String: String] = [:]
    for concept in taxonomy.concepts {
      for label in concept.allLabels {
        let folded = SkillFolding.fold(label.text)
        if owner[folded] == nil { owner[folded] = concept.id }
      }
    }
    var result = TaxonomyCuration(added: [], alreadyLabels: [], ignored: 0, undecided: 0, labelsBytes: [])
    var decided: [String: Label] = [:]
    for row in rows {
      func problem(_ column: String, _ message: String) {
        problems.append(.init(file: name, line: row.line, message: "\(column): \(message)"))
      }
      let decision = row["curator_decision"].trimmingCharacters(in: .whitespaces).lowercased()
      var conceptID = row["curator_concept_id"].trimmingCharacters(in: .whitespaces)
      switch decision {
      case "":
        result.undecided += 1
        continue
      case "ignore":
        result.ignored += 1
        continue
      case "label":
        guard !conceptID.isEmpty else {
          problem("curator_concept_id", "empty; 'label' needs the concept the term belongs to")
          continue
        }
      case "candidate-1", "candidate-2", "candidate-3":
        let column = "candidate_\(decision.last!)_id"
        let candidate = row[column]
        guard !candidate.isEmpty else {
          problem("curator_decision", "'\(decision)' but the row has no \(column)")
          continue
        }
        guard conceptID.isEmpty || conceptID == candidate else {
          problem("curator_concept_id", "'\(conceptID)' disagrees with '\(decision)' ('\(candidate)'); fill in one of them")
          continue
        }
        conceptID = candidate
      default:
        problem("curator_decision", "unknown decision '\(decision)' (known: label, candidate-1, candidate-2, candidate-3, ignore, or blank)")
        continue
      }
      let kind: SkillLabelKind
      switch row["curator_label_kind"].trimmingCharacters(in: .whitespaces).lowercased() {
      case "", "hidden": kind = .hidden
      case "alt": kind = .alt
      case let other:
        problem("curator_label_kind", "unknown kind '\(other)' (known: hidden, alt, or blank for hidden)")
        continue
      }
      guard let concept = taxonomy.concept(conceptID) else {
        problem("curator_concept_id", "unknown concept '\(conceptID)'")
        continue
      }
      if concept.status == .deprecated {
        let replacement = taxonomy.resolve(conceptID).map { " (replaced by '\($0)')" } ?? ""
        problem("curator_concept_id", "'\(conceptID)' is deprecated\(replacement); label an active concept")
        continue
      }
      let term = row["folded_term"]
      let folded = SkillFolding.fold(term)
      guard folded == term else {
        problem("folded_term", "'\(term)' is not a folded term (it folds to '\(folded)'); was the column edited?")
        continue
      }
      let label = Label(term: term, conceptID: conceptID, kind: kind, line: row.line)
      if let first = decided[term] {
        if first.conceptID != conceptID {
          problem("curator_concept_id", "'\(term)' is given to '\(conceptID)' here and to '\(first.conceptID)' at line \(first.line)")
        }
        continue
      }
      decided[term] = label
      if let current = owner[term] {
        if taxonomy.resolve(current) == taxonomy.resolve(conceptID) {
          result.alreadyLabels.append(label)
        } else {
          problem("curator_concept_id", "'\(term)' is a label of '\(current)' already; change that label first")
        }
        continue
      }
      result.added.append(label)
    }
    guard problems.isEmpty else { throw TaxonomyError(kind: .invalid, problems: problems) }

    result.labelsBytes = appending(result.added, to: existing)
    // The taxonomy as it would be must load: the same checks as every run's.
    _ = try Taxonomy.load(directory: directory, files: ["labels.csv": result.labelsBytes])
    return result
  }

  /// What `taxonomy curate` prints: one line per label added (as its
  /// `labels.csv` row, with the curation file's line), one per term that is
  /// a label already, then the counts.
  public func summaryLines(dryRun: Bool) -> [String] {
    let verb = dryRun ? "would add" : "added"
    var lines = added.map { "\(verb) \($0.conceptID),\($0.term),\($0.kind.rawValue) (line \($0.line))" }
    lines += alreadyLabels.map { "already present: \($0.term) as a label of \($0.conceptID) (line \($0.line))" }
    let kinds = [SkillLabelKind.alt, .hidden].compactMap { kind -> String? in
      let count = added.filter { $0.kind == kind }.count
      return count == 0 ? nil : "\(count) \(kind.rawValue)"
    }
    var counts = "\(verb) \(CountedNoun.phrase(added.count, "label"))"
    if !kinds.isEmpty { counts += " (\(kinds.joined(separator: ", ")))" }
    counts += "; \(alreadyLabels.count) already present"
    counts += "; \(ignored) ignored; \(undecided) undecided"
    if dryRun { counts += "; nothing written (--dry-run)" }
    lines.append(counts)
    return lines
  }

  /// Replaces the folder's `labels.csv` with ``labelsBytes`` in one rename,
  /// keeping its permissions (a taxonomy is shared, not personal data).
  public func write(taxonomy directory: String) throws(TaxonomyError) {
    let path = (directory as NSString).appendingPathComponent("labels.csv")
    let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o644
    do {
      try Data(labelsBytes).write(to: URL(fileURLWithPath: path), options: .atomic)
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      throw TaxonomyError(kind: .cannotWrite, problems: [.init(file: path, message: "cannot write: \(reason)")])
    }
  }

  /// `labels.csv` with `labels` appended, in the file's own line ends (CRLF
  /// only when it already uses them), after a header when there is no file.
  static func appending(_ labels: [Label], to existing: [UInt8]?) -> [UInt8] {
    var bytes = existing ?? []
    var writer = CSVWriter(mode: .plain)
    if existing == nil || existing?.isEmpty == true { writer.write(["concept_id", "label", "kind"]) }
    for label in labels { writer.write([label.conceptID, label.term, label.kind.rawValue]) }
    var rows = writer.bytes
    let crlf = bytes.isEmpty || Self.usesCRLF(bytes)
    if !crlf { rows = rows.filter { $0 != 0x0D } }
    if let last = bytes.last, last != 0x0A { bytes += crlf ? [0x0D, 0x0A] : [0x0A] }
    return bytes + rows
  }

  /// Whether the first line of `bytes` ends in CR LF.
  static func usesCRLF(_ bytes: [UInt8]) -> Bool {
    guard let newline = bytes.firstIndex(of: 0x0A) else { return false }
    return newline > 0 && bytes[newline - 1] == 0x0D
  }
}
