import Foundation
import Testing

@testable import MentorMatch

private let header = "id,given_name,family_name,email,role,grade,department,profession,location,skills_offered,skills_wanted,capacity,cohort,line_manager_email,consent,signed_up_at"

private func row(
  id: String = "P1", given: String = "Ann", email: String = "ann@example.gov.uk", role: String = "mentee",
  grade: String = "HEO", capacity: String = "", consent: String = "yes", signedUp: String = "2026-11-01",
  manager: String = "", cohort: String = ""
) -> String {
  "\(id),\(given),Smith,\(email),\(role),\(grade),Home Office,Policy,Leeds,,Python,\(capacity),\(cohort),\(manager),\(consent),\(signedUp)"
}

private func settings(_ extra: String = "") throws -> InputSettings {
  let toml = """
    [input]
    max_reject_share = 1.0
    [[input.files]]
    path = "a.csv"
    \(extra)
    """
  return try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
}

private func ingest(_ lines: [String], settings: InputSettings? = nil) throws -> IngestResult {
  let settings = try settings ?? MentorMatchTests_settings()
  return try SignupIngest.read(settings: settings) { file throws(CSVError) in
    CSVReader(bytes: Array(lines.joined(separator: "\r\n").utf8), name: file.name, options: settings.csv)
  }
}

private func MentorMatchTests_settings() throws -> InputSettings { try settings() }

@Suite struct SignupValidatorTests {
  @Test func acceptsAGoodRow() throws {
    let result = try ingest([header, row()])
    #expect(result.signups.count == 1)
    let signup = try #require(result.signups.first)
    #expect(signup.id == "P1")
    #expect(signup.role == .mentee)
    #expect(signup.grade == "HEO")
    #expect(signup.gradeIndex == 3)
    #expect(signup.cohort == "general")
    #expect(signup.menteeCapacity == 1)
    #expect(signup.mentorCapacity == 0)
    #expect(signup.signedUpAt == "2026-11-01T00:00:00Z")
    #expect(signup.source == RecordLocation(file: "a.csv", fileIndex: 0, line: 2, record: 1))
    #expect(signup.displayName == "Ann Smith")
  }

  /// The display name leaves out an empty part and its space, as every
  /// email's `To` and every match notice show it.
  @Test(arguments: [
    ("Ann", "Smith", "Ann Smith"), ("Ann", "", "Ann"), ("", "Smith", "Smith"), ("", "", ""),
    ("Zoë", "O’Brien", "Zoë O’Brien"), (" ", "Smith", "  Smith"),
  ])
  func displayNameJoinsTheNonEmptyParts(given: String, family: String, shown: String) {
    #expect(Signup.displayName(given: given, family: family) == shown)
  }

  @Test(arguments: [
    (row(given: ""), RejectReason.missingField, "given_name"),
    (row(email: ""), .missingField, "email"),
    (row(role: "sponsor"), .unknownRole, "role"),
    (row(grade: "G8"), .unknownGrade, "grade"),
    (row(email: "ann.example.gov.uk"), .badEmail, "email"),
    (row(email: "ann@@example.gov.uk"), .badEmail, "email"),
    (row(email: "a..b@example.gov.uk"), .badEmail, "email"),
    (row(email: String(repeating: "a", count: 65) + "@example.gov.uk"), .badEmail, "email"),
    (row(manager: "boss-at-example"), .badEmail, "line_manager_email"),
    (row(role: "mentor", capacity: "-1"), .badCapacity, "capacity"),
    (row(role: "mentor", capacity: "99999999999999999999"), .badCapacity, "capacity"),
    (row(role: "mentor", capacity: "two"), .badCapacity, "capacity"),
    (row(consent: "no"), .noConsent, "consent"),
    (row(consent: ""), .noConsent, "consent"),
    (row(signedUp: "31/02/2026"), .badDate, "signed_up_at"),
    (row(given: "Eve\u{0B}"), .controlCharacter, "given_name"),
    (row() + ",extra", .raggedRow, ""),
    ("P1,Ann", .raggedRow, ""),
  ])
  func rejectsWithAReason(_ line: String, _ reason: RejectReason, _ field: String) throws {
    // With a line break after the row: a short last row without one is a file cut short.
    let result = try ingest([header, line, ""])
    #expect(result.signups.isEmpty)
    let rejected = try #require(result.rejected.first)
    #expect(rejected.reason == reason)
    #expect(rejected.problems[0].field == field)
    #expect(rejected.location.line == 2)
  }

