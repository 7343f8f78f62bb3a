import Foundation
import Testing

@testable import MentorMatch

/// The heap's step is set through glibc's mallopt(3), which accepts it.
@Suite struct ProcessHeapTests {
  /// Under AddressSanitizer its own allocator stands in for glibc's, and its
  /// mallopt refuses every setting (compiler-rt returns 0 or -1, never 1):
  /// the run then goes on with the defaults, as `growInLargeSteps` says, so
  /// there only the asking is run. ThreadSanitizer leaves mallopt to glibc.
  private static let allocatorIsGlibcs = ProcessInfo.processInfo.environment["MENTORMATCH_SANITIZER"] != "address"

  @Test func theCLibraryAcceptsTheTopPad() {
    #expect(ProcessHeap.topPadMiB == 16)
    let accepted = ProcessHeap.growInLargeSteps()
    // Asking again is harmless: the same setting.
    let acceptedAgain = ProcessHeap.growInLargeSteps()
    if Self.allocatorIsGlibcs {
      #expect(accepted)
      #expect(acceptedAgain)
    }
  }
}
