import Testing

@testable import MentorMatch

@Suite struct ProcessUsageTests {
  /// The CPU clock moves forward with work done, and peak memory covers a
  /// buffer the test has just touched.
  @Test func cpuTimeGrowsWithWorkAndPeakCoversWhatWasTouched() {
    let before = ProcessUsage.cpuSeconds
    var buffer = [UInt8](repeating: 1, count: 64 * 1024 * 1024)
    var sum = 0
    for round in 0..<8 {
      for index in stride(from: 0, to: buffer.count, by: 64) {
        buffer[index] &+= UInt8(truncatingIfNeeded: round)
        sum &+= Int(buffer[index])
      }
    }
    #expect(sum != 0)
    #expect(ProcessUsage.cpuSeconds > before)
    #expect(ProcessUsage.peakMiB >= 64)
  }
}
