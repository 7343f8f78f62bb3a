// libFuzzer target: the email writer's header encoding.
//
// The input is split at NUL bytes into a sender display name, a recipient
// display name, a programme name (which the subject template uses), a cohort,
// a match's name and a waiting reason. Whatever they hold, a composed email's
// header block must be 7-bit, CRLF-terminated, with every line either a known
// header field or a folded continuation, no line over 998 octets
// (RFC 5322 §2.1.1, §2.2.3). Composing may refuse a value; it must not crash.
// Built and run by `scripts/fuzz`.
import MentorMatch

private let known: Set<String> = [
  "From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted",
  "X-MentorMatch-Kind", "X-MentorMatch-Run", "Content-Type",
]

private let base: EmailComposer = {
  do {
    let from = try EmailAddress.validate("mentoring@cabinetoffice.gov.uk")
    return try EmailComposer.load(settings: EmailSettings(from: from, fromName: "Mentoring", messageIDDomain: "example.gov.uk"))
  } catch {
    fatalError("fuzz harness composer does not load: \(error)")
  }
}()

private let asOf = EmailTimestamp(year: 2026, month: 11, day: 28, hour: 2)!

private func checkHeaders(_ bytes: [UInt8], _ inputs: [String]) {
  func fail(_ why: String) -> Never { fatalError("\(why) for inputs \(inputs.map { Array($0.utf8) })") }
  var end = bytes.count
  for index in 0..<max(0, bytes.count - 3)
  where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
    end = index + 2
    break
  }
  if end == bytes.count { fail("no blank line after the headers") }
  var line: [UInt8] = []
  var index = 0
  while index < end {
    let byte = bytes[index]
    if byte == 13 {
      guard index + 1 < end, bytes[index + 1] == 10 else { fail("bare CR in headers") }
      if line.count > 998 { fail("header line of \(line.count) octets") }
      if line.first == 32 || line.first == 9 {
        if line.allSatisfy({ $0 == 32 || $0 == 9 }) { fail("whitespace-only continuation line") }
      } else {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
          known.contains(String(decoding: line[..<colon], as: UTF8.self))
        else { fail("unknown header line '\(String(decoding: line, as: UTF8.self))'") }
      }
      line = []
      index += 2
      continue
    }
    if byte == 10 { fail("bare LF in headers") }
    if byte > 0x7E || (byte < 0x20 && byte != 9) { fail("octet \(byte) in headers") }
    line.append(byte)
    index += 1
  }
}

// The one unsafe line libFuzzer needs: it hands the input as a C buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmailHeaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  var parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
  while parts.count < 6 { parts.append("") }
  var settings = base.settings
  settings.fromName = parts[0]
  let composer = EmailComposer(settings: settings, templates: base.templates)
  let match = MatchNotice(
    name: parts[4], role: .mentor, gradeLabel: "Grade 7", department: "HM Treasury", profession: "Policy",
    email: "priya.shah@hmtreasury.gov.uk", reasons: [parts[5]])
  for content in [EmailContent.match([match]), .waiting(reason: parts[5])] {
    let request = EmailRequest(
      recipient: EmailRecipient(displayName: parts[1], address: "zoe.obrien@cabinetoffice.gov.uk", role: .mentee),
      programme: parts[2], cohort: parts[3], runID: "20261128T020000Z-fuzz", asOf: asOf,
      nextSteps: "Meet within two weeks.", content: content)
    guard let email = try? composer.compose(request) else { continue }
    checkHeaders(email.bytes, Array(parts.prefix(6)))
  }
  return 0
}
