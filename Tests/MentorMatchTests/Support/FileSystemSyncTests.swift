import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

@Suite struct FileSystemSyncTests {
  @Test func syncsTheFileSystemOfAFolderOrAFile() throws {
    let folder = try Fixtures.temporaryDirectory("syncfs")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("a.txt")
    try Data("x".utf8).write(to: file)
    #expect(FileSystemSync.sync(containing: folder.path) == nil)
    #expect(FileSystemSync.sync(containing: file.path) == nil)
  }

  @Test func aMissingPathIsAnError() {
    #expect(FileSystemSync.sync(containing: "/nonexistent/mentormatch-\(UUID().uuidString)") == ENOENT)
    #expect(throws: StateError.self) { try DurableFile.syncFileSystem(containing: "/nonexistent/x") }
  }
}
