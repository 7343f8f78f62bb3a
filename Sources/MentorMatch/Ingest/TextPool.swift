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
  mutating func clean(_ bytes: ArraySlice<UInt8>) -> String? {
    guard bytes.count > 15 else {
      return PlainRow.isClean(bytes, multiline: false) ? String(decoding: bytes, as: UTF8.self) : nil
    }
    let hash = FieldHash.of(bytes)
    if let entry = cleanTexts.find(hash, bytes) { return cleanTexts.value(at: entry) }
    guard PlainRow.isClean(bytes, multiline: false) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    cleanTexts.insert(hash, key: bytes, value: text)
    return text
  }

  /// A line manager's address as written, lowercased and pooled when it is
  /// a plain address (``PlainAddress``), else nil. Each spelling is checked
  /// once: a manager's address repeats on every report's row.
  mutating func lineManager(_ bytes: ArraySlice<UInt8>) -> String? {
    let hash = FieldHash.of(bytes)
    if let entry = managers.find(hash, bytes) { return managers.value(at: entry) }
    guard PlainAddress.isValid(bytes) else { return nil }
    let address =
      bytes.contains(where: { (0x41...0x5A).contains($0) })
      ? shared(ArraySlice(bytes.map(FieldHash.lowercased))) : shared(bytes)
    managers.insert(hash, key: bytes, value: address)
    return address
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
