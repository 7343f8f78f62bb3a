/// Shares one `String` among equal values that repeat from row to row
/// (departments, professions, cohorts, names, timestamps, line managers), so
/// that 400,000 sign-ups hold a few thousand copies of such text rather
/// than 400,000. Sharing changes no value: Strings compare by content.
///
/// Also remembers what each grade spelling resolved to, since a file uses
/// a handful of spellings for all its rows.
struct TextPool {
  private var texts: Set<String> = []
  private var grades: [String: Int?] = [:]

  /// The pooled copy of `text`, adding it when new.
  mutating func shared(_ text: String) -> String {
    // Up to 15 UTF-8 bytes a String is stored inline: there is nothing to share.
    guard text.utf8.count > 15 else { return text }
    return texts.insert(text).memberAfterInsert
  }

  /// `scale.index(of: grade)`, remembered for the spellings seen.
  mutating func gradeIndex(of grade: String, in scale: GradeScale) -> Int? {
    if let known = grades[grade] { return known }
    let index = scale.index(of: grade)
    // A hostile file could spell a new grade on every row: stop remembering then.
    if grades.count < 1024 { grades[grade] = index }
    return index
  }
}
