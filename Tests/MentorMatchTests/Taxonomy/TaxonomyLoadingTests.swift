import Foundation
import Testing
@testable import MentorMatch

@Suite struct TaxonomyLoadingTests {
  @Test func loadsConceptsLabelsAndHierarchy() throws {
    let taxonomy = try TaxonomyFixture.smallTaxonomy()
    #expect(taxonomy.concepts.count == 22)
    #expect(taxonomy.concepts.map(\.id) == taxonomy.concepts.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(taxonomy.broader["skill:agile-lean"] == ["skill:agile"])
    #expect(taxonomy.broader["prof:ddat"] == [])
    #expect(taxonomy.preferredLabels["skill:sql"] == "SQL")
    #expect(taxonomy.topLevelGroup(of: "skill:agile-lean") == "prof:project-delivery")
    #expect(taxonomy.level(of: "skill:agile-lean") == 3)
    #expect(taxonomy.ancestors(of: "skill:agile-lean") == ["skill:agile", "prof:project-delivery"])
    #expect(taxonomy.resolve("skill:old-stakeholder-engagement") == "skill:stakeholder-management")
    let stats = taxonomy.statistics
    #expect(stats.deprecated == 1)
    #expect(stats.byLabelKind.map(\.count) == [22, 7, 2])
    #expect(stats.byLevel.map(\.count) == [6, 13, 3])
  }

  /// One broken taxonomy per load-time check, with the message expected.
  static let brokenCases: [(name: String, concepts: String, labels: String, message: String)] = [
    ("duplicate id", "a,Alpha,,skill,active,\na,Alpha two,,skill,active,\n", "",
     "concepts.csv:3: duplicate id 'a' (first at line 2)"),
    ("unknown parent", "a,Alpha,zzz,skill,active,\n", "",
     "concepts.csv:2: 'a' has unknown broader concept 'zzz'"),
    ("cycle", "a,Alpha,b,skill,active,\nb,Beta,c,skill,active,\nc,Gamma,a,skill,active,\n", "",
     "broader cycle: 'a' → 'b' → 'c' → 'a'"),
    ("deprecated without replacement", "a,Alpha,,skill,deprecated,\n", "",
     "concepts.csv:2: deprecated concept 'a' has no replaced_by"),
    ("deprecated with unknown replacement", "a,Alpha,,skill,deprecated,b\n", "",
     "concepts.csv:2: deprecated concept 'a' is replaced by unknown concept 'b'"),
    ("replacement loop", "a,Alpha,,skill,deprecated,b\nb,Beta,,skill,deprecated,a\n", "",
     "concepts.csv:2: deprecated concept 'a': replaced_by chain loops at 'a'"),
    ("labels fold together", "a,Project management,,skill,active,\nb,Programme,,skill,active,\n", "b,PROJECT-management!,alt\n",
     "labels.csv:2: label 'PROJECT-management!' of 'b' folds to 'project management', as does label 'Project management' of 'a'"),
    ("preferred labels fold together", "a,Data Analysis,,skill,active,\nb,data-analysis,,skill,active,\n", "",
     "concepts.csv:3: label 'data-analysis' of 'b' folds to 'data analysis', as does label 'Data Analysis' of 'a'"),
    ("unknown label kind", "a,Alpha,,skill,active,\n", "a,alfa,typo\n",
     "labels.csv:2: unknown label kind 'typo' (known: alt, hidden)"),
    ("label for unknown concept", "a,Alpha,,skill,active,\n", "q,alfa,alt\n",
     "labels.csv:2: label 'alfa' names unknown concept 'q'"),
    ("unknown status", "a,Alpha,,skill,retired,\n", "",
     "concepts.csv:2: unknown status 'retired' (known: active, deprecated)"),
    ("label without letters", "a,Alpha,,skill,active,\n", "a,--,alt\n",
     "labels.csv:2: label '--' of 'a' has no letters or digits"),
  ]

  @Test(arguments: brokenCases.indices)
  func rejectsBrokenTaxonomy(_ index: Int) throws {
    let broken = Self.brokenCases[index]
    var files = ["concepts.csv": TaxonomyFixture.conceptsHeader + broken.concepts]
    if !broken.labels.isEmpty { files["labels.csv"] = TaxonomyFixture.labelsHeader + broken.labels }
    let folder = try TaxonomyFixture.folder(files)
    do {
      _ = try Taxonomy.load(directory: folder)
      Issue.record("\(broken.name): loaded")
    } catch {
      #expect(error.kind == .invalid, "\(broken.name)")
      #expect(error.exitStatus == .dataError)
      #expect(error.description.contains(broken.message), "\(broken.name): \(error.description)")
      #expect(error.description.hasPrefix(folder + "/"), "\(broken.name): \(error.description)")
    }
  }

  @Test func deprecatedAndReplacementMaySharePrefLabel() throws {
    let folder = try TaxonomyFixture.folder([
      "concepts.csv": TaxonomyFixture.conceptsHeader + "a,Alpha,,skill,deprecated,b\nb,Beta,,skill,active,\n",
      "labels.csv": TaxonomyFixture.labelsHeader + "b,alpha,alt\n",
    ])
    let taxonomy = try Taxonomy.load(directory: folder)
    #expect(taxonomy.resolve("a") == "b")
  }

  @Test func missingFolderIsNoInput() {
    #expect(throws: TaxonomyError.self) { try Taxonomy.load(directory: "/nonexistent/taxonomy") }
    do {
      _ = try Taxonomy.load(directory: "/nonexistent/taxonomy")
    } catch {
      #expect(error.kind == .missing)
      #expect(error.exitStatus == .noInput)
      #expect(error.description == "/nonexistent/taxonomy: taxonomy folder not found")
    }
  }

  @Test func missingConceptsFileIsNoInput() throws {
    let folder = try TaxonomyFixture.folder(["labels.csv": TaxonomyFixture.labelsHeader])
    do {
      _ = try Taxonomy.load(directory: folder)
      Issue.record("loaded")
    } catch {
      #expect(error.exitStatus == .noInput)
      #expect(error.description.hasPrefix("\(folder)/concepts.csv: cannot open: No such file or directory"))
    }
  }

  @Test func missingColumnNamesTheHeader() throws {
    let folder = try TaxonomyFixture.folder(["concepts.csv": "id,label\na,Alpha\n"])
    do {
      _ = try Taxonomy.load(directory: folder)
      Issue.record("loaded")
    } catch {
      #expect(error.description == "\(folder)/concepts.csv:1: missing column 'pref_label' (header: 'id', 'label')")
    }
  }

  @Test func reportsEveryProblemInLineOrder() throws {
    let folder = try TaxonomyFixture.folder([
      "concepts.csv": TaxonomyFixture.conceptsHeader + "a,Alpha,x,skill,active,\na,Beta,,skill,active,\nc,Gamma,,skill,deprecated,\n"
    ])
    do {
      _ = try Taxonomy.load(directory: folder)
      Issue.record("loaded")
    } catch {
      #expect(error.problems.map(\.line) == [2, 3, 4])
    }
  }
}
