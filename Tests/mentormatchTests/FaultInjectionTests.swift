import Foundation
import MentorMatchTestSupport
import Testing

/// A copy of the demo programme in a fresh folder, with its own state.
private struct FaultDemo {
  let folder: URL
  var config: String { folder.appendingPathComponent("mentormatch.toml").path }
  var state: URL { folder.appendingPathComponent("state") }
  var runs: URL { state.appendingPathComponent("runs") }
  var export: URL { folder.appendingPathComponent("signups.csv") }

  init() throws {
    folder = try Fixtures.temporaryDirectory("fault")
    try FileManager.default.copyItem(atPath: Fixtures.path("demo/signups.csv"), toPath: export.path)
    var toml = try String(contentsOfFile: Fixtures.path("demo/mentormatch.toml"), encoding: .utf8)
    toml = toml.replacingOccurrences(of: "dir = \"../../.build/demo-state\"", with: "dir = \"state\"")
    toml = toml.replacingOccurrences(of: "taxonomy = \"../taxonomy\"", with: "taxonomy = \"\(Fixtures.path("taxonomy"))\"")
    try Data(toml.utf8).write(to: URL(fileURLWithPath: config))
  }

  func run(_ asOf: String = "2026-11-27T02:00:00Z") throws -> CommandResult {
    try CommandRunner.run(["run", "--config", config, "--as-of", asOf])
  }

  /// `pairs list` output: the committed pairs, header first.
  func pairs() throws -> String { try CommandRunner.run(["pairs", "list", "--config", config]).stdout }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Runs a system tool, returning its exit status (127 when it cannot start).
@discardableResult
private func tool(_ path: String, _ arguments: [String]) -> Int32 {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return 127 }
  process.waitUntilExit()
  return process.terminationStatus
}