  @Test func collectsEveryProblemOfARow() throws {
    let result = try ingest([header, row(email: "bad", grade: "G8", consent: "no")])
    #expect(result.rejected[0].problems.map(\.reason) == [.badEmail, .unknownGrade, .noConsent])
  }

  @Test func messagesLeaveOutTheAddress() throws {
    let result = try ingest([header, row(email: "secret-person@@x.gov.uk")])
    #expect(!result.rejected[0].problems[0].message.contains("secret-person"))
  }

  @Test func gradesMatchAliasesAndCase() throws {
    let result = try ingest([header, row(id: "a", email: "a@x.gov.uk", grade: "Grade 7"), row(id: "b", email: "b@x.gov.uk", grade: "heo")])
    #expect(result.signups.map(\.grade) == ["G7", "HEO"])
  }

  @Test func latestSignupWinsAndEarlierOnesAreSuperseded() throws {
    let result = try ingest([
      header,
      row(id: "P1", email: "ann@x.gov.uk", signedUp: "2026-11-03"),
      row(id: "P1", email: "ann@x.gov.uk", signedUp: "2026-11-05"),
      row(id: "P2", email: "ANN@x.gov.uk", signedUp: "2026-11-04"),
    ])
    #expect(result.signups.count == 1)
    #expect(result.signups[0].source.line == 3)
    #expect(result.superseded.map(\.location.line) == [2, 4])
    #expect(result.superseded.allSatisfy { $0.reason == .superseded })
  }

  @Test func sameTimeLaterLineWins() throws {
    let result = try ingest([header, row(given: "First"), row(given: "Second")])
    #expect(result.signups.map(\.givenName) == ["Second"])
  }

  @Test func derivesAStableIDFromTheEmail() throws {
    let result = try ingest([header, row(id: "", email: "Ann@Example.gov.uk")])
    #expect(result.signups[0].id == SignupValidator.derivedID(email: "ann@example.gov.uk"))
    #expect(result.signups[0].id.hasPrefix("e-"))
    #expect(!result.signups[0].id.contains("ann"))
  }

  @Test func everyRecordIsAccountedFor() throws {
    var lines = [header]
    for index in 0..<60 {
      switch index % 6 {
      case 0: lines.append(row(id: "x\(index)", email: "bad"))
      case 1: lines.append(row(id: "dup", email: "dup@x.gov.uk"))
      case 2: lines.append("broken,\"row\"x")
      default: lines.append(row(id: "ok\(index)", email: "ok\(index)@x.gov.uk"))
      }
    }
    let result = try ingest(lines)
    #expect(result.recordsRead == 60)
    #expect(result.signups.count + result.rejected.count + result.superseded.count == 60)
    #expect(result.superseded.count == 9)
  }

