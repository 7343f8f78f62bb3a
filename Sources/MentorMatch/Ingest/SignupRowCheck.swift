/// What became of one record.
enum RowOutcome {
  case accepted(Signup)
  case rejected(RejectedRecord)
}

/// Checks one record against the template and builds its ``Signup``, or
/// collects every problem found in it.
///
/// Reads the record as bytes (``CSVRecordView``) and makes a `String` only
/// for values a sign-up keeps or a message quotes; values that repeat from
/// row to row come from the validator's ``TextPool``.
struct SignupRowCheck {
  let record: CSVRecordView
  let columns: ColumnMap
  let file: InputFile
  let settings: InputSettings
  let location: RecordLocation
  private var problems: [FieldProblem] = []

  init(record: CSVRecordView, columns: ColumnMap, file: InputFile, settings: InputSettings, location: RecordLocation) {
    self.record = record
    self.columns = columns
    self.file = file
    self.settings = settings
    self.location = location
  }

  func result(pool: inout TextPool) -> RowOutcome {
    var check = self
    return check.run(pool: &pool)
  }

  private mutating func run(pool: inout TextPool) -> RowOutcome {
    if record.count != columns.width {
      let few = record.count < columns.width
      problems.append(
        FieldProblem(
          field: "", reason: .raggedRow,
          message: "has \(CountedNoun.phrase(record.count, "field")), the header has \(columns.width) (too \(few ? "few" : "many"))"))
      return .rejected(reject(id: nil, cohort: nil))
    }
    let email = text(.email, required: true)
    if !email.isEmpty, let problem = Self.addressProblem(email, bytes: bytes(.email)) {
      add(.email, .badEmail, "not a valid address: \(problem)")
    }
    var id = text(.id)
    if id.isEmpty, !email.isEmpty { id = SignupValidator.derivedID(email: email) }
    let givenName = pool.shared(text(.givenName, required: true))
    let familyName = pool.shared(text(.familyName))
    let role = parseRole()
    let (gradeIndex, grade) = parseGrade(pool: &pool)
    let department = pool.shared(text(.department))
    let profession = pool.shared(text(.profession))
    let location = pool.shared(text(.location))
    let offered = text(.skillsOffered, multiline: true)
    let wanted = text(.skillsWanted, multiline: true)
    var cohort = pool.shared(text(.cohort))
    if cohort.isEmpty { cohort = settings.defaultCohort }
    let lineManager = pool.shared(Self.lowercased(text(.lineManagerEmail), bytes: bytes(.lineManagerEmail)))
    if !lineManager.isEmpty, let problem = Self.addressProblem(lineManager, bytes: lineManager.utf8) {
      add(.lineManagerEmail, .badEmail, "not a valid address: \(problem)")
    }
    checkConsent()
    var signedUpAt = text(.signedUpAt)
    if !signedUpAt.isEmpty {
      if SignupTimestamp.isNormal(bytes(.signedUpAt)) {
        signedUpAt = pool.shared(signedUpAt)
      } else if let normal = SignupTimestamp.normalise(signedUpAt) {
        signedUpAt = pool.shared(normal)
      } else {
        add(.signedUpAt, .badDate, "'\(TerminalText.visible(signedUpAt))' is not a date (use 2026-11-02 or 2026-11-02T09:30:00Z)")
      }
    }
    let (mentorCapacity, menteeCapacity) = parseCapacity(role: role)
    var extra: [String: String] = [:]
    for (name, column) in columns.extraColumns {
      extra[name] = pool.shared(checkedText(column: column, field: name, multiline: false))
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
  /// stage; the reason never repeats the address. `bytes` are the address's
  /// UTF-8, for the fast check that passes plain addresses.
  private static func addressProblem(_ text: String, bytes: some BidirectionalCollection<UInt8>) -> EmailAddressError? {
    if PlainAddress.isValid(bytes) { return nil }
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
    guard let column = columns.column(of: field) else { return "" }
    let value = checkedText(column: column, field: field.rawValue, multiline: multiline)
    if required, value.isEmpty { add(field, .missingField, "is empty") }
    return value
  }

  /// A field's bytes, or none when the file has no such column.
  private func bytes(_ field: SignupField) -> ArraySlice<UInt8> {
    guard let column = columns.column(of: field) else { return [] }
    return record.utf8(at: column)
  }

  /// `text` lowercased; `bytes` are its UTF-8, which spare the copy when
  /// the text is ASCII with no capitals (nearly every address).
  private static func lowercased(_ text: String, bytes: ArraySlice<UInt8>) -> String {
    if !bytes.contains(where: { $0 >= 0x80 || (0x41...0x5A).contains($0) }) { return text }
    return text.lowercased()
  }

  /// The value of a column, refusing control characters, which could break a
  /// header or a report line. Line breaks are allowed only where `multiline`
  /// (skills lists).
  private mutating func checkedText(column: Int, field: String, multiline: Bool) -> String {
    let bytes = record.utf8(at: column)
    let value = String(decoding: bytes, as: UTF8.self)
    // Fast path: printable ASCII, which is nearly every cell.
    if !bytes.contains(where: { $0 < 0x20 || $0 >= 0x7F }) { return value }
    if Self.holdsControl(value, multiline: multiline) {
      problems.append(FieldProblem(field: field, reason: .controlCharacter, message: "holds a line break or control character"))
    }
    return value
  }

  /// Whether `value` holds a control character, or a line break where not `multiline`.
  static func holdsControl(_ value: String, multiline: Bool) -> Bool {
    value.unicodeScalars.contains { scalar in
      if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
      return isControl(scalar.value) || isInvisibleControl(scalar.value)
    }
  }

  /// Whether a scalar's General_Category is Control (Cc): exactly U+0000–U+001F
  /// and U+007F–U+009F, a set the Unicode Stability Policy fixes for good
  /// (<https://www.unicode.org/policies/stability_policy.html#Property_Value>),
  /// so no property lookup is needed.
  static func isControl(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value)
  }

  /// Line and paragraph separators (U+2028, U+2029), and the bidirectional
  /// overrides (U+202A–U+202E) and isolates (U+2066–U+2069) that can make a
  /// name display as something else ("Trojan Source").
  static func isInvisibleControl(_ value: UInt32) -> Bool {
    (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
  }

  private mutating func parseRole() -> Role? {
    if let fixed = file.fixedRole { return fixed }
    let raw = text(.role, required: true)
    guard !raw.isEmpty else { return nil }
    switch raw.lowercased() {
    case "mentor": return .mentor
    case "mentee": return .mentee
    case "both", "mentor and mentee", "mentee and mentor": return .both
    default:
      add(.role, .unknownRole, "unknown role '\(TerminalText.visible(raw))' (known: mentor, mentee, both)")
      return nil
    }
  }

  private mutating func parseGrade(pool: inout TextPool) -> (Int?, String) {
    let raw = text(.grade, required: true)
    guard !raw.isEmpty else { return (nil, "") }
    guard let index = pool.gradeIndex(of: raw, in: settings.grades) else {
      add(.grade, .unknownGrade, "unknown grade '\(TerminalText.visible(raw))' (known: \(settings.grades.order.joined(separator: ", ")))")
      return (nil, raw)
    }
    return (index, settings.grades.order[index])
  }

  private mutating func checkConsent() {
    guard columns.column(of: .consent) != nil else { return }
    let raw = text(.consent).lowercased()
    let yes = ["yes", "y", "true", "1", "agree", "agreed", "i agree", "consent", "consented"]
    if !yes.contains(raw) {
      add(.consent, .noConsent, raw.isEmpty ? "no consent given" : "consent is '\(TerminalText.visible(raw))', not yes")
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
      add(.capacity, .badCapacity, "'\(TerminalText.visible(String(raw.prefix(20))))' is not a whole number from 0 to \(limit)")
      return (mentor, mentee)
    }
    if role.isMentor { mentor = value } else { mentee = value }
    return (mentor, mentee)
  }
}
