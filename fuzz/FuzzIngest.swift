// libFuzzer target: the CSV reader plus sign-up validation.
//
// The fuzz bytes are the export; the settings are fixed (the default column
// template, every reject tolerated) so each input reaches the validator.
// Built and run by `scripts/fuzz`.
import MentorMatch

private let settings: InputSettings = {
  let toml = """
    [input]
    max_reject_share = 1.0
    default_cohort = "general"
    [[input.files]]
    path = "signups.csv"
    """
  do {
    return try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "fuzz.toml", baseDirectory: "/nonexistent").input
  } catch {
    fatalError("fuzz harness settings do not parse: \(error)")
  }
}()

// The one unsafe line libFuzzer needs: it hands the input as a C buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    let result = try SignupIngest.read(settings: settings) { file throws(CSVError) in
      CSVReader(bytes: bytes, name: file.name)
    }
    // The accounting invariant the hostile corpus also checks: no row disappears.
    let accounted = result.signups.count + result.rejected.count + result.superseded.count
    if accounted != result.recordsRead {
      fatalError("accounting: \(accounted) accounted for, \(result.recordsRead) read")
    }
  } catch {
    // An error must render as a message that names where the problem is.
    let message = "\(error)"
    if message.isEmpty { fatalError("empty error message") }
  }
  return 0
}