  @Test func tooManyRejectsStopsTheRun() throws {
    let strict = try settings("[input.columns]\nlocation = \"location\"").with(maxRejectShare: 0.2)
    #expect(throws: IngestError.tooManyRejects(rejected: 1, read: 2, limit: 0.2)) {
      _ = try ingest([header, row(), row(id: "b", email: "bad")], settings: strict)
    }
  }

  @Test func missingRequiredColumnIsAFileError() throws {
    #expect(throws: IngestError.self) {
      _ = try ingest(["id,given_name,email,role", "1,Ann,ann@x.gov.uk,mentee"])
    }
  }

  /// A consent header the config names must be in the export: without it
  /// every row passed as consenting. The default header may be absent (the
  /// form collected consent elsewhere), and `consent = ""` says so outright.
  @Test func aMappedConsentColumnThatIsAbsentIsAFileError() throws {
    let noConsent = ["id,given_name,email,role,grade", "1,Ann,ann@x.gov.uk,mentee,HEO"]
    let mapped = try settings("[input.columns]\nconsent = \"Consent given\"")
    #expect(
      throws: IngestError.missingNamedColumn(
        file: "a.csv", field: "consent", header: "Consent given", table: "input.columns", required: true, delimiterHint: nil)
    ) {
      _ = try ingest(noConsent, settings: mapped)
    }
    #expect(try ingest(noConsent).signups.count == 1)
    #expect(try ingest(noConsent, settings: settings("[input.columns]\nconsent = \"\"")).signups.count == 1)
    let withColumn = try ingest(
      ["id,given_name,email,role,grade,Consent given", "1,Ann,ann@x.gov.uk,mentee,HEO,no"], settings: mapped)
    #expect(withColumn.rejected.map(\.reason) == [.noConsent])
  }

  /// Any header `[input.columns]` names must be in the export: a renamed
  /// `Dept` column left every row's department empty, and the rules misfired
  /// with no warning. Fields left at their default header may still be absent
  /// when optional, and `""` says the export has no such column.
  @Test func aMappedColumnThatIsAbsentIsAFileError() throws {
    let renamed = ["id,given_name,email,role,grade,Department name", "1,Ann,ann@x.gov.uk,mentee,HEO,Home Office"]
    let mapped = try settings("[input.columns]\ndepartment = \"Dept\"")
    do {
      _ = try ingest(renamed, settings: mapped)
      Issue.record("expected an error")
    } catch {
      #expect(
        error as? IngestError == .missingNamedColumn(
          file: "a.csv", field: "department", header: "Dept", table: "input.columns", required: false, delimiterHint: nil))
      #expect(
        "\(error)"
          == "a.csv:1: missing column 'Dept' for field 'department' (named in [input.columns]; map it to \"\" if the export has no such column)")
      #expect((error as? IngestError)?.exitStatus == .dataError)
    }
    // Named, but the config spells it as the default header: still required.
    #expect(throws: IngestError.self) {
      _ = try ingest(renamed, settings: settings("[input.columns]\ndepartment = \"department\""))
    }
    #expect(try ingest(renamed).signups.first?.department == "")
    #expect(try ingest(renamed, settings: settings("[input.columns]\ndepartment = \"\"")).signups.count == 1)
    let found = try ingest(renamed, settings: settings("[input.columns]\ndepartment = \"department  NAME\""))
    #expect(found.signups.first?.department == "Home Office")

    // A required field the config names says where the header came from.
    do {
      _ = try ingest(renamed, settings: settings("[input.columns]\nemail = \"Work email\""))
      Issue.record("expected an error")
    } catch {
      #expect("\(error)" == "a.csv:1: missing column 'Work email' for required field 'email' (named in [input.columns])")
    }
  }

  /// An `[input.extra]` column is read by rules as the mapped fields are:
  /// a file of both sides without it is refused. Files of one role (split
  /// exports) may hold only their side's extra columns and skills, as long
  /// as some file of the export has each extra column.
  @Test func anExtraColumnThatIsAbsentIsAFileErrorUnlessTheFileHasOneRole() throws {
    let lines = ["id,given_name,email,role,grade", "1,Ann,ann@x.gov.uk,mentee,HEO"]
    do {
      _ = try ingest(lines, settings: settings("[input.extra]\nteam = \"Team\""))
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)"
          == "a.csv:1: missing column 'Team' for extra field 'team' (named in [input.extra]; remove it there if the export has no such column)")
    }
    #expect(try ingest(lines, settings: settings("[input.extra]\nteam = \"\"")).signups.count == 1)

    func split(_ role: String, _ extra: String) throws -> InputSettings {
      let toml = "[input]\n[[input.files]]\npath = \"a.csv\"\nrole = \"\(role)\"\n\(extra)"
      return try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
    }
    // A file of one side passes the per-file check; but when no file of the
    // export has the column at all (here the only file), the export is refused
    // (`LGBTNetworkConfigTests` has two files, each with its side's columns).
    let oneSide = ["given_name,email,grade", "Ann,ann@x.gov.uk,HEO"]
    for role in ["mentee", "mentor"] {
      #expect(throws: IngestError.extraColumnInNoFile(files: ["a.csv"], field: "team", header: "Team")) {
        _ = try ingest(oneSide, settings: split(role, "[input.extra]\nteam = \"Team\""))
      }
    }
    #expect(try ingest(oneSide, settings: split("mentee", "[input.extra]\nteam = \"\"")).signups.count == 1)
    #expect(try ingest(["given_name,email,grade,Team", "Ann,ann@x.gov.uk,HEO,Ops"], settings: split("mentee", "[input.extra]\nteam = \"Team\"")).signups.count == 1)
    #expect(throws: IngestError.self) { _ = try ingest(oneSide, settings: split("both", "[input.extra]\nteam = \"Team\"")) }
    let skills = "[input.columns]\nskills_offered = \"Offers\"\nskills_wanted = \"Wants\"\nrole = \"Role\""
    #expect(throws: IngestError.self) { _ = try ingest(oneSide, settings: split("mentee", skills)) }
    #expect(throws: IngestError.self) { _ = try ingest(oneSide, settings: split("mentor", skills)) }
    #expect(try ingest(["given_name,email,grade,Wants", "Ann,ann@x.gov.uk,HEO,SQL"], settings: split("mentee", skills)).signups.count == 1)
    #expect(try ingest(["given_name,email,grade,Offers", "Ann,ann@x.gov.uk,HEO,SQL"], settings: split("mentor", skills)).signups.count == 1)
    #expect(throws: IngestError.self) {
      _ = try ingest(["given_name,email,grade,Wants", "Ann,ann@x.gov.uk,HEO,SQL"], settings: split("both", skills))
    }
  }

  @Test func semicolonFileWithCommaConfigSaysSo() throws {
    let semicolons = header.replacingOccurrences(of: ",", with: ";")
    do {
      _ = try ingest([semicolons, row().replacingOccurrences(of: ",", with: ";")])
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".contains("set input.delimiter"))
      #expect("\(error)".hasPrefix("a.csv:1:"))
    }
  }

  @Test func emptyFileIsAnError() throws {
    #expect(throws: IngestError.emptyFile(file: "a.csv")) { _ = try ingest([]) }
  }

  /// An export copied while it is still being written stops mid-row: its
  /// last record is short and has no line break after it. Matching the rows
  /// before it would match part of the export, so the file is refused.
  @Test func anExportCutShortMidRowIsAFileError() throws {
    let cut = String(row(id: "P2").prefix(34))  // "P2,Ann,Smith,ann@example.gov.uk,me"
    #expect(throws: IngestError.cutShort(file: "a.csv", line: 3, fields: 5, width: 16)) {
      _ = try ingest([header, row(), cut])
    }
    let error = IngestError.cutShort(file: "a.csv", line: 3, fields: 5, width: 16)
    #expect(error.exitStatus == .dataError)
    #expect(error.description.hasPrefix("a.csv:3: the file ends in the middle of this record (5 fields of 16, no line break after it)"))
    // The same short row with a line break after it is a whole row that is ragged: rejected, and the run goes on.
    let ragged = try ingest([header, row(), cut, ""])
    #expect(ragged.signups.count == 1)
    #expect(ragged.rejected.map(\.problems.first?.reason) == [.raggedRow])
    // A whole last row without a line break is read as usual.
    #expect(try ingest([header, row(), row(id: "P2", email: "bo@example.gov.uk")]).signups.count == 2)
  }

  @Test func aFileCutShortIsToldFromItsLastByte() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (text, ends) in [("a,b\n1,2\n", true), ("a,b\r\n1,2\r", true), ("a,b\n1,", false), ("", true)] {
      let path = folder.appendingPathComponent("x.csv").path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      // A tiny chunk, so the last byte is in a later read than the first.
      let reader = try CSVReader(path: path, options: CSVReadOptions(chunkSize: 3))
      try reader.forEachRowView { _ in }
      #expect(reader.endsWithLineBreak == ends, "\(text.debugDescription)")
      let inMemory = CSVReader(bytes: Array(text.utf8), name: "x.csv", options: CSVReadOptions(chunkSize: 3))
      try inMemory.forEachRowView { _ in }
      #expect(inMemory.endsWithLineBreak == ends, "\(text.debugDescription)")
    }
  }

  @Test func fixedRolePerFile() throws {
    let toml = """
      [input]
      [[input.files]]
      path = "mentors.csv"
      role = "mentor"
      [input.columns]
      given_name = "first name"
      email = "email address"
      department = "organisation"
      [input.extra]
      characteristics = "characteristics"
      """
    let settings = try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
    let result = try ingest(
      ["first name,last name,email address,grade,organisation,characteristics", "Sam,Lee,sam@x.gov.uk,Grade 7,Home Office,\"Gay, Non-binary\""],
      settings: settings)
    let signup = try #require(result.signups.first)
    #expect(signup.role == .mentor)
    #expect(signup.department == "Home Office")
    #expect(signup.extra["characteristics"] == "Gay, Non-binary")
    #expect(signup.mentorCapacity == 2)
  }
}

extension InputSettings {
  fileprivate func with(maxRejectShare: Double) -> InputSettings {
    var copy = self
    copy.maxRejectShare = maxRejectShare
    return copy
  }
}
