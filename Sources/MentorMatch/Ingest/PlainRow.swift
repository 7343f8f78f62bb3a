/// The fast path of ``SignupRowCheck`` for the shape nearly every row of an
/// export has: the right number of fields, plain addresses, a known role and
/// grade, no control characters, consent given, a readable date.
///
/// It reads the record's bytes (``CSVRecordView``) and makes a `String`
/// only for what the ``Signup`` keeps; repeated values come from the
/// validator's ``TextPool`` without a `String` being made. It builds the
/// very sign-up ``SignupRowCheck`` would build, or returns nil as soon as
/// anything is not plain, and the caller runs ``SignupRowCheck`` on that
/// row, which finds and words every problem. So the fast path never
/// decides a reject; it only spares the full check for clean rows.
///
/// Made once per file (so that its settings are not copied for every row)
/// and handed each record.
struct PlainRow {
  let columns: ColumnMap
  let file: InputFile
  let settings: InputSettings
  /// Every extra column's name with an empty value. A row's `extra` starts
  /// as a copy of it (which keeps its layout) and has its values set in
  /// place at ``extraSlots``, so no row hashes a name or grows a dictionary.
  private let extraTemplate: [String: String]
  private let extraSlots: [(index: Dictionary<String, String>.Index, column: Int)]

  init(columns: ColumnMap, file: InputFile, settings: InputSettings) {
    self.columns = columns
    self.file = file
    self.settings = settings
    var template = [String: String](minimumCapacity: columns.extraColumns.count)
    for name in columns.extraColumns.keys { template[name] = "" }
    extraSlots = columns.extraColumns.compactMap { name, column in
      template.index(forKey: name).map { (index: $0, column: column) }
    }
    extraTemplate = template
  }

  /// The record's sign-up and its ``DuplicateKey`` (nil when it has none),
  /// or nil when the record needs the full check.
  func signup(
    _ record: CSVRecordView, at location: RecordLocation, pool: inout TextPool
  ) -> (Signup, DuplicateKey?)? {
    guard record.count == columns.width, let emailBytes = bytes(.email, record), !emailBytes.isEmpty,
      PlainAddress.isValid(emailBytes)
    else { return nil }
    let email = String(decoding: emailBytes, as: UTF8.self)
    guard let idBytes = clean(.id, record) else { return nil }
    let id =
      idBytes.isEmpty
      ? SignupValidator.derivedID(asciiEmail: emailBytes) ?? SignupValidator.derivedID(email: email)
      : String(decoding: idBytes, as: UTF8.self)
    guard let givenBytes = bytes(.givenName, record), !givenBytes.isEmpty,
      let givenName = pool.clean(givenBytes, field: .givenName),
      let familyName = pooled(.familyName, record, &pool),
      let role = file.fixedRole ?? role(record),
      let gradeBytes = clean(.grade, record), !gradeBytes.isEmpty,
      let gradeIndex = pool.gradeIndex(of: gradeBytes, in: settings.grades),
      let department = pooled(.department, record, &pool), let profession = pooled(.profession, record, &pool),
      let place = pooled(.location, record, &pool),
      let offered = clean(.skillsOffered, record, multiline: true),
      let wanted = clean(.skillsWanted, record, multiline: true),
      let capacities = capacity(role: role, record),
      let cohort = pooled(.cohort, record, &pool),
      let lineManager = lineManager(record, pool: &pool),
      consented(record),
      let (signedUpAt, timeBytes) = signedUpAt(record, pool: &pool)
    else { return nil }
    var extra = extraTemplate
    for (index, column) in extraSlots {
      guard let value = pool.clean(record.utf8(at: column), field: nil) else { return nil }
      extra.values[index] = value
    }
    let key =
      idBytes.isEmpty
      ? DuplicateKey(id: id.utf8, email: emailBytes, signedUpAt: timeBytes)
      : DuplicateKey(id: idBytes, email: emailBytes, signedUpAt: timeBytes)
    let signup = Signup(
      id: id, givenName: givenName, familyName: familyName, email: email, role: role,
      gradeIndex: gradeIndex, grade: settings.grades.order[gradeIndex], department: department,
      profession: profession, location: place,
      skillsOfferedText: String(decoding: offered, as: UTF8.self),
      skillsWantedText: String(decoding: wanted, as: UTF8.self),
      mentorCapacity: capacities.mentor, menteeCapacity: capacities.mentee,
      cohort: cohort.isEmpty ? settings.defaultCohort : cohort,
      lineManagerEmail: lineManager, signedUpAt: signedUpAt, extra: extra, source: location)
    return (signup, key)
  }

