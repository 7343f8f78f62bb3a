import Dispatch
import Testing

@testable import MentorMatch

/// Several exports are read side by side, each by a validator of its own,
/// and joined in file order. The result must be exactly that of reading them
/// one after the other: the same sign-ups in the same order, the same
/// rejects and superseded rows, the same counts, the same first error.
@Suite struct ParallelIngestTests {
  /// Settings for `count` files named `part-1.csv`, … in the default template.
  static func settings(files count: Int) throws -> InputSettings {
    let files = (1...count).map { "[[input.files]]\npath = \"part-\($0).csv\"\n" }.joined(separator: "\n")
    let toml = "[input]\ndefault_cohort = \"spring\"\nmax_reject_share = 1.0\n\n" + files
    return try MentorMatchConfig.parse(bytes: Array(toml.utf8), file: "m.toml", baseDirectory: "/tmp").input
  }

  static func read(_ files: [String: [UInt8]], _ settings: InputSettings, concurrency: Int) throws(IngestError) -> IngestResult {
    try SignupIngest.read(settings: settings, concurrency: concurrency) { file throws(CSVError) in
      CSVReader(bytes: files[file.name] ?? [], name: file.name, options: settings.csv)
    }
  }

  /// A synthetic export with bad rows cut into `count` files, with people
  /// who sign up again in a later file, so duplicates cross files.
  static func files(_ count: Int, seed: UInt64) -> [String: [UInt8]] {
    let export = SyntheticExport(settings: SyntheticExportSettings(people: 1_500, seed: seed, cohorts: 2, badRowShare: 0.05))
    var rows = (0..<export.settings.people).map { export.row($0).fields }
    var random = SplitMix64(seed: seed)
    for _ in 0..<60 { rows.append(rows[Int(random.next() % 500)]) }
    var result: [String: [UInt8]] = [:]
    for part in 0..<count {
      var writer = CSVWriter(mode: .plain)
      writer.write(SyntheticExport.header)
      for index in stride(from: part, to: rows.count, by: count) { writer.write(rows[index]) }
      if part == count - 1 {
        // A row that is not UTF-8: rejected as such, not a file error.
        var bad = rows[0]
        bad[1] = "\u{FFFD}"
        writer.write(bad)
      }
      var bytes = writer.bytes
      if part == count - 1, let mark = bytes.lastIndex(of: 0xBD), bytes[mark - 2] == 0xEF {
        bytes.replaceSubrange((mark - 2)...mark, with: [0xFF])
      }
      result["part-\(part + 1).csv"] = bytes
    }
    return result
  }

  @Test(arguments: [2, 3, 5], [1, 2] as [UInt64])
  func sideBySideEqualsOneAfterTheOther(files count: Int, seed: UInt64) throws {
    let settings = try Self.settings(files: count)
    let files = Self.files(count, seed: seed)
    let serial = try Self.read(files, settings, concurrency: 1)
    let parallel = try Self.read(files, settings, concurrency: 4)
    #expect(parallel.files == serial.files)
    #expect(parallel.recordsPerFile == serial.recordsPerFile)
    #expect(parallel.signups == serial.signups)
    #expect(parallel.rejected == serial.rejected)
    #expect(parallel.superseded == serial.superseded)
    // The data really has what the join must get right.
    #expect(!serial.superseded.isEmpty)
    #expect(!serial.rejected.isEmpty)
    #expect(serial.recordsPerFile.count == count)
  }

  /// The join (the first file's validator taking the later ones' sign-ups
  /// by moving them) equals the plain definition: one validator that reads
  /// every file in turn.
  @Test(arguments: [1, 2, 3], [4, 5] as [UInt64])
  func joinEqualsOneValidatorReadingEveryFile(files count: Int, seed: UInt64) throws {
    let settings = try Self.settings(files: count)
    let files = Self.files(count, seed: seed)
    var validator = SignupValidator(settings: settings)
    for file in settings.files {
      validator.begin(file: file)
      try CSVReader(bytes: files[file.name] ?? [], name: file.name, options: settings.csv).forEachRowView { row in
        try validator.consume(row)
      }
      try validator.end()
    }
    let plain = try validator.finish()
    for concurrency in [1, 2] {
      let joined = try Self.read(files, settings, concurrency: concurrency)
      #expect(joined.signups == plain.signups, "seed \(seed), \(count) files, concurrency \(concurrency)")
      #expect(joined.rejected == plain.rejected && joined.superseded == plain.superseded)
      #expect(joined.recordsPerFile == plain.recordsPerFile && joined.files == plain.files)
    }
    #expect(!plain.superseded.isEmpty && !plain.rejected.isEmpty)
  }

  /// Threads taking files from the queue take each exactly once, and the
  /// results come back in file order whoever read them.
  @Test func exportQueueHandsOutEachFileOnce() {
    let queue = ExportQueue(count: 50)
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      while let index = queue.claim() { queue.store(index, .failure(.emptyFile(file: "part-\(index).csv"))) }
    }
    #expect(queue.claim() == nil)
    let names = queue.waitForAll().map { result -> String in
      guard case .failure(.emptyFile(let file)) = result else { return "?" }
      return file
    }
    #expect(names == (0..<50).map { "part-\($0).csv" })
  }

  /// With faults in two files, the first file's fault is the one reported.
  @Test func theFirstFilesErrorComesFirst() throws {
    let settings = try Self.settings(files: 3)
    var files = Self.files(3, seed: 3)
    files["part-2.csv"] = []
    files["part-3.csv"] = Array("no,such,columns\r\n".utf8)
    for concurrency in [1, 4] {
      #expect {
        _ = try Self.read(files, settings, concurrency: concurrency)
      } throws: { error in
        guard let error = error as? IngestError, case .emptyFile(let file) = error else { return false }
        return file == "part-2.csv"
      }
    }
  }
}
