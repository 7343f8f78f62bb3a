import Foundation
@testable import MentorMatch

/// Small taxonomies written by the tests themselves.
enum TaxonomyFixture {
  /// The repository root, found from this file's path.
  static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }()

  /// A fresh temporary folder holding the given files.
  static func folder(_ files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mentormatch-taxonomy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder.path
  }

  static let conceptsHeader = "id,pref_label,broader,scheme,status,replaced_by\n"
  static let labelsHeader = "concept_id,label,kind\n"

  /// A small civil-service-like taxonomy covering every cascade stage.
  static let concepts = conceptsHeader + """
    prof:project-delivery,Project delivery,,profession,active,
    skill:project-management,Project management,prof:project-delivery,skill,active,
    skill:programme-management,Programme management,prof:project-delivery,skill,active,
    skill:risk-management,Risk management,prof:project-delivery,skill,active,
    skill:agile,Agile delivery,prof:project-delivery,skill,active,
    skill:agile-lean,Agile and Lean,skill:agile,skill,active,
    prof:ddat,Digital data and technology,,profession,active,
    skill:python,Python,prof:ddat,skill,active,
    skill:sql,SQL,prof:ddat,skill,active,
    skill:c-cpp,C/C++,prof:ddat,skill,active,
    skill:csharp,C#,prof:ddat,skill,active,
    skill:dotnet,.NET,prof:ddat,skill,active,
    skill:data-analysis,Data analysis,prof:ddat,skill,active,
    skill:data-visualisation,Data visualisation,prof:ddat,skill,active,
    beh:behaviours,Behaviours,,behaviour,active,
    beh:communicating,Communicating and influencing,beh:behaviours,behaviour,active,
    skill:stakeholder-management,Stakeholder management,beh:communicating,skill,active,
    skill:organisational-change,Organisational change,beh:behaviours,skill,active,
    skill:old-stakeholder-engagement,Stakeholder engagement (old),beh:communicating,skill,deprecated,skill:stakeholder-management
    skill:policy-analysis,Policy analysis,,skill,active,
    skill:policy-analytics,Policy analytics,,skill,active,
    skill:health-safety,Health and safety,,skill,active,

    """

  static let labels = labelsHeader + """
    skill:project-management,PM,alt
    skill:project-management,proj mgmt,alt
    skill:project-management,project managment,hidden
    skill:stakeholder-management,stakeholder engagement,alt
    skill:stakeholder-management,managing stakeholders,alt
    skill:data-visualisation,data viz,alt
    skill:agile,agile project management,alt
    skill:sql,structured query language,alt
    skill:old-stakeholder-engagement,stakeholder engagment,hidden

    """

  static func smallTaxonomy() throws -> Taxonomy {
    try Taxonomy.load(directory: folder(["concepts.csv": concepts, "labels.csv": labels]))
  }
}