  /// A field's bytes; empty when the file has no such column, nil when the
  /// field is required but has no column.
  private func bytes(_ field: SignupField, _ record: CSVRecordView) -> ArraySlice<UInt8>? {
    guard let column = columns.column(of: field) else { return field.isRequired ? nil : [] }
    return record.utf8(at: column)
  }

  /// A field's bytes when they hold no control character (the rule of
  /// ``SignupRowCheck``), else nil.
  private func clean(_ field: SignupField, _ record: CSVRecordView, multiline: Bool = false) -> ArraySlice<UInt8>? {
    guard let value = bytes(field, record), Self.isClean(value, multiline: multiline) else { return nil }
    return value
  }

  /// A single-line field's text from the pool when clean, else nil.
  private func pooled(_ field: SignupField, _ record: CSVRecordView, _ pool: inout TextPool) -> String? {
    guard let value = bytes(field, record) else { return nil }
    return pool.clean(value, field: field)
  }

  /// Whether a value passes ``SignupRowCheck``'s control-character rule;
  /// printable ASCII is decided on the bytes alone.
  static func isClean(_ bytes: ArraySlice<UInt8>, multiline: Bool) -> Bool {
    for byte in bytes where byte < 0x20 || byte >= 0x7F {
      if multiline, byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
      return !SignupRowCheck.holdsControl(String(decoding: bytes, as: UTF8.self), multiline: multiline)
    }
    return true
  }

  private func role(_ record: CSVRecordView) -> Role? {
    guard let raw = bytes(.role, record) else { return nil }
    for (spelling, role) in Self.roles where Self.equalsIgnoringASCIICase(raw, spelling) { return role }
    return nil
  }

  private static let roles: [([UInt8], Role)] = [
    (Array("mentor".utf8), .mentor), (Array("mentee".utf8), .mentee), (Array("both".utf8), .both),
    (Array("mentor and mentee".utf8), .both), (Array("mentee and mentor".utf8), .both),
  ]

  /// Whether `bytes`, with ASCII capitals lowercased, equal `lowercase`
  /// (itself lowercase ASCII). Non-ASCII bytes never match, which is what
  /// `String.lowercased()` gives for these words.
  static func equalsIgnoringASCIICase(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
    bytes.count == lowercase.count && zip(bytes, lowercase).allSatisfy { FieldHash.lowercased($0) == $1 }
  }

  /// Default or given capacities; nil when the cell is not plain digits in range.
  private func capacity(role: Role, _ record: CSVRecordView) -> (mentor: Int, mentee: Int)? {
    let capacity = settings.capacity
    var mentor = role.isMentor ? capacity.mentorDefault : 0
    var mentee = role.isMentee ? capacity.menteeDefault : 0
    guard let raw = bytes(.capacity, record), !raw.isEmpty else { return (mentor, mentee) }
    guard raw.count <= 9, raw.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    let value = raw.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    guard value <= (role == .mentee ? capacity.menteeMax : capacity.mentorMax) else { return nil }
    if role.isMentor { mentor = value } else { mentee = value }
    return (mentor, mentee)
  }

  /// The line manager's address, lowercased and pooled; "" when absent.
  private func lineManager(_ record: CSVRecordView, pool: inout TextPool) -> String? {
    guard let raw = bytes(.lineManagerEmail, record) else { return nil }
    return raw.isEmpty ? "" : pool.lineManager(raw)
  }

  private func consented(_ record: CSVRecordView) -> Bool {
    guard let column = columns.column(of: .consent) else { return true }
    let raw = record.utf8(at: column)
    return Self.consents.contains { Self.equalsIgnoringASCIICase(raw, $0) }
  }

  private static let consents = ["yes", "y", "true", "1", "agree", "agreed", "i agree", "consent", "consented"]
    .map { Array($0.utf8) }

  /// The sign-up time in normal form and pooled, with its UTF-8; "" when absent.
  private func signedUpAt(_ record: CSVRecordView, pool: inout TextPool) -> (String, ArraySlice<UInt8>)? {
    guard let raw = bytes(.signedUpAt, record) else { return nil }
    if raw.isEmpty { return ("", raw) }
    if SignupTimestamp.isNormal(raw) { return (pool.time(raw), raw) }
    guard Self.isClean(raw, multiline: false),
      let normal = SignupTimestamp.normalise(String(decoding: raw, as: UTF8.self))
    else { return nil }
    let bytes = ArraySlice(normal.utf8)
    return (pool.time(bytes), bytes)
  }
}
