import Foundation
import MentorMatchTestSupport
import Testing

@_spi(Reference) @testable import MentorMatch

/// What a read hands out: every row delivered before it ended, and the
/// error that stopped it (kind and line), if any.
private struct Outcome: Equatable, CustomStringConvertible {
  var rows: [CSVRow] = []
  var error: CSVError?

  var description: String {
    let lines = rows.map { row -> String in
      switch row {
      case .record(let r): "\(r.line)#\(r.number) \(r.fields)"
      case .malformed(let m): "\(m.line)#\(m.number) <\(m.problem.code) \(m.problem.column)>"
      }
    }
    return (lines + [error.map { "error: \($0)" } ?? "ok"]).joined(separator: "\n")
  }
}

private func outcome(_ make: () throws -> CSVReader) -> Outcome {
  var result = Outcome()
  do {
    try make().forEachRow { result.rows.append($0) }
  } catch let error as CSVError {
    result.error = error
  } catch {
    result.error = CSVError(file: "?", kind: .readFailed(reason: "\(error)"))
  }
  return result
}

/// Hostile CSV built from pieces that break readers: quoted fields holding
/// CR, LF and CRLF, doubled and stray quotes, blank and whitespace-only
/// lines, spaces around quotes, NULs, invalid and valid UTF-8, all three
/// line ends and a lone CR before text.
private func hostileCSV(_ rng: inout SeededGenerator, delimiter: UInt8) -> [UInt8] {
  let d = [delimiter]
  let fields: [[UInt8]] = [
    Array("a".utf8), Array("bc".utf8), [], Array("  x  ".utf8), [0x09, 0x79, 0x09],
    Array("\"q\"".utf8), Array("\"a\r\nb\"".utf8), Array("\"a\nb\rc\"".utf8), Array("\"\r\n\"".utf8),
    Array("\"\r\"".utf8), Array("\"x\"\"y\"".utf8), Array("  \"sp\"  ".utf8), Array("\"\n\n\"".utf8),
    Array("x\"y".utf8), Array("\"a\"b".utf8), Array("\"a\" \"".utf8), Array("\"open".utf8),
    [0x6E, 0x00, 0x6E], [0xFF], [0xC3, 0x28], Array("é".utf8), [0x80, 0x41], Array("\"\r\n\u{0}\"".utf8),
    Array("\"\u{FF}\r\"".utf8),
  ]
  let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0x0D, 0x0A], [0x0A]]
  let blanks: [[UInt8]] = [[], [0x20, 0x20], [0x09], [0x20, 0x0D], [0x0D, 0x20, 0x20]]
  var bytes: [UInt8] = []
  for _ in 0..<Int.random(in: 0...14, using: &rng) {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0:
      bytes += blanks.randomElement(using: &rng)!
    case 1:
      bytes += Array("a\rb".utf8)
    default:
      for column in 0..<Int.random(in: 1...4, using: &rng) {
        if column > 0 { bytes += d }
        bytes += fields.randomElement(using: &rng)!
      }
    }
    if Int.random(in: 0..<12, using: &rng) > 0 { bytes += ends.randomElement(using: &rng)! }
  }
  return bytes
}

/// Bytes drawn from a small alphabet rich in CSV's special characters.
private func randomBytes(_ rng: inout SeededGenerator) -> [UInt8] {
  let alphabet: [[UInt8]] = [
    [0x61], [0x2C], [0x22], [0x22], [0x20], [0x09], [0x0A], [0x0D, 0x0A], [0x0D], [0x00], [0xC3], [0xA9], [0xFF], [0x3B],
  ]
  return (0..<Int.random(in: 0...64, using: &rng)).flatMap { _ in alphabet.randomElement(using: &rng)! }
}