/// Mounts a tmpfs at `path` (root only), or returns why it cannot.
private func mountTmpfs(_ path: String, options: String) -> String? {
  guard geteuid() == 0 else { return "needs root to mount a tmpfs" }
  let status = tool("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
  return status == 0 ? nil : "mount -t tmpfs -o \(options) failed (status \(status)): no mount permission here"
}

/// The header-only `pairs list` output of a state with no committed pairs.
private let noPairs = 1

@Suite(.serialized) struct FaultInjectionTests {
  @Test func readOnlyRunsFolderIsExit73AndCommitsNothing() throws {
    let demo = try FaultDemo()
    defer { demo.remove() }
    try FileManager.default.createDirectory(at: demo.runs, withIntermediateDirectories: true)
    // Root ignores permission bits, so as root the folder becomes a read-only mount.
    var mounted = false
    if geteuid() == 0 {
      if let why = mountTmpfs(demo.runs.path, options: "ro,size=1m") {
        try Test.cancel("skipped: \(why)")
      }
      mounted = true
    } else {
      try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: demo.runs.path)
    }
    defer {
      if mounted { tool("/bin/umount", [demo.runs.path]) }
      try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: demo.runs.path)
    }
    let result = try demo.run()
    #expect(result.exitCode == 73, "\(result.stderr)")
    #expect(result.stderr.contains("runs"), "the message names the folder: \(result.stderr)")
    #expect(result.stderr.contains("cannot create"), "\(result.stderr)")
    if mounted {
      // The system's reason, not Foundation's "The operation could not be completed. The volume is read only."
      #expect(result.stderr.contains("\(demo.runs.path): cannot create: Read-only file system\n"), "\(result.stderr)")
    }
    #expect(!Addresses.found(in: result.stderr), "no addresses in the message")
    #expect(try demo.pairs().split(separator: "\r\n").count == noPairs, "nothing committed")
  }

  @Test func lockedStateDatabaseFailsClearlyAndTheNextRunCatchesUp() throws {
    let demo = try FaultDemo()
    let reference = try FaultDemo()
    defer {
      demo.remove()
      reference.remove()
    }
    #expect(try reference.run().exitCode == 0)
    // Create the database with a dry run (commits nothing), then hold its write lock.
    #expect(try CommandRunner.run(["run", "--config", demo.config, "--as-of", "2026-11-27T02:00:00Z", "--dry-run"]).exitCode == 0)
    let database = demo.state.appendingPathComponent("mentormatch.sqlite").path
    try #require(FileManager.default.fileExists(atPath: database))
    // The holder first commits a no-op write, so the WAL is not empty and
    // opening the store needs no write of its own (the case where the old code
    // ran the whole night and met the lock only at commit). It keeps the lock
    // until its stdin closes: releasing it needs no signal.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = ["python3", "-c", """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1], isolation_level=None)
      db.execute('UPDATE meta SET value = value')
      db.execute('BEGIN EXCLUSIVE')
      print('locked', flush=True)
      sys.stdin.read()
      """, database]
    let out = Pipe()
    let release = Pipe()
    holder.standardOutput = out
    holder.standardInput = release
    guard (try? holder.run()) != nil else {
      try Test.cancel("skipped: python3 is not available to hold the lock")
    }
    defer {
      try? release.fileHandleForWriting.close()
      holder.waitUntilExit()
    }
    let ready = out.fileHandleForReading.availableData
    try #require(String(decoding: ready, as: UTF8.self).contains("locked"), "the holder took the lock")

    let clock = ContinuousClock()
    let start = clock.now
    let locked = try demo.run()
    let waited = clock.now - start
    #expect(locked.exitCode == 75, "\(locked.stderr)")
    #expect(locked.stderr.contains("mentormatch.sqlite: database error"), "\(locked.stderr)")
    #expect(locked.stderr.contains("locked"), "\(locked.stderr)")
    #expect(!Addresses.found(in: locked.stderr), "no addresses in the message")
    // One busy timeout (StateStore.busyTimeout, 10 s) plus start-up, not one
    // per statement; the margin covers a sanitizer build on a loaded machine.
    #expect(waited < .seconds(30), "the locked run gave up after \(waited)")
    #expect(try files(under: demo.runs).keys.allSatisfy { $0.hasPrefix("dry-runs/") }, "no run folder before the lock is known")

    try release.fileHandleForWriting.close()
    holder.waitUntilExit()
    let rerun = try demo.run()
    #expect(rerun.exitCode == 0, "\(rerun.stderr)")
    #expect(try demo.pairs() == (try reference.pairs()), "nothing lost")
    #expect(try files(under: demo.runs).filter { !$0.key.hasPrefix("dry-runs/") }.mapKeys() == (try files(under: reference.runs)).mapKeys())
  }

  @Test func diskFullWhileWritingTheOutboxIsExit74AndTheNextRunPublishesOnce() throws {
    let demo = try FaultDemo()
    let reference = try FaultDemo()
    defer {
      demo.remove()
      reference.remove()
    }
    #expect(try reference.run().exitCode == 0)
    let expected = try files(under: reference.runs)
    // tmpfs charges whole pages; published outbox entries are links to emails/,
    // so they take no pages of their own.
    func pages(_ data: Data) -> Int { (data.count + 4095) / 4096 * 4096 }
    let stored = expected.filter { !$0.key.contains("/outbox/") }
    let emails = stored.filter { $0.key.contains("/emails/") }.values.reduce(0) { $0 + pages($1) }
    try #require(emails > 64 * 1024, "the emails are big enough to fill a small tmpfs")
    // Room for everything but half the emails: the disk fills while they are written.
    let size = stored.values.reduce(0) { $0 + pages($1) } - emails / 2
    try FileManager.default.createDirectory(at: demo.runs, withIntermediateDirectories: true)
    if let why = mountTmpfs(demo.runs.path, options: "size=\(size)") {
      try Test.cancel("skipped: \(why)")
    }
    defer { tool("/bin/umount", [demo.runs.path]) }
    let full = try demo.run()
    #expect(full.exitCode == 74, "\(full.stderr)")
    #expect(full.stderr.contains("/emails/") && full.stderr.contains("I/O error: write failed: No space left on device"), "\(full.stderr)")
    #expect(!Addresses.found(in: full.stderr), "no addresses in the message")
    // The half-written folder is gone: it held personal data, and the full disk's space.
    #expect(try FileManager.default.contentsOfDirectory(atPath: demo.runs.path) == [], "nothing left in the runs folder")

    // The operator frees space; the next run finishes the job exactly once.
    #expect(tool("/bin/mount", ["-o", "remount,size=64m", demo.runs.path]) == 0)
    let rerun = try demo.run()
    #expect(rerun.exitCode == 0, "\(rerun.stderr)")
    let actual = try files(under: demo.runs)
    #expect(actual.mapKeys() == expected.mapKeys())
    for (name, bytes) in expected where actual[name] != bytes { Issue.record("\(name) differs from an uninterrupted run") }
    #expect(try demo.pairs() == (try reference.pairs()))
  }

  @Test func exportTruncatedMidQuoteIsExit65WithFileAndLine() throws {
    let demo = try FaultDemo()
    defer { demo.remove() }
    let bytes = try Data(contentsOf: demo.export)
    // Cut just after the opening quote of a quoted field near the middle.
    let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") && bytes[$0 - 1] == UInt8(ascii: ",") }
    let cut = try #require(quotes.first { $0 > bytes.count / 2 })
    let truncated = bytes.prefix(through: cut + 5)
    try truncated.write(to: demo.export)
    let line = truncated.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
    let result = try demo.run()
    #expect(result.exitCode == 65, "\(result.stderr)")
    #expect(result.stderr.contains("signups.csv:"), "\(result.stderr)")
    #expect(result.stderr.contains(":\(line):") || result.stderr.contains("line \(line)"), "names line \(line): \(result.stderr)")
    #expect(!Addresses.found(in: result.stderr), "no addresses in the message")
    #expect(try demo.pairs().split(separator: "\r\n").count == noPairs, "nothing committed")
  }

  /// An export copied while it is still being written, cut in the middle of
  /// an unquoted row: the short last row is not taken for a ragged row to
  /// reject while the rows before it are matched and emailed.
  @Test func exportCutShortMidRowIsExit65AndCommitsNothing() throws {
    let demo = try FaultDemo()
    defer { demo.remove() }
    let bytes = try Data(contentsOf: demo.export)
    // 40 bytes into the first line past the middle that holds no quote there.
    let starts = bytes.indices.filter { $0 > bytes.count / 2 && bytes[$0 - 1] == UInt8(ascii: "\n") }
    let start = try #require(starts.first { !bytes[$0..<($0 + 40)].contains(UInt8(ascii: "\"")) })
    let truncated = bytes.prefix(upTo: start + 40)
    try truncated.write(to: demo.export)
    let line = truncated.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
    let result = try demo.run()
    #expect(result.exitCode == 65, "\(result.stderr)")
    #expect(result.stderr.contains("mentormatch: signups.csv:\(line): the file ends in the middle of this record ("), "\(result.stderr)")
    #expect(result.stderr.contains("the export looks cut short (still being written?)"), "\(result.stderr)")
    #expect(!Addresses.found(in: result.stderr), "no addresses in the message")
    #expect(try demo.pairs().split(separator: "\r\n").count == noPairs, "nothing committed")
    #expect(!FileManager.default.fileExists(atPath: demo.runs.path), "no run folder")
  }
}

extension Dictionary where Key == String {
  /// The keys, sorted: the set of files, by relative path, for comparisons.
  fileprivate func mapKeys() -> [String] { keys.sorted() }
}
