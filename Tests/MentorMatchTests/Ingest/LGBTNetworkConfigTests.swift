import Foundation
import Testing

@testable import MentorMatch

/// The LGBT+ network's config (fixtures/peers/lgbt-network) reads the
/// network's own files unchanged. Its rules block is cut off here: these tests
/// cover the input part only.
@Suite struct LGBTNetworkConfigTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/peers/lgbt-network").path

  static func settings() throws -> InputSettings {
    let text = try String(contentsOfFile: folder + "/mentormatch.toml", encoding: .utf8)
    let input = text.components(separatedBy: "\n").prefix { !$0.contains("BEGIN RULES") }.joined(separator: "\n")
    return try MentorMatchConfig.parse(bytes: Array(input.utf8), file: "mentormatch.toml", baseDirectory: folder).input
  }

  @Test func readsTheNetworksFilesWithFixedRolesAndItsGradeList() throws {
    let settings = try Self.settings()
    #expect(settings.files.map(\.fixedRole) == [.mentor, .mentee])
    #expect(settings.grades.order == ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1", "SCS2", "SCS3", "SCS4"])
    #expect(settings.capacity == {
      var capacity = CapacitySettings()
      capacity.mentorDefault = 3
      capacity.mentorMax = 3
      capacity.menteeDefault = 3
      capacity.menteeMax = 3
      return capacity
    }())

    let mentors = """
      first name,last name,email address,both mentor and mentee,job title,grade,organisation,profession,characteristics,biography
      mentor,000,mentor.000@gov.uk,no,Some role,Grade 7,Department of Truth,DDaT,"Asexual or aromantic, Gay","My name is mentor 000."
      mentor,001,mentor.001@gov.uk,yes,Some role,SCS4,Department of Love,Policy,,"My name is mentor 001. My characteristics is/are . "
      """
    let mentees = """
      first name,last name,email address,both mentor and mentee,job title,grade,organisation,profession,match with similar identity,identity to match,biography
      mentee,000,mentee.000@gov.uk,yes,Some role,AA,Department of Peace,Policy,no,Non-binary,"My name is mentee 000."
      mentee,001,mentee.001@gov.uk,no,Some role,SEO,Department of Virtue,HR,yes,,"My name is mentee 001."
      """
    let files = ["mentors.csv": mentors, "mentees.csv": mentees]
    let result = try SignupIngest.read(settings: settings) { file throws(CSVError) in
      CSVReader(bytes: Array((files[file.name] ?? "").utf8), name: file.name, options: settings.csv)
    }
    #expect(result.rejected.isEmpty)
    let byEmail = Dictionary(uniqueKeysWithValues: result.signups.map { ($0.email, $0) })
    let mentor = try #require(byEmail["mentor.000@gov.uk"])
    #expect(mentor.role == .mentor && mentor.grade == "Grade 7" && mentor.gradeIndex == 5)
    #expect(mentor.department == "Department of Truth" && mentor.profession == "DDaT")
    #expect(mentor.givenName == "mentor" && mentor.familyName == "000")
    #expect(mentor.extra["characteristics"] == "Asexual or aromantic, Gay")
    #expect(mentor.mentorCapacity == 3 && mentor.menteeCapacity == 0)
    #expect(mentor.id == SignupValidator.derivedID(email: "mentor.000@gov.uk"))
    #expect(byEmail["mentor.001@gov.uk"]?.gradeIndex == 10)
    #expect(byEmail["mentor.001@gov.uk"]?.extra["characteristics"] == "")
    let mentee = try #require(byEmail["mentee.000@gov.uk"])
    #expect(mentee.role == .mentee && mentee.gradeIndex == 0 && mentee.menteeCapacity == 3)
    #expect(mentee.extra["identity_to_match"] == "Non-binary")
    #expect(mentee.extra["match_with_similar_identity"] == "no")
    #expect(byEmail["mentee.001@gov.uk"]?.extra["identity_to_match"] == "")
  }

  @Test func acceptsEveryRowOfTheShippedFiles() throws {
    let result = try SignupIngest.read(settings: Self.settings())
    #expect(result.recordsPerFile == [50, 50])
    #expect(result.signups.count == 100)
    #expect(result.signups.filter { $0.role == .mentor }.count == 50)
  }

  /// Each file of one side may lack the other side's extra columns, but a
  /// column no file has (here `characteristics`, renamed in the mentors'
  /// export) is a misnamed column: the run stops instead of reading every
  /// mentor's characteristics as empty.
  @Test func anExtraColumnNoFileHasStopsTheRun() throws {
    let settings = try Self.settings()
    let mentors = "first name,last name,email address,grade,organisation,profession,traits\nm,0,m0@gov.uk,SEO,DfE,Policy,Gay\n"
    let mentees = "first name,last name,email address,grade,organisation,profession,match with similar identity,identity to match\n"
      + "e,0,e0@gov.uk,EO,HMT,Policy,yes,Gay\n"
    let files = ["mentors.csv": mentors, "mentees.csv": mentees]
    #expect(throws: IngestError.extraColumnInNoFile(
      files: ["mentors.csv", "mentees.csv"], field: "characteristics", header: "characteristics")) {
      try SignupIngest.read(settings: settings) { file throws(CSVError) in
        CSVReader(bytes: Array((files[file.name] ?? "").utf8), name: file.name, options: settings.csv)
      }
    }
    #expect(IngestError.extraColumnInNoFile(files: ["mentors.csv", "mentees.csv"], field: "characteristics", header: "characteristics")
      .description == "mentors.csv, mentees.csv: no file has column 'characteristics' for extra field 'characteristics' "
      + "(named in [input.extra]; remove it there if the exports have no such column)")
  }
}
