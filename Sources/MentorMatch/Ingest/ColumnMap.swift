/// Where each configured field sits in one file's header.
struct ColumnMap: Sendable {
  private(set) var fieldColumns: [SignupField: Int] = [:]
  /// `fieldColumns` by ``SignupField/position``: read for every field of
  /// every row, where a dictionary lookup (hashing) would cost more.
  private var columnsByPosition = [Int?](repeating: nil, count: SignupField.allCases.count)
  private(set) var extraColumns: [String: Int] = [:]
  let width: Int
  private let names: [String]

  /// - Parameter enforceNamedColumns: whether a column the config names (in
  ///   `[input.columns]` or `[input.extra]`) must be in the header. Reading a
  ///   stored export again for erasure passes false: an older version read
  ///   such a file without the column, and its rows must still be found.
  init(
    header headerRow: [String], file: InputFile, settings: InputSettings, enforceNamedColumns: Bool = true
  ) throws(IngestError) {
    let header = headerRow
    width = header.count
    var index: [String: Int] = [:]
    for (position, name) in header.enumerated() {
      let key = Self.key(name)
      guard !key.isEmpty else { continue }
      if index[key] != nil {
        // A duplicate matters only when a field reads that column.
        let mapped = settings.columns.values.contains { Self.key($0) == key }
          || settings.extraColumns.values.contains { Self.key($0) == key }
        if mapped { throw .duplicateColumn(file: file.name, header: name) }
        continue
      }
      index[key] = position
    }
    var names = Array(repeating: "", count: header.count)
    for field in SignupField.allCases {
      guard let header = settings.columns[field], !header.isEmpty else { continue }
      if let position = index[Self.key(header)] {
        fieldColumns[field] = position
        columnsByPosition[field.position] = position
        names[position] = field.rawValue
        continue
      }
      let required = field.isRequired && !(field == .role && file.fixedRole != nil)
      if enforceNamedColumns, settings.namedFields.contains(field), !Self.field(field, isUnusedIn: file) {
        throw .missingNamedColumn(
          file: file.name, field: field.rawValue, header: header, table: "input.columns",
          // A consent column the config names decides every row's consent.
          required: required || field == .consent,
          delimiterHint: Self.delimiterHint(header: headerRow, settings: settings))
      }
      if required {
        throw .missingColumn(
          file: file.name, field: field.rawValue, header: header,
          delimiterHint: Self.delimiterHint(header: headerRow, settings: settings))
      }
    }
    for name in settings.extraColumns.keys.sorted() {
      let header = settings.extraColumns[name]!
      if let position = index[Self.key(header)] {
        extraColumns[name] = position
        names[position] = name
      } else if enforceNamedColumns, !header.isEmpty, file.fixedRole == nil || file.fixedRole == .both {
        // Files of one role (split exports) may each hold only their side's
        // extra columns, as the LGBT+ network's do; a file of both sides
        // must have them all, or a rule reads them as empty.
        throw .missingNamedColumn(
          file: file.name, field: name, header: header, table: "input.extra", required: false,
          delimiterHint: Self.delimiterHint(header: headerRow, settings: settings))
      }
    }
    self.names = names
  }

  /// Whether a file's rows never read `field` because of the file's fixed
  /// role: its role, and the other side's skills in a file of one side.
  private static func field(_ field: SignupField, isUnusedIn file: InputFile) -> Bool {
    switch (field, file.fixedRole) {
    case (.role, .some): true
    case (.skillsOffered, .mentee), (.skillsWanted, .mentor): true
    default: false
    }
  }

  /// The column a template field reads, or nil when the file has none.
  func column(of field: SignupField) -> Int? {
    columnsByPosition[field.position]
  }

  /// The field name of a column, for messages; `column N` when unmapped.
  func fieldName(atColumn column: Int) -> String {
    guard column >= 0, column < names.count, !names[column].isEmpty else { return "column \(column + 1)" }
    return names[column]
  }

  /// Headers compare without case and surrounding spaces.
  static func key(_ header: String) -> String {
    header.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A hint when the header looks as if another delimiter was used.
  private static func delimiterHint(header: [String], settings: InputSettings) -> String? {
    guard header.count == 1, let only = header.first else { return nil }
    for (character, name) in [(";", "';'"), ("\t", "tab"), (",", "','"), ("|", "'|'")]
    where character.utf8.first != settings.csv.delimiter && only.contains(character) {
      return "the header is one column but holds \(name): set input.delimiter to match the file"
    }
    return nil
  }
}
