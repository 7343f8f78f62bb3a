/// The line on which each key and table of a config file is written, by the
/// dotted path ``ConfigSection`` names in messages (`matching.k`,
/// `rules[2].points`, `email.leads.Policy 2026`), so that an error about a
/// value names its line as well as its key. Filled by ``TOMLPreflight``'s
/// scan of the text, which already knows where headers and keys start.
struct TOMLKeyLines: Sendable, Equatable {
  private var lines: [String: Int] = [:]
  /// How many `[[name]]` headers each array of tables has had so far.
  private var arrayCounts: [String: Int] = [:]

  /// The line of `path`, or of the nearest enclosing key or table written in
  /// the file (a key inside an inline table, or one missing from its
  /// section, gives the line of what holds it); nil when none is.
  func line(for path: String) -> Int? {
    var candidate = Substring(path)
    while !candidate.isEmpty {
      if let line = lines[String(candidate)] { return line }
      guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
      candidate = candidate[..<cut]
    }
    return nil
  }

  /// A table header's dotted name parts: `[a.b]` is the table `a.b`,
  /// `[[rules]]` the next element of `rules` (`rules[3]`), and a table under
  /// an array of tables belongs to its last element (`[rules.condition]` is
  /// `rules[3].condition`). Returns the table's path, for the keys under it.
  mutating func header(_ parts: [String], isArray: Bool, line: Int) -> String {
    var path = ""
    for (number, part) in parts.enumerated() {
      path = path.isEmpty ? part : path + "." + part
      if isArray && number == parts.count - 1 {
        let index = arrayCounts[path, default: 0]
        arrayCounts[path] = index + 1
        record(path, line)
        path += "[\(index)]"
      } else if let count = arrayCounts[path] {
        path += "[\(count - 1)]"
      }
      record(path, line)
    }
    return path
  }

  /// A key (dotted or not) under the table at `table`.
  mutating func key(_ parts: [String], in table: String, line: Int) {
    var path = table
    for part in parts {
      path = path.isEmpty ? part : path + "." + part
      record(path, line)
    }
  }

  /// The first line wins: a later mention of a table (`[a]` after `[a.b]`)
  /// or a key redefined (which the parser refuses) does not move it.
  private mutating func record(_ path: String, _ line: Int) {
    if lines[path] == nil { lines[path] = line }
  }
}
