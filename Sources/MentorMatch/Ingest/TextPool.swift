/// Shares one `String` among equal values that repeat from row to row
/// (departments, professions, cohorts, names, timestamps, line managers), so
/// that 400,000 sign-ups hold a few thousand copies of such text rather
/// than 400,000. Sharing changes no value: Strings compare by content.
///
/// Keyed by the field's bytes, so a repeated value costs one hash and one
/// byte comparison and no `String` is made for it. Also remembers what each
/// grade spelling resolved to, since a file uses a handful of spellings for
/// all its rows.
struct TextPool {
  private var texts = ByteKeyedTable<String>()
  /// The values ``clean(_:)`` passed: a table of their own, since
  /// ``shared(_:)`` pools whatever it is given.
  private var cleanTexts = ByteKeyedTable<String>()
  private var grades = ByteKeyedTable<Int?>()
  /// Line managers' addresses as written, to their checked, lowercased form.
  private var managers = ByteKeyedTable<String>()
  private var times = ByteKeyedTable<String>()
  /// How pooling pays, per template field (and one more for extra columns).
  private var lanes = [PoolUse](repeating: PoolUse(), count: SignupField.allCases.count + 1)
  private var managerUse = PoolUse()
  private var timeUse = PoolUse()

  /// The pooled copy of the text whose UTF-8 is `bytes` (already checked
  /// as valid UTF-8 by the reader), adding it when new.
  mutating func shared(_ bytes: ArraySlice<UInt8>) -> String {
    // Up to 15 UTF-8 bytes a String is stored inline: there is nothing to share.
    guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
    let hash = FieldHash.of(bytes)
    if let entry = texts.find(hash, bytes) { return texts.value(at: entry) }
    let text = String(decoding: bytes, as: UTF8.self)
    texts.insert(hash, key: bytes, value: text)
    return text
  }

  /// ``shared(_:)-(ArraySlice<UInt8>)`` for a value that must hold no
  /// control character (``PlainRow/isClean(_:multiline:)``, single-line):
  /// nil when it holds one. Only clean values are pooled, so a value seen
  /// before is not checked again.
  ///
  /// - Parameter field: the template field the value belongs to (nil for
  ///   extra columns): a field whose values seldom repeat stops being pooled.
  mutating func clean(_ bytes: ArraySlice<UInt8>, field: SignupField?) -> String? {
    let lane = field?.position ?? SignupField.allCases.count
    guard bytes.count > 15, lanes[lane].pays else {
      return PlainRow.isClean(bytes, multiline: false) ? String(decoding: bytes, as: UTF8.self) : nil
    }
    let hash = FieldHash.of(bytes)
    if let entry = cleanTexts.find(hash, bytes) {
      lanes[lane].hit()
      return cleanTexts.value(at: entry)
    }
    lanes[lane].miss()
    guard PlainRow.isClean(bytes, multiline: false) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    cleanTexts.insert(hash, key: bytes, value: text)
    return text
  }

  /// A line manager's address as written, lowercased and pooled when it is
  /// a plain address (``PlainAddress``), else nil. Each spelling is checked
  /// once: a manager's address repeats on every report's row.
  mutating func lineManager(_ bytes: ArraySlice<UInt8>) -> String? {
    guard managerUse.pays else {
      return PlainAddress.isValid(bytes) ? Self.lowercased(bytes) : nil
    }
    let hash = FieldHash.of(bytes)
    if let entry = managers.find(hash, bytes) {
      managerUse.hit()
      return managers.value(at: entry)
    }
    managerUse.miss()
    guard PlainAddress.isValid(bytes) else { return nil }
    let address = Self.lowercased(bytes)
    managers.insert(hash, key: bytes, value: address)
    return address
  }

  /// ASCII text with its capitals lowercased, copied only when it has one.
  private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
    guard bytes.contains(where: { (0x41...0x5A).contains($0) }) else { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: bytes.map(FieldHash.lowercased), as: UTF8.self)
  }

  /// ``shared(_:)-(ArraySlice<UInt8>)`` for sign-up times in normal form,
  /// which repeat in some exports (dates without a time) and hardly ever
  /// in others (times to the second): pooled only while that pays.
  mutating func time(_ bytes: ArraySlice<UInt8>) -> String {
    guard timeUse.pays else { return String(decoding: bytes, as: UTF8.self) }
    let hash = FieldHash.of(bytes)
    if let entry = times.find(hash, bytes) {
      timeUse.hit()
      return times.value(at: entry)
    }
    timeUse.miss()
    let text = String(decoding: bytes, as: UTF8.self)
    times.insert(hash, key: bytes, value: text)
    return text
  }

  /// The pooled copy of `text`, adding it when new.
  mutating func shared(_ text: String) -> String {
    shared(ArraySlice(text.utf8))
  }

  /// `scale.index(of:)` for the grade whose UTF-8 is `bytes`, remembered
  /// for the spellings seen.
  mutating func gradeIndex(of bytes: ArraySlice<UInt8>, in scale: GradeScale) -> Int? {
    let hash = FieldHash.of(bytes)
    if let entry = grades.find(hash, bytes) { return grades.value(at: entry) }
    let grade = String(decoding: bytes, as: UTF8.self)
    let index = scale.index(of: grade)
    // A hostile file could spell a new grade on every row: stop remembering then.
    if grades.count < 1024 { grades.insert(hash, key: bytes, value: index) }
    return index
  }

  /// `scale.index(of: grade)`, remembered for the spellings seen.
  mutating func gradeIndex(of grade: String, in scale: GradeScale) -> Int? {
    gradeIndex(of: ArraySlice(grade.utf8), in: scale)
  }
}

/// Whether pooling one kind of value pays: it stops for good when, after a
/// sample of lookups, fewer than a quarter of them found the value already
/// there (names or times to the second, unique to each row, would only fill
/// the table). The sample is large because values first seen one after
/// another (each line manager's first report, say) all miss at the start.
/// Sharing changes no value, so neither does this.
struct PoolUse: Sendable {
  static let sampleSize = 16_384

  private var lookups = 0
  private var hits = 0
  private(set) var pays = true

  mutating func hit() {
    lookups += 1
    hits += 1
  }

  mutating func miss() {
    lookups += 1
    if lookups >= Self.sampleSize, hits * 4 < lookups { pays = false }
  }
}
