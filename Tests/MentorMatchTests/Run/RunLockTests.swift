import Foundation
import Testing
@testable import MentorMatch

@Suite struct RunLockTests {
  @Test func secondTakerIsToldWhoHoldsIt() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let first = try RunLock(stateDirectory: folder, pid: 4242, startedAt: "2026-11-28T02:00:00Z")
    #expect(throws: StateError.lockHeld(path: first.path, holderPID: "4242", holderStartedAt: "2026-11-28T02:00:00Z")) {
      _ = try RunLock(stateDirectory: folder, pid: 1, startedAt: "later")
    }
    let error = StateError.lockHeld(path: first.path, holderPID: "4242", holderStartedAt: "2026-11-28T02:00:00Z")
    #expect(error.exitStatus.rawValue == 75)
    #expect(error.description.contains("pid 4242"))
    first.release()
    let second = try RunLock(stateDirectory: folder, pid: 7, startedAt: "now")
    #expect(second.isHeld)
    let text = try String(contentsOfFile: second.path, encoding: .utf8)
    #expect(text == "pid=7\nstarted=now\n")
  }

  @Test func lockIsReleasedOnDeinit() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    do { _ = try RunLock(stateDirectory: folder, pid: 1, startedAt: "a") }
    _ = try RunLock(stateDirectory: folder, pid: 2, startedAt: "b")
  }

  @Test func lockExcludesAnotherProcess() throws {
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let lock = try RunLock(stateDirectory: folder, pid: getpid(), startedAt: "t")
    // util-linux flock(1) in another process: -n fails at once with status 1.
    let held = try runProcess("/usr/bin/flock", ["-n", "-E", "9", lock.path, "true"])
    #expect(held.status == 9)
    lock.release()
    let free = try runProcess("/usr/bin/flock", ["-n", "-E", "9", lock.path, "true"])
    #expect(free.status == 0)
  }

  @Test func binaryExits75NamingTheHoldersPid() throws {
    let binary = try #require(builtBinary(), "build the mentormatch binary first (swift build)")
    let folder = makeTemporaryFolder()
    defer { removeFolder(folder) }
    let config = (folder as NSString).appendingPathComponent("mentormatch.toml")
    try "[state]\ndir = \"state\"\n[matching]\nalgorithm = \"stable\"\n".write(toFile: config, atomically: true, encoding: .utf8)
    let lock = try RunLock(
      stateDirectory: (folder as NSString).appendingPathComponent("state"), pid: getpid(),
      startedAt: "2026-11-28T02:00:00Z")
    let result = try runProcess(
      binary, ["pairs", "end", "--config", config, "--mentee", "E1", "--mentor", "R1", "--reason", "x"])
    #expect(result.status == 75)
    #expect(result.stderr.contains("pid \(getpid())"))
    #expect(result.stderr.contains("started 2026-11-28T02:00:00Z"))
    lock.release()
    let after = try runProcess(
      binary, ["pairs", "end", "--config", config, "--mentee", "E1", "--mentor", "R1", "--reason", "x"])
    #expect(after.status == 65)
    #expect(after.stderr.contains("no active pair of mentee 'E1' and mentor 'R1'"))
  }
}
