// libFuzzer target: a whole night's functional core under a fuzzed config.
//
// The fuzz bytes are the config. A config that parses must take the core
// (ingest, normalise, score, solve, reports, every email composed) to its
// outputs or to an error with a message; a config that parses and then
// traps (a grade-gap `max` of Int.max once did) is a crash here. The
// exports are read from memory: the demo's first 60 sign-ups
// (fixtures/fuzz/config-run-exports/, all three cohorts and every role
// spelling; the whole demo took about 2 s a run at -Onone, near the
// smoke's 10 s timeout for a mutation that multiplies the work) for a
// config with one file, the LGBT+ fixture's 50 mentors and 50 mentees
// (taking turns) for more.
// The taxonomy is always the shipped one, loaded once; the state is empty.
// Runs from the repository root. Built and run by `scripts/fuzz`.
import Foundation
import MentorMatch

private func load(_ path: String) -> [UInt8] {
  guard let data = FileManager.default.contents(atPath: path) else {
    fatalError("fuzz harness: \(path) is missing; run from the repository root")
  }
  return Array(data)
}

private let demoExport = load("fixtures/fuzz/config-run-exports/demo-signups-60.csv")
private let networkExports = [
  load("fixtures/peers/lgbt-network/mentors.csv"), load("fixtures/peers/lgbt-network/mentees.csv"),
]

private let fixed: (taxonomy: Taxonomy, identity: RunIdentity) = {
  do {
    let identity = try RunIdentity(asOf: "2026-11-28T02:00:00Z", digests: [])
    return (try Taxonomy.load(directory: "fixtures/taxonomy"), identity)
  } catch {
    fatalError("fuzz harness: \(error)")
  }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigRun(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let config = try? MentorMatchConfig.parse(bytes: bytes, file: "fuzz.toml", baseDirectory: "/nonexistent"),
    config.input.files.count <= 4
  else { return 0 }
  let files = config.input.files
  do {
    let ingest = try SignupIngest.read(settings: config.input) { (file) throws(CSVError) in
      let index = files.firstIndex(of: file) ?? 0
      return CSVReader(
        bytes: files.count == 1 ? demoExport : networkExports[index % 2], name: file.name, options: config.input.csv)
    }
    let composer = try config.email.map { (settings) throws(NotifyError) in
      let composer = EmailComposer(settings: settings, templates: try EmailTemplateSet(files: [:], folder: "templates"))
      try composer.validate()
      return composer
    }
    let context = RunContext(
      config: config, ingest: ingest, taxonomy: fixed.taxonomy, prior: PriorState(pairs: [], people: [], lastRun: nil),
      toldWaiting: [], identity: fixed.identity, composer: composer, cohort: nil, inputFiles: [], dryRun: false)
    let result = try RunCore.compute(context)
    _ = result.emails.tally()
  } catch {
    if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
  }
  return 0
}
