import Foundation
import Testing
@testable import MentorMatch

@Suite struct RunFolderWriterTests {
  let files: [String: [UInt8]] = [
    "manifest.json": Array("{}\n".utf8),
    "matches.csv": Array("mentee,mentor\r\nE1,R1\r\n".utf8),
    "inputs/signups.csv": Array("id\r\nE1\r\n".utf8),
    "outbox/new/0001.eml": Array("To: x\r\n\r\nhi\r\n".utf8),
  ]

  @Test func writesPrivateFilesAndFoldersWhateverTheUmask() throws {
    let runs = (makeTemporaryFolder() as NSString).appendingPathComponent("runs")
    defer { removeFolder((runs as NSString).deletingLastPathComponent) }
    let previous = umask(0)
    defer { umask(previous) }
    let writer = RunFolderWriter(runsDirectory: runs, pid: 99)
    #expect(try writer.write(runID: "r1", files: files) == .written)
    let folder = writer.folder(runID: "r1")
    #expect(mode(of: runs) == 0o700)
    #expect(mode(of: folder) == 0o700)
    #expect(mode(of: folder + "/inputs") == 0o700)
    #expect(mode(of: folder + "/outbox/new") == 0o700)
    for path in files.keys {
      #expect(mode(of: folder + "/" + path) == 0o600, "\(path)")
      #expect(FileManager.default.contents(atPath: folder + "/" + path).map { [UInt8]($0) } == files[path])
    }
    // Nothing but the final folder is left in the runs folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == ["r1"])
  }

