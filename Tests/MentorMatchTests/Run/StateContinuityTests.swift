import Foundation
import Testing
@testable import MentorMatch

/// A database that has lost runs must not be trusted: the run folders tell.
@Suite struct StateContinuityTests {
  /// A runs folder with one run folder (a manifest) per name, an `outbox/`
  /// in those listed as published and the committed mark in those listed as marked.
  private func runsFolder(_ names: [String], published: Set<String> = [], marked: Set<String> = []) throws -> String {
    let runs = makeTemporaryFolder() + "/runs"
    for name in names {
      try FileManager.default.createDirectory(atPath: runs + "/" + name, withIntermediateDirectories: true)
      try Data("{}".utf8).write(to: URL(fileURLWithPath: runs + "/" + name + "/manifest.json"))
      if published.contains(name) {
        try FileManager.default.createDirectory(atPath: runs + "/" + name + "/outbox/new", withIntermediateDirectories: true)
      }
      if marked.contains(name) { try StateContinuity.markCommitted(runFolder: runs + "/" + name) }
    }
    return runs
  }

  @Test func aMissingOrEmptyDatabaseBesideRunFoldersIsRefused() throws {
    let runs = try runsFolder(["20261127T020000Z-aaaa", "20261128T020000Z-bbbb"])
    let database = (runs as NSString).deletingLastPathComponent + "/mentormatch.sqlite"
    let expected = StateError.stateMissing(path: database, runsDirectory: runs, lastRunFolder: "20261128T020000Z-bbbb")
    #expect(throws: expected) { try StateContinuity.checkNotLost(databasePath: database, runsDirectory: runs) }
    FileManager.default.createFile(atPath: database, contents: Data())
    #expect(throws: expected) { try StateContinuity.checkNotLost(databasePath: database, runsDirectory: runs) }
    #expect(expected.exitStatus == .noInput)
    // Nothing is created in its place.
    let settings = StateSettings(
      stateDirectory: (runs as NSString).deletingLastPathComponent, databasePath: database, runsDirectory: runs,
      retentionDays: 90)
    #expect(throws: expected) { _ = try StateStore(settings: settings) }
    #expect(try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int == 0)
  }

  @Test func aFreshStateIsFineWithNoRunFolders() throws {
    let runs = try runsFolder([])
    try FileManager.default.createDirectory(atPath: runs + "/dry-runs/20261127T020000Z-aaaa", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: runs + "/.tmp-20261127T020000Z-aaaa-12", withIntermediateDirectories: true)
    let database = (runs as NSString).deletingLastPathComponent + "/mentormatch.sqlite"
    try StateContinuity.checkNotLost(databasePath: database, runsDirectory: runs)
    try StateContinuity.checkNotLost(databasePath: database, runsDirectory: runs + "/absent")
  }

  @Test func aPublishedRunTheDatabaseDoesNotKnowIsRefused() throws {
    let runs = try runsFolder(
      ["20261126T020000Z-orph", "20261127T020000Z-aaaa", "20261128T020000Z-bbbb", "20261129T020000Z-cccc"],
      published: ["20261127T020000Z-aaaa", "20261128T020000Z-bbbb", "20261129T020000Z-cccc"])
    let expected = StateError.stateBehind(path: "db", runFolder: runs + "/20261129T020000Z-cccc", unknownCount: 2)
    #expect(throws: expected) {
      try StateContinuity.checkNotBehind(knownRunIDs: ["20261127T020000Z-aaaa"], databasePath: "db", runsDirectory: runs)
    }
    #expect(expected.exitStatus == .dataError)
    #expect(expected.description.contains("does not know 2 committed runs"))
    // An unpublished folder the database does not know is a run stopped before its commit.
    try StateContinuity.checkNotBehind(
      knownRunIDs: ["20261127T020000Z-aaaa", "20261128T020000Z-bbbb", "20261129T020000Z-cccc"], databasePath: "db",
      runsDirectory: runs)
  }

  /// Without `[email]` a run has no outbox; the mark its commit leaves tells instead.
  @Test func aMarkedRunTheDatabaseDoesNotKnowIsRefused() throws {
    let runs = try runsFolder(
      ["20261127T020000Z-aaaa", "20261128T020000Z-bbbb", "20261129T020000Z-stop"],
      marked: ["20261127T020000Z-aaaa", "20261128T020000Z-bbbb"])
    let expected = StateError.stateBehind(path: "db", runFolder: runs + "/20261128T020000Z-bbbb", unknownCount: 1)
    #expect(throws: expected) {
      try StateContinuity.checkNotBehind(knownRunIDs: ["20261127T020000Z-aaaa"], databasePath: "db", runsDirectory: runs)
    }
    #expect(expected.description.contains("does not know a committed run (the latest \(runs)/20261128T020000Z-bbbb)"))
    // Marking twice is harmless; the mark is an empty file only the owner can read.
    try StateContinuity.markCommitted(runFolder: runs + "/20261128T020000Z-bbbb")
    let marker = runs + "/20261128T020000Z-bbbb/" + StateContinuity.committedMarker
    let attributes = try FileManager.default.attributesOfItem(atPath: marker)
    #expect(attributes[.size] as? Int == 0)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    try StateContinuity.checkNotBehind(
      knownRunIDs: ["20261127T020000Z-aaaa", "20261128T020000Z-bbbb"], databasePath: "db", runsDirectory: runs)
  }

  /// A run stopped between its commit and its mark, or written before the
  /// mark existed, is marked once the database shows it committed; folders
  /// the database does not know are left as they are.
  @Test func knownRunsAreMarked() throws {
    let runs = try runsFolder(["20261127T020000Z-aaaa", "20261128T020000Z-stop"], marked: [])
    try StateContinuity.markKnown(knownRunIDs: ["20261127T020000Z-aaaa", "20261126T020000Z-gone"], runsDirectory: runs)
    let marker = "/" + StateContinuity.committedMarker
    #expect(FileManager.default.fileExists(atPath: runs + "/20261127T020000Z-aaaa" + marker))
    #expect(!FileManager.default.fileExists(atPath: runs + "/20261128T020000Z-stop" + marker))
    try StateContinuity.markKnown(knownRunIDs: ["20261127T020000Z-aaaa"], runsDirectory: runs)
  }
}
