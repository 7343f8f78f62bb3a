/// What became of one record.
enum RowOutcome {
  case accepted(Signup)
  case rejected(RejectedRecord)
}

/// Checks one record against the template and builds its ``Signup``, or
/// collects every problem found in it.
struct SignupRowCheck {
  let record: CSVRecord
  let columns: ColumnMap
  let file: InputFile
  let settings: InputSettings
  let location: RecordLocation
  private var problems: [FieldProblem] = []

  init(record: CSVRecord, columns: ColumnMap, file: InputFile, settings: InputSettings, location: RecordLocation) {
    self.record = record
    self.columns = columns
    self.file = file
    self.settings = settings
    self.location = location
  }

  func result() -> RowOutcome {
    var check = self
    return check.run()
  }

  private mutating func run() -> RowOutcome {
    if record.fields.count != columns.width {
      let few = record.fields.count < columns.width
      problems.append(
        FieldProblem(
          field: "", reason: .raggedRow,
          message: "has \(record.fields.count) fields, the header has \(columns.width) (too \(few ? "few" : "many"))"))
      return .rejected(reject(id: nil, cohort: nil))
    }
    let email = text(.email, required: true)
    if !email.isEmpty, let problem = Self.addressProblem(email) {
      add(.email, .badEmail, "not a valid address: \(problem)")
    }
    var id = text(.id)
    if id.isEmpty, !email.isEmpty { id = SignupValidator.derivedID(email: email) }
    let givenName = text(.givenName, required: true)
    let familyName = text(.familyName)
    let role = parseRole()
    let (gradeIndex, grade) = parseGrade()
    let department = text(.department)
    let profession = text(.profession)
    let location = text(.location)
    let offered = text(.skillsOffered, multiline: true)
    let wanted = text(.skillsWanted, multiline: true)
    var cohort = text(.cohort)
    if cohort.isEmpty { cohort = settings.defaultCohort }
    let lineManager = text(.lineManagerEmail).lowercased()
    if !lineManager.isEmpty, let problem = Self.addressProblem(lineManager) {
      add(.lineManagerEmail, .badEmail, "not a valid address: \(problem)")
    }
    checkConsent()
    var signedUpAt = text(.signedUpAt)
    if !signedUpAt.isEmpty {
      if let normal = SignupTimestamp.normalise(signedUpAt) {
        signedUpAt = normal
      } else {
        add(.signedUpAt, .badDate, "'\(signedUpAt)' is not a date (use 2026-11-02 or 2026-11-02T09:30:00Z)")
      }
    }
    let (mentorCapacity, menteeCapacity) = parseCapacity(role: role)
    var extra: [String: String] = [:]
    for (name, column) in columns.extraColumns {
      extra[name] = checkedText(record.fields[column], field: name, multiline: false)
    }
    guard problems.isEmpty, let role, let gradeIndex else {
      return .rejected(reject(id: id.isEmpty ? nil : id, cohort: cohort))
    }
    return .accepted(
      Signup(
        id: id, givenName: givenName, familyName: familyName, email: email, role: role,
        gradeIndex: gradeIndex, grade: grade, department: department, profession: profession,
        location: location, skillsOfferedText: offered, skillsWantedText: wanted,
        mentorCapacity: mentorCapacity, menteeCapacity: menteeCapacity, cohort: cohort,
        lineManagerEmail: lineManager, signedUpAt: signedUpAt, extra: extra, source: self.location))
  }

  /// Why an address cannot be used, checked by the same rules the emails
  /// use (``EmailAddress``), so no accepted row fails later at the email
  /// stage; the reason never repeats the address.
  private static func addressProblem(_ text: String) -> EmailAddressError? {
    do {
      _ = try EmailAddress.validate(text)
      return nil
    } catch {
      return error
    }
  }

  private func reject(id: String?, cohort: String?) -> RejectedRecord {
    RejectedRecord(location: location, problems: problems, personID: id, cohort: cohort)
  }

  private mutating func add(_ field: SignupField, _ reason: RejectReason, _ message: String) {
    problems.append(FieldProblem(field: field.rawValue, reason: reason, message: message))
  }

  /// A field's value, or "" when the file has no such column.
  private mutating func text(_ field: SignupField, required: Bool = false, multiline: Bool = false) -> String {
    guard let column = columns.fieldColumns[field] else { return "" }
    let value = checkedText(record.fields[column], field: field.rawValue, multiline: multiline)
    if required, value.isEmpty { add(field, .missingField, "is empty") }
    return value
  }

  /// Refuses control characters, which could break a header or a report line.
  /// Line breaks are allowed only where `multiline` (skills lists).
  private mutating func checkedText(_ value: String, field: String, multiline: Bool) -> String {
    // Fast path: printable ASCII, which is nearly every cell.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) { return value }
    let bad = value.unicodeScalars.contains { scalar in
      if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
      return scalar.properties.generalCategory == .control || Self.invisibleControls.contains(scalar.value)
    }
    if bad {
      problems.append(FieldProblem(field: field, reason: .controlCharacter, message: "holds a line break or control character"))
    }
    return value
  }

  /// Line and paragraph separators, and the bidirectional overrides and
  /// isolates that can make a name display as something else ("Trojan Source").
  private static let invisibleControls: Set<UInt32> = [
    0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
  ]

  private mutating func parseRole() -> Role? {
    if let fixed = file.fixedRole { return fixed }
    let raw = text(.role, required: true)
    guard !raw.isEmpty else { return nil }
    switch raw.lowercased() {
    case "mentor": return .mentor
    case "mentee": return .mentee
    case "both", "mentor and mentee", "mentee and mentor": return .both
    default:
      add(.role, .unknownRole, "unknown role '\(raw)' (known: mentor, mentee, both)")
      return nil
    }
  }

  private mutating func parseGrade() -> (Int?, String) {
    let raw = text(.grade, required: true)
    guard !raw.isEmpty else { return (nil, "") }
    guard let index = settings.grades.index(of: raw) else {
      add(.grade, .unknownGrade, "unknown grade '\(raw)' (known: \(settings.grades.order.joined(separator: ", ")))")
      return (nil, raw)
    }
    return (index, settings.grades.order[index])
  }

  private mutating func checkConsent() {
    guard columns.fieldColumns[.consent] != nil else { return }
    let raw = text(.consent).lowercased()
    let yes = ["yes", "y", "true", "1", "agree", "agreed", "i agree", "consent", "consented"]
    if !yes.contains(raw) {
      add(.consent, .noConsent, raw.isEmpty ? "no consent given" : "consent is '\(raw)', not yes")
    }
  }

  private mutating func parseCapacity(role: Role?) -> (Int, Int) {
    let capacity = settings.capacity
    var mentor = role?.isMentor == true ? capacity.mentorDefault : 0
    var mentee = role?.isMentee == true ? capacity.menteeDefault : 0
    let raw = text(.capacity)
    guard !raw.isEmpty, let role else { return (mentor, mentee) }
    let limit = role == .mentee ? capacity.menteeMax : capacity.mentorMax
    guard let value = Int(raw), (0...limit).contains(value) else {
      add(.capacity, .badCapacity, "'\(raw.prefix(20))' is not a whole number from 0 to \(limit)")
      return (mentor, mentee)
    }
    if role.isMentor { mentor = value } else { mentee = value }
    return (mentor, mentee)
  }
}
