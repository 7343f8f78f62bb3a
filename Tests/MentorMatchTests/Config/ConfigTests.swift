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

  @Test(arguments: [
    (minimal + "\nsurprise = 1", "m.toml: input.files[0].surprise: unknown key"),
    (minimal + "\n[input.columns]\nemial = \"x\"", "m.toml: input.columns.emial: unknown field"),
    (minimal + "\n[programme]\nname = 3", "m.toml: programme.name: expected a string, got an integer"),
    (minimal + "\n[programme]\nname = [3]", "m.toml: programme.name: expected a string, got an array"),
    (minimal + "\n[programme]\nname = 1.5", "m.toml: programme.name: expected a string, got a floating-point number"),
    (minimal.replacingOccurrences(of: "[input]", with: "[input]\nmax_reject_share = 2"), "m.toml: input.max_reject_share: 2.0 is out of range"),
    (minimal.replacingOccurrences(of: "[input]", with: "[input]\nencoding = \"latin9\""), "m.toml: input.encoding: unknown value 'latin9'"),
    (minimal.replacingOccurrences(of: "[input]", with: "[input]\ndelimiter = \";;\""), "m.toml: input.delimiter: expected one character"),
    (minimal + "\n[grades]\norder = []", "m.toml: grades.order: the grade order is empty"),
    (minimal + "\n[grades]\norder = [\"A\"]\n[grades.aliases]\nB = \"C\"", "m.toml: grades.order: alias 'B' names unknown grade 'C'"),
    (minimal + "\n[capacity]\nmentor_default = 9\nmentor_max = 5", "m.toml: capacity.mentor_default: 9 is out of range"),
    ("[input]\n", "m.toml: input.files: no export files"),
    ("", "m.toml: input: missing section"),
    ("[input\n", "m.toml:1: not valid TOML"),
    (minimal + "\n[[input.files]]\nrole = \"mentor\"", "m.toml: input.files[1].path: missing"),
    (minimal + "\n[[input.files]]\npath = \"b.csv\"\nrole = \"boss\"", "m.toml: input.files[1].role: unknown role 'boss'"),
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
}