/// Reads `bytes` both ways (line by line and chunked), in memory and from
/// a file in `chunk`-byte reads, and expects the same outcome from all four.
private func expectSameOutcome(_ bytes: [UInt8], options: CSVReadOptions, label: String) throws {
  var lineByLine = options
  lineByLine.lineByLine = true
  // A name of its own per call: parameterised cases run at once and share labels.
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(label)-\(UUID().uuidString).csv").path
  try Data(bytes).write(to: URL(fileURLWithPath: path))
  defer { try? FileManager.default.removeItem(atPath: path) }
  let reference = outcome { CSVReader(bytes: bytes, name: "t.csv", options: lineByLine) }
  let chunked = outcome { CSVReader(bytes: bytes, name: "t.csv", options: options) }
  #expect(chunked == reference, "\(label) in memory\n\(bytes)\nchunked:\n\(chunked)\nline by line:\n\(reference)")
  let fileReference = outcome { try CSVReader(path: path, options: lineByLine) }
  let fileChunked = outcome { try CSVReader(path: path, options: options) }
  #expect(fileChunked == fileReference, "\(label) chunk \(options.chunkSize)\n\(bytes)\nchunked:\n\(fileChunked)\nline by line:\n\(fileReference)")
}

/// Draws reading options: delimiter, encoding, read size and, now and then,
/// a record size limit small enough to be hit.
private func randomOptions(_ rng: inout SeededGenerator) -> CSVReadOptions {
  let delimiter: UInt8 = [UInt8(ascii: ","), UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].randomElement(using: &rng)!
  let encoding: CSVEncoding = Int.random(in: 0..<4, using: &rng) == 0 ? .windows1252 : .utf8
  let limit = Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 0...40, using: &rng) : 64 * 1024 * 1024
  return CSVReadOptions(
    delimiter: delimiter, encoding: encoding, chunkSize: Int.random(in: 1...40, using: &rng), maxRecordBytes: limit)
}

