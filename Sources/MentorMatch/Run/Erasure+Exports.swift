import Foundation

extension Erasure {
  /// Where a stored export keeps the values that identify a person, read
  /// through the column mapping of the config the run used
  /// (`inputs/config.toml`), so an export whose headers say `Staff number`
  /// or `Work address` is matched on the right columns.
  struct ExportColumns: Sendable {
    var options: CSVReadOptions
    /// Columns holding the person's id, email and line manager's email.
    var id: Int?
    var email: Int?
    var lineManagerEmail: Int?

    /// The values of a row that identify its person (lowercased): the id, or
    /// the id derived from the email when the export has none, and the email.
    func identities(_ fields: [String]) -> [String] {
      func value(_ column: Int?) -> String? {
        guard let column, column < fields.count else { return nil }
        let value = fields[column].trimmingCharacters(in: .whitespaces).lowercased()
        return value.isEmpty ? nil : value
      }
      var values: [String] = []
      if let email = value(email) {
        values.append(email)
        values.append(SignupValidator.derivedID(email: email))
      }
      if let id = value(id) { values.append(id) }
      return values
    }

    /// Whether a row names one of `wanted`: as its person, or as the line
    /// manager of its person (the manager's address is their personal data too).
    func names(_ fields: [String], _ wanted: Set<String>) -> Bool {
      if identities(fields).contains(where: wanted.contains) { return true }
      guard let column = lineManagerEmail, column < fields.count else { return false }
      return wanted.contains(fields[column].trimmingCharacters(in: .whitespaces).lowercased())
    }
  }

  /// The stored exports of a run folder (`inputs/exports/…`) with the
  /// columns its config maps; empty when the stored config cannot be read,
  /// and then the header rule of ``identifyingFieldsEqual(_:)`` applies.
  static func storedExports(runDirectory: String) -> [String: ExportColumns] {
    let configPath = "\(runDirectory)/\(RunInputsSnapshot.configPath)"
    guard let bytes = FileManager.default.contents(atPath: configPath),
      let config = try? MentorMatchConfig.parse(
        bytes: Array(bytes), file: RunInputsSnapshot.configPath, baseDirectory: "\(runDirectory)/inputs")
    else { return [:] }
    var exports: [String: ExportColumns] = [:]
    for (index, file) in config.input.files.enumerated() {
      let path = RunInputsSnapshot.exportPath(index, file)
      guard let data = FileManager.default.contents(atPath: "\(runDirectory)/\(path)"),
        let columns = exportColumns(Array(data), file: file, settings: config.input)
      else { continue }
      exports[path] = columns
    }
    return exports
  }

  /// Maps an export's header through the config; nil when the header does
  /// not fit the config (the run rejected that file) or names no id column.
  /// A column the config names but the export lacks is no reason to give up:
  /// older versions ran such exports, and their rows must still be found.
  static func exportColumns(_ bytes: [UInt8], file: InputFile, settings: InputSettings) -> ExportColumns? {
    var header: [String]?
    try? CSVReader(bytes: bytes, name: file.name, options: settings.csv).forEachRow { row in
      if header == nil, case .record(let record) = row { header = record.fields }
    }
    guard let header, let map = try? ColumnMap(header: header, file: file, settings: settings, enforceNamedColumns: false) else { return nil }
    let columns = ExportColumns(
      options: settings.csv, id: map.fieldColumns[.id], email: map.fieldColumns[.email],
      lineManagerEmail: map.fieldColumns[.lineManagerEmail])
    return columns.id == nil && columns.email == nil ? nil : columns
  }

  /// Every id and address the stored exports give the person named by
  /// `values` (lowercased): a row whose id or email is known adds its other
  /// identities, until nothing new turns up. So `forget --id` also finds the
  /// person's address, and with it the emails to other people that name it.
  /// - Parameter exports: absolute paths of stored exports and their columns.
  static func identities(of values: Set<String>, exports: [(path: String, columns: ExportColumns)]) -> Set<String> {
    var known = values
    var grew = true
    while grew {
      grew = false
      for export in exports {
        // One file at a time: the exports of a year of runs need not fit in memory.
        guard let data = FileManager.default.contents(atPath: export.path) else { continue }
        try? CSVReader(bytes: Array(data), name: export.path, options: export.columns.options).forEachRow { row in
          guard case .record(let record) = row, record.number > 0 else { return }
          let identities = export.columns.identities(record.fields)
          guard identities.contains(where: known.contains) else { return }
          for identity in identities where known.insert(identity).inserted { grew = true }
        }
      }
    }
    return known
  }

  /// The rule for a stored export: rows naming one of `wanted` through the
  /// mapped columns; rows that cannot be split into fields are matched on
  /// their bytes, as ``identifyingFieldsEqual(_:)`` does.
  static func exportRule(_ columns: ExportColumns, wanted: Set<String>) -> Rule {
    let bytesRule = identifyingFieldsEqual(Array(wanted))("", [])
    return Rule(options: columns.options) { fields in
      columns.names(fields, wanted)
    } matchesUnreadable: { raw in
      bytesRule?.matchesUnreadable?(raw) ?? false
    }
  }
}
