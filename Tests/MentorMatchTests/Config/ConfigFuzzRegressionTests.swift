import Testing

@testable import MentorMatch

/// Inputs `scripts/fuzz config` found crashing the config loader, kept as
/// regressions: each must end as a ``ConfigError`` naming file and line.
@Suite struct ConfigFuzzRegressionTests {
  /// What loading `text` as `fuzz.toml` says: the error, or nil when it loads.
  private func refusal(_ text: String) -> String? {
    do {
      _ = try MentorMatchConfig.parse(bytes: Array(text.utf8), file: "fuzz.toml", baseDirectory: "/tmp")
      return nil
    } catch {
      return "\(error)"
    }
  }

  /// toml++ asserted (SIGABRT) on a table header with no name after `[`.
  @Test(arguments: [
    ("[input]\nmay_rejecd_share = 0.0\n[[\nms.csv\"\n", 3),
    ("[\n", 1),
    ("[[\n", 1),
    ("  [ \t\n[input]\n", 1),
    ("[programme]\nname = 'x'\n[#comment\n", 3),
    ("[=]\n", 1),
    ("a = 1\r\n[ .x]\r\n", 2),
    ("[", 1),
    ("a = \"open\n[\n", 2),
    ("\u{FEFF}[#", 1),
    ("\u{FEFF} [\n", 1),
  ])
  func headerWithoutANameIsAnErrorNotACrash(_ text: String, line: Int) {
    #expect(refusal(text) == "fuzz.toml:\(line): not valid TOML: a table header needs a name after '['")
  }


  /// The header check looks only where TOML allows a header: these hold a
  /// `[` at the start of a line inside a value and must still parse.
  @Test(arguments: [
    "a = [\n[\n1, 2]\n]\n",
    "a = \"\"\"\n[\n\"\"\"\n",
    "a = '''\n[ #\n'''\n",
    "a = { b = [\n[\n]] }\n",
    "a = \"x\\\"[\" # [\n[b]\n",
    "a = \"\"\"\"\"\"\"\n[c]\n",
  ])
  func bracketsInsideValuesAreNotHeaders(_ text: String) throws {
    _ = try ConfigSection.parse(text, file: "ok.toml", baseDirectory: "/tmp")
  }

  /// toml++ asserted (SIGABRT, in release builds too) on a `}` where an
  /// array expects a value; the CI fuzz smoke found `objective = [}"people"]`.
  @Test(arguments: [
    ("[matching]\nobjective = [}\"people\", \"pairs\"]\n", 2, 2),
    ("a = [}\n", 1, 1),
    ("a = [1, }\n", 1, 1),
    ("a = [ [ } ] ]\n", 1, 1),
    ("a = { b = [ } ] }\n", 1, 1),
    ("a = [ # a comment }\n\n  }\n", 3, 1),
    ("a = [\"}\", '}', \"\"\"\n}\"\"\", ]\nb = [\n}\n", 4, 3),
  ])
  func closingBraceInAnArrayIsAnErrorNotACrash(_ text: String, line: Int, opened: Int) {
    #expect(refusal(text) == "fuzz.toml:\(line): not valid TOML: '}' where the array opened on line \(opened) needs a value or ']'")
  }

  /// Braces that valid TOML holds in and around arrays still parse, to the
  /// values they spell.
  @Test func bracesThatValidTOMLHoldsStillParse() throws {
    let text = """
      a = [{ b = 1 }, { c = [2, 3] }]
      d = { e = [4, { f = 5 }] }
      g = ["}", '}', \"""}\""", '''}''', "\\"}"]  # a comment }
      h = [
        # }
        "i",
      ]
      """
    let root = try ConfigSection.parse(text, file: "ok.toml", baseDirectory: "/tmp")
    #expect(root.keys == ["a", "d", "g", "h"])
    #expect(try root.strings("g") == ["}", "}", "}", "}", "\"}"])
    #expect(try root.strings("h") == ["i"])
  }

  /// toml++ takes U+0085, U+2028 and U+2029 for whitespace that ends a value
  /// but never consumes them, and asserted where an array expects a value.
  @Test(arguments: [
    ("a = [\u{2028}]\n", 1, "U+2028 (line separator)"),
    ("a = 1\nb = [[\u{2029}]]\n", 2, "U+2029 (paragraph separator)"),
    ("a = { b = [\u{85}] }\n", 1, "U+0085 (next line)"),
    ("a = [1,\n\u{2028}]\n", 2, "U+2028 (line separator)"),
    ("\u{2028}a = 1\n", 1, "U+2028 (line separator)"),
  ])
  func unicodeLineBreaksOutsideStringsAreAnErrorNotACrash(_ text: String, line: Int, name: String) {
    #expect(refusal(text) == "fuzz.toml:\(line): not valid TOML: \(name) outside a string; TOML ends lines with LF or CRLF only")
  }

  /// Inside strings and comments they are text, and a byte order mark may
  /// precede the first header.
  @Test func unicodeLineBreaksInStringsAndCommentsStillParse() throws {
    let text = "\u{FEFF}[a] # \u{2028}\nb = [\"\u{2028}\", '\u{85}', \"\"\"\u{2029}\"\"\"]  # \u{2029}\n"
    let root = try ConfigSection.parse(text, file: "ok.toml", baseDirectory: "/tmp")
    #expect(try root.section("a")?.strings("b") == ["\u{2028}", "\u{85}", "\u{2029}"])
  }

  /// toml++ read a date, a space and one digit on as a date-time past the
  /// value's end and asserted; every bare value is now held to TOML's grammar
  /// first, cut where toml++ cuts it.
  @Test(arguments: [
    ("a = 1979-05-27 0\n", 1, "1979-05-27 0"),
    ("a = [1979-05-27 0]\n", 1, "1979-05-27 0"),
    ("x = 1\na = 1979-05-27 0\u{A0}\n", 2, "1979-05-27 0"),
    ("a = { b = 1__0 }\n", 1, "1__0"),
    ("a = [1, 2,\n  three]\n", 2, "three"),
    ("[capacity]\nmentor_max = 3x\n", 2, "3x"),
    ("a = \u{1B}[31m\n", 1, "?[31m"),
  ])
  func malformedBareValuesAreAnErrorNotACrash(_ text: String, line: Int, token: String) {
    #expect(
      refusal(text) == "fuzz.toml:\(line): not valid TOML: '\(token)' is not a number, date, time, true or false (text needs quotes)")
  }

  /// Keys that look like values, and values of every kind, still parse.
  @Test func keysAndValuesOfEveryKindStillParse() throws {
    let text = """
      1979-05-27 = 1
      true = false
      0x10 = [0x10, 1e3, inf, 1979-05-27 07:32:00, 07:32:00, "s", 's', [], {}]
      t = { 1 = 2, "k" = -nan, nested = { deep = [1979-05-27T07:32:00Z] } }
      [table]
      key-1 = +1_000
      """
    let root = try ConfigSection.parse(text, file: "ok.toml", baseDirectory: "/tmp")
    #expect(root.keys == ["0x10", "1979-05-27", "t", "table", "true"])
    #expect(try root.int("1979-05-27") == 1)
    #expect(try root.section("table")?.int("key-1") == 1_000)
  }
}