/// The chunked path (whole chunks to libcsv, line ends accounted for from
/// its callbacks) must hand out exactly what the line-by-line path does:
/// the same records and malformed records with the same line and record
/// numbers, and the same error at the same line, whatever the read size.
@Suite struct CSVReaderPathTests {
  @Test(arguments: 0..<8)
  func hostileCSVReadsAlikeBothWays(_ batch: Int) throws {
    for case_ in 0..<150 {
      let seed = UInt64(batch * 1000 + case_)
      var rng = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ 17)
      let options = randomOptions(&rng)
      let bytes = hostileCSV(&rng, delimiter: options.delimiter)
      try expectSameOutcome(bytes, options: options, label: "hostile-\(seed)")
    }
  }

  @Test(arguments: 0..<4)
  func randomBytesReadAlikeBothWays(_ batch: Int) throws {
    for case_ in 0..<150 {
      let seed = UInt64(batch * 1000 + case_)
      var rng = SeededGenerator(seed: seed &+ 77_000)
      let options = randomOptions(&rng)
      let prefix: [UInt8] = Int.random(in: 0..<8, using: &rng) == 0 ? [0xEF, 0xBB, 0xBF] : []
      try expectSameOutcome(prefix + randomBytes(&rng), options: options, label: "random-\(seed)")
    }
  }

  /// More line ends than one piece notes (8,192), with quoted fields
  /// spanning the pieces' seams and a stray quote past them.
  @Test func manyLinesAcrossPieces() throws {
    var text = "id,note\r\n"
    for index in 0..<20_000 {
      switch index % 7 {
      case 0: text += "\(index),\"two\r\nlines\"\r\n"
      case 3: text += "\r\n  \n"
      case 5 where index % 1000 == 5: text += "\(index),bad\"quote\n"
      default: text += "\(index),plain\n"
      }
    }
    for chunk in [256 * 1024, 4096, 97] {
      try expectSameOutcome(Array(text.utf8), options: CSVReadOptions(chunkSize: chunk), label: "pieces-\(chunk)")
    }
  }

  /// Inputs with one kind of line end only, over many pieces: blank lines
  /// (each its own line) and records after them, in memory and in reads.
  @Test(arguments: ["\n", "\r", "\r\n"])
  func oneKindOfLineEndOverManyPieces(_ end: String) throws {
    let text = "h" + end + String(repeating: end, count: 30_000) + "a,b" + end + String(repeating: " " + end, count: 9_000) + "c"
    for chunk in [256 * 1024, 5000] {
      try expectSameOutcome(Array(text.utf8), options: CSVReadOptions(chunkSize: chunk), label: "one-kind-\(chunk)")
    }
    let rows = try CSVReader(bytes: Array(text.utf8), name: "t.csv").readAll()
    #expect(rows.map(\.line) == [1, 30_002, 39_003])
  }

  /// A quoted field with more line breaks than a piece notes, split over many reads.
  @Test func aFieldWithManyLineBreaks() throws {
    let text = "a,b\n1,\"" + String(repeating: "x\r\n", count: 20_000) + "\",2\n3,4\n"
    for chunk in [1000, 64 * 1024] {
      try expectSameOutcome(Array(text.utf8), options: CSVReadOptions(chunkSize: chunk), label: "field-\(chunk)")
      let rows = try CSVReader(bytes: Array(text.utf8), name: "t.csv", options: CSVReadOptions(chunkSize: chunk)).readAll()
      #expect(rows.map(\.line) == [1, 2, 20_003])
    }
  }

  /// Fields are checked a machine word at a time while they are copied:
  /// every length from 0 to 40, with a NUL, a line end, a non-ASCII letter,
  /// an invalid byte or a space at every position, reads as it should.
  @Test(arguments: [[0x00], [0x0A], [0x0D], [0x0D, 0x0A], [0xC3, 0xA9], [0xFF], [0x20], [0x09], [0x7F], [0x0E]] as [[UInt8]])
  func everyFieldLengthWithAByteThatNeedsALookAnywhere(_ special: [UInt8]) throws {
    for length in 0...40 {
      for position in 0...length {
        let field = Array(repeating: UInt8(ascii: "a"), count: length - position) + special
          + Array(repeating: UInt8(ascii: "b"), count: position)
        let bytes = Array("h\n\"".utf8) + field + Array("\",z\nnext\n".utf8)
        for lineByLine in [false, true] {
          var options = CSVReadOptions()
          options.lineByLine = lineByLine
          let rows = try CSVReader(bytes: bytes, name: "t.csv", options: options).readAll()
          let label = "\(special) at \(length - position) of \(length + special.count), line by line: \(lineByLine)"
          let lineEnds = special.contains(0x0D) ? 1 : special == [0x0A] ? 1 : 0
          #expect(rows.map(\.line) == [1, 2, 3 + lineEnds], "\(label)")
          switch (special, rows.count > 1 ? rows[1] : nil) {
          case ([0x00], .malformed(let bad)?): #expect(bad.problem == .nulByte(column: 1), "\(label)")
          case ([0xFF], .malformed(let bad)?): #expect(bad.problem == .invalidUTF8(column: 1), "\(label)")
          case (_, .record(let record)?):
            let text = String(decoding: field, as: UTF8.self)
            #expect(record.fields == [text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")), "z"], "\(label)")
          default: Issue.record("\(label): \(rows)")
          }
        }
      }
    }
  }

  /// The size limit stops the file at the same line both ways, counting
  /// blank lines before a record as the line-by-line path does.
  @Test(arguments: [10, 11, 12, 13, 14, 20, 25])
  func sizeLimitStopsAtTheSameLine(_ limit: Int) throws {
    let text = "a,b\n\n\n   \n\"x\ny\",zzzzzz\n1,2\n"
    try expectSameOutcome(Array(text.utf8), options: CSVReadOptions(chunkSize: 16, maxRecordBytes: limit), label: "limit-\(limit)")
  }
}
