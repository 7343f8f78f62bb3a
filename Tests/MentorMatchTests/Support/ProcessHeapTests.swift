import Testing

@testable import MentorMatch

/// The heap's step is set through glibc's mallopt(3), which accepts it.
@Suite struct ProcessHeapTests {
  @Test func theCLibraryAcceptsTheTopPad() {
    #expect(ProcessHeap.topPadMiB == 16)
    #expect(ProcessHeap.growInLargeSteps())
    // Asking again is harmless: the same setting.
    #expect(ProcessHeap.growInLargeSteps())
  }
}
