import Testing
@testable import MentorMatch

@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("E12", "E12"),
    ("Renée O’Brien", "Renée O’Brien"),
    ("\u{1B}[31mX\u{1B}[0m", "\\u{1B}[31mX\\u{1B}[0m"),
    ("a\nb\r\tc", "a\\nb\\r\\tc"),
    ("bell\u{07}del\u{7F}csi\u{9B}", "bell\\u{07}del\\u{7F}csi\\u{9B}"),
    // Trojan Source (CVE-2021-42574): bidi overrides reorder what the terminal shows.
    ("abc\u{202E}fed\u{2066}", "abc\\u{202E}fed\\u{2066}"),
    ("line\u{2028}sep", "line\\u{2028}sep"),
    // A joiner inside an emoji is not a control: left alone.
    ("👩‍💻", "👩‍💻"),
  ])
  func showsControlCharactersAsEscapes(text: String, shown: String) {
    #expect(TerminalText.visible(text) == shown)
  }

  @Test func visibleLinesKeepsTheMessagesOwnLineBreaks() {
    #expect(TerminalText.visibleLines("one \u{1B}[2J\ntwo\r") == "one \\u{1B}[2J\ntwo\\r")
    #expect(TerminalText.visibleLines("plain\nlines\n") == "plain\nlines\n")
  }
}
