// libFuzzer target: the CSV reader plus sign-up validation.
//
// The fuzz bytes are the export; the settings are fixed (the default column
// template, every reject tolerated) so each input reaches the validator.
// The reader also reads the bytes line by line (its reference path) and
// must hand out exactly the same rows, line numbers and error.
// Built and run by `scripts/fuzz`.
@_spi(Reference) import MentorMatch

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

/// Every row a read hands out, and the error that stopped it.
private func rows(_ bytes: [UInt8], _ options: CSVReadOptions) -> ([CSVRow], CSVError?) {
  var rows: [CSVRow] = []
  do {
    try CSVReader(bytes: bytes, name: "signups.csv", options: options).forEachRow { rows.append($0) }
  } catch {
    return (rows, error as? CSVError ?? CSVError(file: "?", kind: .readFailed(reason: "\(error)")))
  }
  return (rows, nil)
}

/// The chunked reader against the line-by-line one, with the delimiter and
/// encoding drawn from the input's length and a record size limit small
/// enough to be hit.
private func compareReaderPaths(_ bytes: [UInt8]) {
  let delimiter: [UInt8] = [0x2C, 0x3B, 0x09]
  let encoding: CSVEncoding = bytes.count % 5 == 4 ? .windows1252 : .utf8
  for limit in [64 * 1024 * 1024, 40] {
    var options = CSVReadOptions(delimiter: delimiter[bytes.count % 3], encoding: encoding, maxRecordBytes: limit)
    let chunked = rows(bytes, options)
    options.lineByLine = true
    let reference = rows(bytes, options)
    if chunked.0 != reference.0 || chunked.1 != reference.1 {
      fatalError("reader paths disagree: chunked \(chunked), line by line \(reference)")
    }
  }
}

// The one unsafe line libFuzzer needs: it hands the input as a C buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  compareReaderPaths(bytes)
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
