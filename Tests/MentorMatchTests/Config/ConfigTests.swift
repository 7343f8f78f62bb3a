import Foundation
import Testing

@testable import MentorMatch

private func parse(_ toml: String) throws(ConfigError) -> MentorMatchConfig {
  try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/srv/hr")
}

private let minimal = """
  [input]
  [[input.files]]
  path = "exports/signups.csv"
  """

@Suite struct ConfigTests {
  @Test func resolvesPathsAgainstTheConfigFolder() throws {
    let config = try parse(minimal)
    #expect(config.input.files[0].path == "/srv/hr/exports/signups.csv")
    #expect(config.input.files[0].name == "exports/signups.csv")
  }

  /// Every error names its line: the scan before parsing notes where each
  /// header and key is written, by the path messages use.
  @Test func keyLinesFollowTablesArraysOfTablesAndQuotedKeys() throws {
    let text = """
      # 1
      [input]
      max_reject_share = 0.1
      [[input.files]]
      path = "a.csv"
      [[input.files]]
      path = "b.csv"
      role = "boss"
      [email.leads]
      "Policy 2026" = ["x"]
      'lit.key' = []
      notes = \"\"\"
      fake = 1
      \"\"\"
      [[rules]]
      [[rules]]
      gap = { "3" = 5 }
      [rules.condition]
      field . "sub key" = 2
      """
    let lines = try TOMLPreflight.check(text, file: "m.toml")
    let expected: [(String, Int?)] = [
      ("input", 2), ("input.max_reject_share", 3), ("input.files[0].path", 5), ("input.files[1]", 6),
      ("input.files[1].role", 8), ("input.files[1].capacity", 6), ("email.leads.Policy 2026", 10), ("email.leads.lit.key", 11),
      ("email.leads.notes", 12), ("fake", nil), ("email.leads.fake", 9), ("rules[1].gap.3", 17), ("rules[1].condition", 18),
      ("rules[1].condition.field.sub key", 19), ("rules[0]", 15), ("matching.k", nil),
    ]
    for (path, line) in expected { #expect(lines.line(for: path) == line, "\(path)") }
  }

  @Test(arguments: [
    (minimal + "\nsurprise = 1", "m.toml:4: input.files[0].surprise: unknown key"),
    (minimal + "\n[input.columns]\nemial = \"x\"", "m.toml:5: input.columns.emial: unknown field"),
    (minimal + "\n[programme]\nname = 3", "m.toml:5: programme.name: expected a string, got an integer"),
    (minimal + "\n[programme]\nname = [3]", "m.toml:5: programme.name: expected a string, got an array"),
    (minimal + "\n[programme]\nname = 1.5", "m.toml:5: programme.name: expected a string, got a floating-point number"),
    (minimal.replacingOccurrences(of: "[input]", with: "[input]\nmax_reject_share = 2"), "m.toml:2: input.max_reject_share: 2.0 is out of range"),
    (minimal.replacingOccurrences(of: "[input]", with: "[input]\nencoding = \"latin9\""), "m.toml:2: input.encoding: unknown value 'latin9'"),
    (minimal.replacingOccurrences(of: "[input]", with: "[input]\ndelimiter = \";;\""), "m.toml:2: input.delimiter: expected one character"),
    (minimal + "\n[grades]\norder = []", "m.toml:5: grades.order: the grade order is empty"),
    (minimal + "\n[grades]\norder = [\"A\"]\n[grades.aliases]\nB = \"C\"", "m.toml:5: grades.order: alias 'B' names unknown grade 'C'"),
    (minimal + "\n[capacity]\nmentor_default = 9\nmentor_max = 5", "m.toml:5: capacity.mentor_default: 9 is out of range"),
    ("[input]\n", "m.toml:1: input.files: no export files"),
    ("", "m.toml: input: missing section"),
    ("[input\n", "m.toml:1: not valid TOML"),
    (minimal + "\n[[input.files]]\nrole = \"mentor\"", "m.toml:4: input.files[1].path: missing"),
    (minimal + "\n[[input.files]]\npath = \"b.csv\"\nrole = \"boss\"", "m.toml:6: input.files[1].role: unknown role 'boss'"),
  ])
  func namesTheKeyAtFault(_ toml: String, _ expected: String) {
    do {
      _ = try parse(toml)
      Issue.record("expected an error for \(toml)")
    } catch {
      #expect(error.description.hasPrefix(expected), "\(error.description)")
      #expect(error.exitStatus == .config)
    }
  }

  /// `[grades.aliases]` without `order` adds to the default aliases, all of
  /// them: adding "Grade Seven" once made "Deputy Director" and "Higher
  /// Executive Officer" unknown grades. An alias spelt like a default one
  /// (in another case) replaces it rather than clashing with it.
  @Test func gradeAliasesWithoutAnOrderKeepEveryDefaultAlias() throws {
    let grades = try parse(minimal + "\n[grades.aliases]\n\"Grade Seven\" = \"G7\"\n\"director\" = \"SCS1\"").input.grades
    #expect(grades.order == GradeScale.civilService.order)
    #expect(grades.index(of: "Grade Seven") == grades.index(of: "G7"))
    #expect(grades.index(of: "director") == grades.index(of: "SCS1"))
    for alias in GradeScale.civilServiceAliases.keys.sorted() where alias != "Director" {
      #expect(grades.index(of: alias) == grades.index(of: GradeScale.civilServiceAliases[alias]!), "\(alias)")
    }
    #expect(try parse(minimal).input.grades == .civilService)
  }
}
