/// Text made safe to show on the admin's terminal.
///
/// Messages quote values typed on the command line or read from an export. A
/// value may hold control characters: an ANSI escape sequence
/// (ECMA-48) that recolours or clears the screen or retitles the window, a
/// carriage return that overwrites the line, a line break that forges a line
/// of its own, or a bidirectional override that reorders what is shown
/// (Trojan Source, CVE-2021-42574). Every such character is written as a
/// visible escape instead, in Swift's own spelling: `\n`, `\r`, `\t`,
/// `\u{1B}`.
public enum TerminalText {
  /// `text` with every control character, line or paragraph separator and
  /// bidirectional formatting character shown as an escape. Text without
  /// them is returned as it is.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u{" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex + "}"
      }
    }
    return out
  }

  /// A message of one or more lines: each line made ``visible(_:)``, the
  /// message's own line breaks (`\n`) kept.
  public static func visibleLines(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }
      .joined(separator: "\n")
  }

  /// C0 and C1 controls and DEL (category Cc), U+2028 and U+2029, and the
  /// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0, 0x2028...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
