import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// The bare-value grammar the config's preflight holds toml++'s input to.
@Suite struct TOMLValueGrammarTests {
  /// Every bare value form of TOML 1.0 (the spec's own examples).
  @Test(arguments: [
    "true", "false", "+99", "42", "0", "-17", "1_000", "5_349_221", "53_49_221", "1_2_3_4_5", "0xDEADBEEF",
    "0xdeadbeef", "0xdead_beef", "0o01234567", "0o755", "0b11010110", "+1.0", "3.1415", "-0.01", "5e+22", "1e06",
    "-2E-2", "6.626e-34", "224_617.445_991_228", "-0.0", "+0.0", "0e0", "inf", "+inf", "-inf", "nan", "+nan", "-nan",
    "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00Z",
    "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999", "1979-05-27", "07:32:00",
    "00:32:00.999999",
  ])
  func acceptsEveryForm(_ token: String) {
    #expect(TOMLValueGrammar.isBareValue(ArraySlice(token.utf8)))
  }

  @Test(arguments: [
    "", "tru", "True", "yes", "1979-05-27 0", "1979-05-27 07", "1979-05-27T07:32", "07:32", "1__0", "_1", "1_", "01",
    "00.5", "0x", "0xG", "+0x1", "0o8", "0b2", "1.", ".5", "1.e5", "1e", "1e+", "1e_5", "+", "-", "infinity", "NaN",
    "1979-05-27T07:32:00+7:00", "1979-05-27T07:32:00.", "1979-5-27", "bare", "1,2",
  ])
  func refusesMalformedTokens(_ token: String) {
    #expect(!TOMLValueGrammar.isBareValue(ArraySlice(token.utf8)))
  }

  /// Python's `tomllib` (TOML 1.0) as an independent oracle over 4,000
  /// tokens mutated from valid ones: the grammar accepts every token tomllib
  /// reads as a bare value, so no valid config is refused; and it accepts
  /// nothing tomllib refuses except dates out of range, which toml++
  /// reports itself.
  @Test func agreesWithPythonsTomllib() throws {
    let seeds = [
      "+99", "1_000", "0xDEAD_beef", "0o755", "0b1101", "3.1415", "-2E-2", "6.626e-34", "224_617.445_991_228", "inf",
      "-nan", "1979-05-27T07:32:00Z", "1979-05-27 00:32:00.999999-07:00", "1979-05-27", "07:32:00.5", "true",
    ]
    let alphabet = Array("0123456789+-_.:eExobTtZz ").map { UInt8(ascii: $0.unicodeScalars.first!) }
    var random = SeededGenerator(seed: 0x70_6d_6c)
    var tokens: [[UInt8]] = seeds.map { Array($0.utf8) }
    while tokens.count < 4_000 {
      var token = Array(seeds.randomElement(using: &random)!.utf8)
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let at = Int.random(in: 0...token.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: token.insert(alphabet.randomElement(using: &random)!, at: at)
        case 1 where at < token.count: token.remove(at: at)
        default: if at < token.count { token[at] = alphabet.randomElement(using: &random)! }
        }
      }
      // A token never starts or ends with a space: toml++ and tomllib both skip or stop there.
      while token.last == UInt8(ascii: " ") { token.removeLast() }
      while token.first == UInt8(ascii: " ") { token.removeFirst() }
      if !token.isEmpty { tokens.append(token) }
    }
    let verdicts = try tomllibVerdicts(tokens.map { String(decoding: $0, as: UTF8.self) })
    // Both sides well represented, so the comparison can fail either way.
    #expect(verdicts.filter { $0 == "value" }.count > 800, "\(verdicts.filter { $0 == "value" }.count) values")
    #expect(verdicts.filter { $0 == "invalid" }.count > 1_500, "\(verdicts.filter { $0 == "invalid" }.count) invalid")
    for (token, verdict) in zip(tokens, verdicts) {
      let ours = TOMLValueGrammar.isBareValue(token[...])
      let text = String(decoding: token, as: UTF8.self)
      switch verdict {
      case "value": #expect(ours, "tomllib reads '\(text)' as a value")
      case "range": continue
      default: #expect(!ours, "tomllib refuses '\(text)' (\(verdict))")
      }
    }
  }

  /// tomllib's verdict per token: `value`, `range` (a date or time out of
  /// range: refused as it is, read with every digit made a 1) or `invalid`.
  private func tomllibVerdicts(_ tokens: [String]) throws -> [String] {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", """
      import json, re, sys, tomllib
      def reads(token):
          try:
              return not isinstance(tomllib.loads("v = " + token)["v"], (str, list, dict))
          except tomllib.TOMLDecodeError:
              return False
      out = []
      for token in json.load(sys.stdin):
          if reads(token):
              out.append("value")
          elif (":" in token or token[4:5] == "-") and reads(re.sub("[0-9]", "1", token)):
              out.append("range")
          else:
              out.append("invalid")
      json.dump(out, sys.stdout)
      """]
    let input = Pipe(), output = Pipe()
    python.standardInput = input
    python.standardOutput = output
    guard (try? python.run()) != nil else { try Test.cancel("skipped: python3 is not available") }
    input.fileHandleForWriting.write(try JSONEncoder().encode(tokens))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    python.waitUntilExit()
    try #require(python.terminationStatus == 0, "python3 with tomllib (3.11 or later) ran")
    let verdicts = try JSONDecoder().decode([String].self, from: data)
    try #require(verdicts.count == tokens.count)
    return verdicts
  }
}
