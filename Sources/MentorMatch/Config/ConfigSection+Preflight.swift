extension ConfigSection {
  /// Rejects, with a line number, the malformed TOML that toml++ (under
  /// TOMLKit) asserts on rather than reporting: an assertion aborts the
  /// process in debug and release builds alike (SwiftPM does not define
  /// `NDEBUG`), and with `NDEBUG` it would be undefined behaviour
  /// (`TOML_ASSERT_ASSUME`). `scripts/fuzz config` found each of these:
  ///
  /// - a table header whose `[` or `[[` is not followed by a key, quote or
  ///   `]`, such as a line holding only `[`;
  /// - a `}` where an array expects a value (`a = [}` or `a = [1, }`);
  /// - U+0085, U+2028 or U+2029 there, which toml++ takes for whitespace
  ///   without consuming it. No valid document holds them outside strings
  ///   and comments, so they are refused wherever they stand.
  ///
  /// The scan skips strings and comments and tracks which brackets are open,
  /// so it only looks where TOML allows a header
  /// ([TOML 1.0 §Table](https://toml.io/en/v1.0.0#table)) and only flags a
  /// `}` that no valid document can hold there; everything else is left to
  /// the parser.
  static func preflight(_ text: String, file: String) throws(ConfigError) {
    let bytes = Array(text.utf8)
    // toml++ skips a byte order mark at the start, so a header may follow it.
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    // The open `[` and `{` of values, innermost last, with their lines.
    var open: [(bracket: UInt8, line: Int)] = []
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
      if startsLine && open.isEmpty && current == UInt8(ascii: "[") {
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
        open.append((current, line))
        index += 1
      case UInt8(ascii: "}") where open.last?.bracket == UInt8(ascii: "["):
        let opened = open[open.count - 1].line
        throw ConfigError(
          file: file, line: line, message: "not valid TOML: '}' where the array opened on line \(opened) needs a value or ']'")
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        _ = open.popLast()
        index += 1
      case 0xC2 where byte(1) == 0x85, 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9):
        // toml++ counts these as whitespace that ends a value but never consumes them.
        let name = current == 0xC2 ? "U+0085 (next line)" : byte(2) == 0xA8 ? "U+2028 (line separator)" : "U+2029 (paragraph separator)"
        throw ConfigError(
          file: file, line: line, message: "not valid TOML: \(name) outside a string; TOML ends lines with LF or CRLF only")
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
