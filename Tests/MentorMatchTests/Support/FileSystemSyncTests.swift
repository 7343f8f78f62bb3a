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
    #expect(try FileSystemSync.Opened(containing: folder.path).sync() == nil)
    #expect(try FileSystemSync.Opened(containing: file.path).sync() == nil)
    // Opened before the writes, synced after them: the run folder's way.
    let opened = try FileSystemSync.Opened(containing: folder.path)
    try Data("y".utf8).write(to: folder.appendingPathComponent("b.txt"))
    #expect(opened.sync() == nil)
    #expect(opened.sync() == nil, "a descriptor syncs again")
  }

  @Test func aMissingPathIsAnError() {
    #expect(throws: FileSystemSync.Failure.self) { try FileSystemSync.Opened(containing: "/nonexistent/x") }
    do {
      _ = try FileSystemSync.Opened(containing: "/nonexistent/x")
    } catch {
      #expect(error.code == ENOENT)
    }
  }
}
