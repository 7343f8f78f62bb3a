/// Turns values into RFC 5322 header text: refuses control characters, quotes
/// or encodes display names and subjects, and folds long lines.
///
/// - [RFC 5322 §2.2.3](https://www.rfc-editor.org/rfc/rfc5322#section-2.2.3): folding, lines ≤ 78 where possible, never > 998.
/// - [RFC 5322 §3.2.5](https://www.rfc-editor.org/rfc/rfc5322#section-3.2.5): phrases as atoms or quoted strings.
/// - [RFC 2047](https://www.rfc-editor.org/rfc/rfc2047): encoded-words for non-ASCII text, each ≤ 75 characters.
enum HeaderText {
  /// The longest line we aim for, CRLF excluded.
  static let lineLimit = 78
  /// The longest encoded-word RFC 2047 §2 allows.
  static let encodedWordLimit = 75
  /// An ASCII word longer than this is encoded, so that it can be split.
  static let longestPlainWord = 60

  /// C0 controls (CR, LF, TAB, NUL…), DEL, C1 controls and the Unicode line
  /// and paragraph separators: nothing a header value may hold.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
  }

  /// Throws `unsafeHeaderValue` naming `field` when `value` holds a control character.
  /// `field` is only built for the error: callers name fields by
  /// interpolation, and every email checks a dozen values.
  static func checkSingleLine(_ value: String, field: @autoclosure () -> String) throws(NotifyError) {
    // Every control begins with a byte below 0x20, 0x7F, 0xC2 (C1 controls,
    // C2 80–9F) or 0xE2 (U+2028 and U+2029, E2 80 A8–A9): a value without
    // those, as most names are, needs no decoding.
    // Read through a span: the view's iterator costs more per byte, for every value of every email.
    let bytes = value.utf8.span
    var clean = true
    for index in bytes.indices {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
        clean = false
        break
      }
    }
    if clean { return }
    for scalar in value.unicodeScalars where isControl(scalar) {
      throw .unsafeHeaderValue(field: field(), scalar: scalar.value)
    }
  }

  /// Printable ASCII with no `=?` (which would read as an encoded-word) and
  /// no word longer than ``longestPlainWord``. One pass over the bytes: it
  /// runs for every name and subject.
  static func isPlainASCII(_ text: String) -> Bool {
    var word = 0
    var previous: UInt8 = 0
    for byte in text.utf8 {
      guard byte >= 0x20, byte <= 0x7E, previous != UInt8(ascii: "=") || byte != UInt8(ascii: "?") else { return false }
      word = byte == 0x20 ? 0 : word + 1
      if word > longestPlainWord { return false }
      previous = byte
    }
    return true
  }

  /// The segments of a display name (a `phrase`), ready for ``fold(name:segments:)``.
  /// `firstBudget` is the room left on the first line.
  static func phrase(_ name: String, firstBudget: Int) -> [String] {
    if name.isEmpty { return [] }
    if isPlainASCII(name) {
      let words = name.split(separator: " ", omittingEmptySubsequences: false)
      if words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(EmailAddress.isAtext) }) {
        return words.map(String.init)
      }
      var quoted = "\""
      for char in name {
        if char == "\"" || char == "\\" { quoted.append("\\") }
        quoted.append(char)
      }
      quoted.append("\"")
      return foldableSegments(quoted)
    }
    return encodedWords(name, firstLimit: min(encodedWordLimit, firstBudget))
  }

  /// `text` with its runs of whitespace (as `Character.isWhitespace` has
  /// it) made one space and its ends trimmed: what a rendered subject
  /// becomes. ASCII text is done on bytes.
  static func collapsingWhitespace(_ text: [UInt8]) -> String {
    guard text.allSatisfy({ $0 < 0x80 }) else {
      return String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var space = false
    for byte in text {
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        space = !out.isEmpty
      } else {
        if space { out.append(0x20) }
        space = false
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The segments of an unstructured value such as `Subject`. Runs of
  /// whitespace become one space and the ends are trimmed.
  static func unstructured(_ text: String, firstBudget: Int) -> [String] {
    asciiWords(text) ?? unstructuredByCharacters(text, firstBudget: firstBudget)
  }

  /// ``unstructured(_:firstBudget:)`` on Characters, for any text.
  static func unstructuredByCharacters(_ text: String, firstBudget: Int) -> [String] {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    let collapsed = words.joined(separator: " ")
    if isPlainASCII(collapsed) { return words.map(String.init) }
    return encodedWords(collapsed, firstLimit: min(encodedWordLimit, firstBudget))
  }

  /// ``unstructured(_:firstBudget:)`` of text that comes out plain ASCII
  /// (``isPlainASCII(_:)``) once its runs of spaces and tabs are one space:
  /// its words, split on bytes rather than Characters (a subject in every
  /// email). Nil for any other text, and for text with CR or LF, which the
  /// Character split reads as `"\r\n"` clusters.
  static func asciiWords(_ text: String) -> [String]? {
    var words: [String] = []
    var word = 0
    var previous: UInt8 = 0
    var start: String.UTF8View.Index?
    let utf8 = text.utf8
    var index = utf8.startIndex
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x20 || byte == 0x09 {
        if let first = start { words.append(String(utf8[first..<index])!) }
        start = nil
        word = 0
        previous = 0x20
      } else {
        // As isPlainASCII reads the collapsed text: a word's bytes, one space between words.
        guard byte >= 0x21, byte <= 0x7E, previous != UInt8(ascii: "=") || byte != UInt8(ascii: "?") else { return nil }
        if start == nil { start = index }
        word += 1
        if word > longestPlainWord { return nil }
        previous = byte
      }
      index = utf8.index(after: index)
    }
    if let first = start { words.append(String(utf8[first..<utf8.endIndex])!) }
    return words
  }

  /// Splits at spaces that may become folds: a space followed by a non-space,
  /// after some non-space text, so that no folded line is only whitespace.
  static func foldableSegments(_ text: String) -> [String] {
    var segments: [String] = []
    var current = ""
    var hasVisible = false
    let chars = Array(text)
    for (index, char) in chars.enumerated() {
      if char == " ", hasVisible, index + 1 < chars.count, chars[index + 1] != " " {
        segments.append(current)
        current = ""
        hasVisible = false
        continue
      }
      current.append(char)
      if char != " " { hasVisible = true }
    }
    segments.append(current)
    return segments
  }

  /// Folds `name: segments…` into lines of at most 78 characters where the
  /// segments allow, joining them with CRLF + space. No trailing CRLF.
  static func fold(name: String, segments: [String]) -> String {
    var output = "\(name):"
    var lineLength = output.utf8.count
    for segment in segments {
      let length = segment.utf8.count
      // Fold when the segment does not fit; before the first segment too, when
      // it would fit on a line of its own (a long Message-ID).
      let firstFits = lineLength > name.utf8.count + 1 || 1 + length <= lineLimit
      if lineLength + 1 + length > lineLimit, firstFits {
        output += "\r\n " + segment
        lineLength = 1 + length
      } else {
        output += " " + segment
        lineLength += 1 + length
      }
    }
    return output
  }
}
