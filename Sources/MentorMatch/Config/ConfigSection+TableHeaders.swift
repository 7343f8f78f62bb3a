extension ConfigSection {
  /// Rejects a table header whose `[` or `[[` is not followed by a key, quote
  /// or `]`, such as a line holding only `[`.
  ///
  /// toml++ (under TOMLKit) asserts rather than reporting an error there,
  /// which aborts the process in debug builds and is undefined behaviour in
  /// release builds (`TOML_ASSERT_ASSUME`); found by `scripts/fuzz config`.
  /// The scan skips strings, comments and array or inline-table values, so
  /// it only looks where TOML allows a header
  /// ([TOML 1.0 §Table](https://toml.io/en/v1.0.0#table)); everything else is
  /// left to the parser.
  static func checkTableHeaders(_ text: String, file: String) throws(ConfigError) {
    let bytes = Array(text.utf8)
    var index = 0
    var line = 1
    var depth = 0
    var atLineStart = true
    func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
    while index < bytes.count {
      let current = bytes[index]
      if current == UInt8(ascii: "\n") {
        line += 1
        atLineStart = true
        index += 1
        continue
      }
      if current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") || current == UInt8(ascii: "\r") {
        index += 1
        continue
      }
      let startsLine = atLineStart
      atLineStart = false
      if startsLine && depth == 0 && current == UInt8(ascii: "[") {
        var next = index + 1
        if next < bytes.count && bytes[next] == UInt8(ascii: "[") { next += 1 }
        while next < bytes.count && (bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t")) { next += 1 }
        guard next < bytes.count, Self.startsTableName(bytes[next]) else {
          throw ConfigError(file: file, line: line, message: "not valid TOML: a table header needs a name after '['")
        }
        // The rest of a header line holds no value, only the name and a comment.
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        continue
      }
      switch current {
      case UInt8(ascii: "#"):
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let multiLine = byte(1) == current && byte(2) == current
        let escapes = current == UInt8(ascii: "\"")
        index += multiLine ? 3 : 1
        while index < bytes.count {
          let scalar = bytes[index]
          if escapes && scalar == UInt8(ascii: "\\") {
            if byte(1) == UInt8(ascii: "\n") { line += 1 }
            index += 2
            continue
          }
          if scalar == UInt8(ascii: "\n") {
            // An unterminated one-line string: the parser reports it.
            if !multiLine { break }
            line += 1
          }
          if scalar == current && (!multiLine || (byte(1) == current && byte(2) == current)) {
            index += multiLine ? 3 : 1
            // A closing `"""` may be followed by up to two more quotes that belong to the string.
            while multiLine && byte(0) == current { index += 1 }
            break
          }
          index += 1
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: "\n") {
          line += 1
          atLineStart = true
          index += 1
        }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        index += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
        index += 1
      default:
        index += 1
      }
    }
  }

  /// A character that may begin a table name: a bare-key character, a quote,
  /// or `]` (an empty name, which the parser reports itself).
  private static func startsTableName(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
      true
    default:
      false
    }
  }
}
