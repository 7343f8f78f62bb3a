import Foundation
import Testing
@testable import MentorMatch

@Suite struct PrivateFilesTests {
  /// A file where the state or runs folder should be: `mkdir` says only
  /// "exists", and the run went on to fail later on a path inside it
  /// (`runs/.tmp-…: cannot create: Not a directory`), having chmod'ed the file.
  @Test func aFileInTheWayOfAFolderIsNamed() throws {
    let base = makeTemporaryFolder()
    defer { removeFolder(base) }
    let path = base + "/state"
    FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644])
    do {
      try PrivateFiles.makeDirectory(path)
      Issue.record("no error")
    } catch {
      #expect(error.description == "\(path): cannot create: a file of that name is in the way (not a folder)")
      #expect(error.exitStatus == .cannotCreate)
    }
    #expect(mode(of: path) == 0o644, "the file is left as it was")
    #expect(throws: StateError.cannotCreate(path: path, reason: "a file of that name is in the way (not a folder)")) {
      try DurableFile.makeFolders(path + "/runs")
    }
  }

  @Test func anExistingFolderIsMadePrivate() throws {
    let base = makeTemporaryFolder()
    defer { removeFolder(base) }
    let path = base + "/state"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    try PrivateFiles.makeDirectory(path)
    #expect(mode(of: path) == 0o700)
  }
}