  /// A write that fails (a full disk, an email that cannot be composed)
  /// leaves no temporary folder: it would hold personal data, and on a
  /// full disk its space, until the next run.
  @Test func aFailedWriteLeavesNoTemporaryFolder() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let writer = RunFolderWriter(runsDirectory: runs, pid: 7, links: (from: "emails", into: ".outbox-new"))
    let failure = StateError.io(path: "emails/2.eml", reason: "write failed: No space left on device")
    #expect(throws: failure) {
      try writer.write(runID: "r1", files: files) { (add) throws(StateError) in
        try add(["emails/1.eml": Array("To: x\r\n\r\nhi\r\n".utf8)])
        throw failure
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == [])
  }

  @Test func identicalRewriteIsANoOpAndDifferentContentIsRefused() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let writer = RunFolderWriter(runsDirectory: runs, pid: 1)
    try writer.write(runID: "r1", files: files)
    #expect(try writer.write(runID: "r1", files: files) == .alreadyPresent)
    // The mark a commit leaves is bookkeeping, not the run's content.
    try StateContinuity.markCommitted(runFolder: writer.folder(runID: "r1"))
    #expect(try writer.write(runID: "r1", files: files) == .alreadyPresent)
    var changed = files
    changed["matches.csv"] = Array("mentee,mentor\r\n".utf8)
    #expect(throws: StateError.runFolderDiffers(path: writer.folder(runID: "r1"))) {
      try writer.write(runID: "r1", files: changed)
    }
    #expect(StateError.runFolderDiffers(path: "x").exitStatus.rawValue == 73)
  }

  @Test func batchesAndTheLastFilesAreWrittenAndComparedLikeTheRest() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let writer = RunFolderWriter(runsDirectory: runs, pid: 1)
    var first = files
    let manifest = first.removeValue(forKey: "manifest.json")!
    let batches: [[String: [UInt8]]] = [["emails/a.eml": [1, 2]], ["emails/b.eml": [3], "emails/c.eml": []]]
    func write(_ batches: [[String: [UInt8]]], last: [String: [UInt8]]) throws -> RunFolderWriter.Outcome {
      try writer.write(runID: "r1", files: first) { (add) throws(StateError) in
        for batch in batches { try add(batch) }
        return last
      }
    }
    #expect(try write(batches, last: ["manifest.json": manifest]) == .written)
    let folder = writer.folder(runID: "r1")
    #expect(DurableFile.files(under: folder) == (Array(files.keys) + ["emails/a.eml", "emails/b.eml", "emails/c.eml"]).sorted())
    #expect(FileManager.default.contents(atPath: folder + "/emails/a.eml") == Data([1, 2]))
    #expect(mode(of: folder + "/emails") == 0o700)
    // The same again is a no-op; a changed batch, a missing batch or a changed last file is refused.
    #expect(try write(batches, last: ["manifest.json": manifest]) == .alreadyPresent)
    #expect(throws: StateError.runFolderDiffers(path: folder)) { try write([["emails/a.eml": [9]]] + batches.dropFirst(), last: ["manifest.json": manifest]) }
    #expect(throws: StateError.runFolderDiffers(path: folder)) { try write(Array(batches.prefix(1)), last: ["manifest.json": manifest]) }
    #expect(throws: StateError.runFolderDiffers(path: folder)) { try write(batches, last: ["manifest.json": []]) }
  }

  /// Files added by name into one folder (a run's emails) are written,
  /// linked and compared exactly as the same files added by path.
  @Test func filesAddedByNameAreWrittenLinkedAndComparedLikeFilesByPath() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let named: [[(name: String, bytes: [UInt8])]] = [[("b.eml", [2]), ("a.eml", [1])], [("c.eml", [])]]
    let writer = RunFolderWriter(runsDirectory: runs, pid: 1, links: (from: "emails", into: ".staged"))
    func write(_ batches: [[(name: String, bytes: [UInt8])]], runID: String = "r1") throws -> RunFolderWriter.Outcome {
      try writer.write(runID: runID, files: ["matches.csv": [0]]) { (add) throws(StateError) in
        for batch in batches { try add(folder: "emails", batch) }
        return ["manifest.json": [7]]
      }
    }
    #expect(try write(named) == .written)
    let folder = runs + "/r1"
    #expect(DurableFile.files(under: folder).filter { !$0.hasPrefix(".staged") } == [
      "emails/a.eml", "emails/b.eml", "emails/c.eml", "manifest.json", "matches.csv",
    ])
    for (name, bytes) in named.joined() {
      #expect(try DurableFile.read("\(folder)/emails/\(name)") == bytes)
      #expect(try DurableFile.read("\(folder)/.staged/\(name)") == bytes)
      #expect(mode(of: "\(folder)/emails/\(name)") == 0o600)
    }
    // The same files by path compare equal; by name, a changed or missing one does not.
    #expect(
      try writer.write(runID: "r1", files: ["matches.csv": [0]]) { (add) throws(StateError) in
        try add(["emails/a.eml": [1], "emails/b.eml": [2], "emails/c.eml": []])
        return ["manifest.json": [7]]
      } == .alreadyPresent)
    #expect(try write(named) == .alreadyPresent)
    #expect(throws: StateError.runFolderDiffers(path: folder)) { try write([[("a.eml", [9])], [("b.eml", [2]), ("c.eml", [])]]) }
    #expect(throws: StateError.runFolderDiffers(path: folder)) { try write([[("a.eml", [1]), ("b.eml", [2])]]) }
    // A name that is not one plain component is refused, named with its folder, and nothing is left.
    for bad in ["x/y.eml", "..", ".", "", "a\u{0}b"] {
      #expect(throws: StateError.badRelativePath(path: "emails/" + bad)) { try write([[(bad, [1])]], runID: "r2") }
    }
    #expect(!FileManager.default.fileExists(atPath: runs + "/r2"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == ["r1"])
  }

  @Test func staleTemporaryFoldersAreRemovedAtTheNextWrite() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    // What a run killed mid-write leaves: a half-filled temporary folder.
    let stale = runs + "/.tmp-r0-123"
    try FileManager.default.createDirectory(atPath: stale + "/inputs", withIntermediateDirectories: true)
    try Data("half".utf8).write(to: URL(fileURLWithPath: stale + "/inputs/signups.csv"))
    let writer = RunFolderWriter(runsDirectory: runs, pid: 1)
    try writer.write(runID: "r1", files: files)
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs) == ["r1"])
  }

  @Test(arguments: ["/etc/passwd", "../escape.csv", "a/../../b", "", "a//b", "./x", ".", "..", "a/", "a/.", "a/..", "a\u{0}b", "/"])
  func pathsThatLeaveTheFolderAreRefused(path: String) throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    #expect(throws: StateError.badRelativePath(path: path)) {
      try RunFolderWriter(runsDirectory: runs, pid: 1).write(runID: "r1", files: [path: []])
    }
    #expect(!FileManager.default.fileExists(atPath: runs + "/r1"))
  }

  /// Files written into the linked folder are hard-linked into the other
  /// one too (one file, two names); a folder written already compares equal
  /// whatever the links.
  @Test func linkedFilesShareTheirBytesAndAreLeftOutOfTheComparison() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let batches: [[String: [UInt8]]] = [
      ["emails/b.eml": [2], "emails/a.eml": [1]], ["emails/c.eml": [3], "report.csv": [9]],
    ]
    let writer = RunFolderWriter(runsDirectory: runs, pid: 1, links: (from: "emails", into: ".staged"))
    func write() throws -> RunFolderWriter.Outcome {
      try writer.write(runID: "r1", files: ["matches.csv": [0]]) { (add) throws(StateError) in
        for batch in batches { try add(batch) }
        return ["manifest.json": [7]]
      }
    }
    #expect(try write() == .written)
    let folder = runs + "/r1"
    for name in ["a.eml", "b.eml", "c.eml"] {
      let stored = try FileManager.default.attributesOfItem(atPath: "\(folder)/emails/\(name)")
      let staged = try FileManager.default.attributesOfItem(atPath: "\(folder)/.staged/\(name)")
      #expect(stored[.systemFileNumber] as? NSNumber == staged[.systemFileNumber] as? NSNumber, "one file, two names")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/.staged").sorted() == ["a.eml", "b.eml", "c.eml"])
    #expect(mode(of: folder + "/.staged") == 0o700)
    #expect(try write() == .alreadyPresent)
  }

  /// Where the file system refuses hard links, the run folder is written
  /// without the staged folder (publishing then copies); any other link
  /// failure fails the write.
  @Test func refusedLinksLeaveNoStagedFolder() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    var writer = RunFolderWriter(runsDirectory: runs, pid: 1, links: (from: "emails", into: ".staged"))
    writer.linkFile = { _, _, _ in
      errno = EXDEV
      return -1
    }
    let files: [String: [UInt8]] = ["emails/a.eml": [1], "emails/b.eml": [2], "matches.csv": [0]]
    #expect(try writer.write(runID: "r1", files: files) == .written)
    #expect(DurableFile.files(under: runs + "/r1") == files.keys.sorted())
    #expect(!FileManager.default.fileExists(atPath: runs + "/r1/.staged"))

    writer.linkFile = { _, _, _ in
      errno = EIO
      return -1
    }
    #expect(throws: StateError.self) { try writer.write(runID: "r2", files: files) }
    #expect(!FileManager.default.fileExists(atPath: runs + "/r2"))
  }

  /// Names that only look like `.` or `..` are plain files, written where they say.
  @Test func dotNamesThatStayInsideAreWritten() throws {
    let runs = makeTemporaryFolder()
    defer { removeFolder(runs) }
    let odd: [String: [UInt8]] = [
      "...": [1], "a/.hidden": [2], "a/..b": [3], ".x/y": [4], "emails/z.eml": [5], "emails/y.eml": [6],
    ]
    try RunFolderWriter(runsDirectory: runs, pid: 1).write(runID: "r1", files: odd)
    #expect(DurableFile.files(under: runs + "/r1") == odd.keys.sorted())
    for (path, bytes) in odd { #expect(try DurableFile.read(runs + "/r1/" + path) == bytes) }
    #expect(mode(of: runs + "/r1/emails/z.eml") == 0o600)
  }

  @Test func unwritableRunsFolderExits73() throws {
    let parent = makeTemporaryFolder()
    defer { removeFolder(parent) }
    try Data().write(to: URL(fileURLWithPath: parent + "/file"))
    // A runs folder beneath a regular file cannot be created.
    #expect {
      try RunFolderWriter(runsDirectory: parent + "/file/runs", pid: 1).write(runID: "r1", files: files)
    } throws: { error in
      (error as? StateError)?.exitStatus == .cannotCreate
    }
  }
}
