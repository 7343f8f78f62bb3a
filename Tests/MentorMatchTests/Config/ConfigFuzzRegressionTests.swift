import Testing

@testable import MentorMatch

/// Inputs `scripts/fuzz config` found crashing the config loader, kept as
/// regressions: each must end as a ``ConfigError`` naming file and line.
@Suite struct ConfigFuzzRegressionTests {
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
  ])
  func headerWithoutANameIsAnErrorNotACrash(_ text: String, line: Int) {
    #expect {
      _ = try MentorMatchConfig.parse(bytes: Array(text.utf8), file: "fuzz.toml", baseDirectory: "/tmp")
    } throws: { error in
      guard let error = error as? ConfigError else { return false }
      return error.line == line && "\(error)".hasPrefix("fuzz.toml:\(line): not valid TOML")
    }
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
}
