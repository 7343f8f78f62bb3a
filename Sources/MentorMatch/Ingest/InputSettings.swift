/// One export file named in the config.
public struct InputFile: Sendable, Equatable {
  /// The path as written in the config, used in messages and the run folder.
  public var name: String
  /// The path resolved against the config file's folder.
  public var path: String
  /// A role every row of this file has, for exports that split mentors and
  /// mentees into two files. Nil when the file has a role column.
  public var fixedRole: Role?
}

/// The `[input]`, `[grades]` and `[capacity]` sections: what to read and how
/// to check it.
public struct InputSettings: Sendable {
  public var files: [InputFile]
  public var csv: CSVReadOptions
  /// The header expected for each template field; fields mapped to `""` are absent.
  public var columns: [SignupField: String]
  /// The fields `[input.columns]` names a header for (not `""`): an export
  /// without such a column is refused, since every row would otherwise read
  /// the field as empty (as consenting, for `consent`) with no warning. A
  /// field left at its default header may be absent when it is optional (an
  /// export without `consent` has its consent collected elsewhere).
  public var namedFields: Set<SignupField>
  /// Extra columns: configured name → header. Rules may use them as fields.
  /// A file that is not of one side (no ``InputFile/fixedRole``, or `both`)
  /// must have every one whose header is not `""`.
  public var extraColumns: [String: String]
  public var defaultCohort: String
  /// Above this share of rejected records the export is treated as broken.
  public var maxRejectShare: Double
  public var grades: GradeScale
  public var capacity: CapacitySettings

  /// Reads the sections from the root of the config.
  public init(root: ConfigSection) throws(ConfigError) {
    guard let input = try root.section("input") else {
      throw root.error("input", "missing section: name the export files in [[input.files]]")
    }
    var files: [InputFile] = []
    for file in try input.sections("files") ?? [] {
      guard let raw = try file.string("path"), let path = try file.path("path") else {
        throw file.error("path", "missing: the export file's path")
      }
      let role = try file.string("role").map { (value: String) throws(ConfigError) -> Role in
        guard let role = Role(rawValue: value) else {
          throw file.error("role", "unknown role '\(value)' (known: mentor, mentee, both)")
        }
        return role
      }
      try file.finish()
      files.append(InputFile(name: raw, path: path, fixedRole: role))
    }
    guard !files.isEmpty else { throw input.error("files", "no export files: add an [[input.files]] table with a path") }
    self.files = files

    let delimiterText = try input.string("delimiter", default: ",")
    guard delimiterText.utf8.count == 1, let delimiter = delimiterText.utf8.first,
      delimiter != UInt8(ascii: "\""), delimiter != 0x0A, delimiter != 0x0D
    else {
      throw input.error("delimiter", "expected one character such as ',' ';' or '\\t', got '\(delimiterText)'")
    }
    let encodingText = try input.choice("encoding", of: CSVEncoding.allCases.map(\.rawValue), default: "utf-8")
    csv = CSVReadOptions(delimiter: delimiter, encoding: CSVEncoding(rawValue: encodingText)!)
    defaultCohort = try input.string("default_cohort", default: "general")
    guard !defaultCohort.isEmpty else { throw input.error("default_cohort", "must not be empty") }
    maxRejectShare = try input.double("max_reject_share", default: 0.2, in: 0...1)

    var columns: [SignupField: String] = [:]
    for field in SignupField.allCases { columns[field] = field.rawValue }
    var namedFields: Set<SignupField> = []
    if let section = try input.section("columns") {
      for key in section.keys {
        guard let field = SignupField(rawValue: key) else {
          throw section.error(key, "unknown field (known: \(SignupField.allCases.map(\.rawValue).joined(separator: ", ")); put other columns in [input.extra])")
        }
        columns[field] = try section.string(key)
        if !(columns[field] ?? "").isEmpty { namedFields.insert(field) }
      }
      try section.finish()
    }
    self.columns = columns
    self.namedFields = namedFields

    var extra: [String: String] = [:]
    if let section = try input.section("extra") {
      for key in section.keys {
        if SignupField(rawValue: key) != nil || ["department", "profession", "location", "grade", "cohort", "role"].contains(key) {
          throw section.error(key, "'\(key)' is a template field; map it in [input.columns]")
        }
        extra[key] = try section.string(key)
      }
      try section.finish()
    }
    extraColumns = extra
    try input.finish()

    grades = try Self.grades(root)
    capacity = try CapacitySettings(root: root)
  }

  private static func grades(_ root: ConfigSection) throws(ConfigError) -> GradeScale {
    guard let section = try root.section("grades") else { return .civilService }
    let order = try section.strings("order")
    var aliases: [String: String] = [:]
    if let table = try section.section("aliases") {
      for key in table.keys { aliases[key] = try table.string(key) }
      try table.finish()
    }
    try section.finish()
    guard let order else {
      // Aliases alone extend the default ones: a config that adds
      // "Grade Seven" still reads "Deputy Director".
      guard aliases.isEmpty else {
        do {
          return try GradeScale.civilService(adding: aliases)
        } catch {
          throw section.error("aliases", error.message)
        }
      }
      return .civilService
    }
    do {
      return try GradeScale(order: order, aliases: aliases)
    } catch {
      throw section.error("order", error.message)
    }
  }
}

/// Default and largest capacities per side (`[capacity]`).
public struct CapacitySettings: Sendable, Equatable {
  public var mentorDefault = 2
  public var mentorMax = 5
  public var menteeDefault = 1
  public var menteeMax = 3

  public init() {}

  init(root: ConfigSection) throws(ConfigError) {
    guard let section = try root.section("capacity") else { return }
    mentorMax = try section.int("mentor_max", default: 5, in: 1...1000)
    mentorDefault = try section.int("mentor_default", default: min(2, mentorMax), in: 0...mentorMax)
    menteeMax = try section.int("mentee_max", default: 3, in: 1...1000)
    menteeDefault = try section.int("mentee_default", default: 1, in: 0...menteeMax)
    try section.finish()
  }
}
