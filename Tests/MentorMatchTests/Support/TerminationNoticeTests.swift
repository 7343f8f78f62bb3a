#if os(Linux)
import Dispatch
import Foundation
import Testing
@testable import MentorMatch

/// A SIGTERM once the notice has started is never lost: the notice says so
/// and the process still ends by the signal. The child is this test bundle,
/// re-run with a filter that selects ``TerminationNoticeChild``.
@Suite struct TerminationNoticeTests {
  /// libdispatch registers a signal source on a thread of its own after
  /// `resume()` returns, and on Linux installs its own handler then. The
  /// child registers a source first, so that handler is in before the
  /// notice starts: the order a loaded machine sometimes gave the notice's
  /// own sources, after which a SIG_IGN set by the notice made the kernel
  /// drop every SIGTERM.
  @Test func aSignalStopsTheProcessWhenLibdispatchRegisteredFirst() throws {
    let bundle = try #require(CommandLine.arguments.first { $0.hasSuffix(".xctest") })
    let process = Process()
    process.executableURL = URL(fileURLWithPath: bundle)
    process.arguments = ["--testing-library", "swift-testing", "--filter", "TerminationNoticeChild"]
    process.environment = ProcessInfo.processInfo.environment.merging([TerminationNoticeChild.key: "1"]) { _, new in new }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM, "\(stdout)")
    #expect(stdout.contains("notice: SIGTERM\n"), "\(stdout)")
  }

  @Test func theIgnoredSetIsReadFromTheStatusMask() {
    // SIGINT (2) and SIGQUIT (3): bits 1 and 2; SIGPIPE (13): bit 12.
    let status = "Name:\tmentormatch\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000001006\nSigCgt:\t0000000000000000\n"
    #expect(TerminationNotice.signals("SigIgn", status: status) == [2, 3, 13])
    #expect(TerminationNotice.signals("SigIgn", status: "Name:\tx\n").isEmpty)
    #expect(TerminationNotice.signals("SigIgn", status: nil).isEmpty)
  }
}

/// The child side of ``TerminationNoticeTests``: does nothing unless that
/// suite started this process with ``key`` set.
@Suite struct TerminationNoticeChild {
  static let key = "MENTORMATCH_TEST_CHILD_SIGNAL"

  @Test func signalsItselfAfterTheNoticeStarts() throws {
    guard ProcessInfo.processInfo.environment[Self.key] != nil else { return }
    let earlier = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
    earlier.setEventHandler {}
    earlier.resume()
    // Until the process catches SIGTERM (SigCgt in /proc/self/status): libdispatch's handler is in.
    var waits = 0
    while !catchesSIGTERM() && waits < 2_000 {
      usleep(5_000)
      waits += 1
    }
    try #require(catchesSIGTERM())
    let notice = TerminationNotice { FileHandle.standardOutput.write(Data("notice: \($0)\n".utf8)) }
    withExtendedLifetime((earlier, notice)) {
      // Again every 0.1 s: the notice's own source listens only once
      // libdispatch has registered it, and a signal before that reaches
      // `earlier` alone. The process ends long before the 30 s are up.
      for _ in 0..<300 {
        kill(getpid(), SIGTERM)
        usleep(100_000)
      }
    }
    Issue.record("SIGTERM did not stop the process")
  }

  private func catchesSIGTERM() -> Bool { TerminationNotice.signals("SigCgt").contains(SIGTERM) }
}
#endif
