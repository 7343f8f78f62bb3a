import Foundation
import MentorMatchTestSupport
import Testing

@testable import MentorMatch

/// A random field value: printable text, spaces, quotes, delimiters, line
/// breaks, and now and then non-ASCII letters.
private func randomValue(_ rng: inout SeededGenerator) -> String {
  let pieces = ["a", "B", "7", " ", "\t", ",", ";", "\"", "\r\n", "\n", "é", "–", "日", "x y", "=1+2", "@"]
  let length = Int.random(in: 0...8, using: &rng)
  return (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined()
}

/// Random bytes from an alphabet rich in what breaks CSV readers, line
/// ends of all three kinds among them.
private func hostileBytes(_ rng: inout SeededGenerator) -> [UInt8] {
  let alphabet: [[UInt8]] = [
    [0x61], [0x62], [0x2C], [0x22], [0x20], [0x09], [0x0A], [0x0D, 0x0A], [0x0D], [0x00], [0xC3], [0xA9], [0xFF], [0x80], [0x3B],
  ]
  return (0..<Int.random(in: 0...48, using: &rng)).flatMap { _ in alphabet.randomElement(using: &rng)! }
}

private func viewRows(_ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRowView] {
  var rows: [CSVRowView] = []
  try CSVReader(bytes: bytes, name: "t.csv", options: options).forEachRowView { rows.append($0) }
  return rows
}

/// The outcome of a read: its value, or the ``CSVError`` that stopped it.
private func attempt<Value>(_ read: () throws -> Value) -> Result<Value, CSVError> {
  do {
    return .success(try read())
  } catch let error as CSVError {
    return .failure(error)
  } catch {
    return .failure(CSVError(file: "?", kind: .readFailed(reason: "\(error)")))
  }
}

private func written(_ rows: [[String]]) -> [UInt8] {
  var writer = CSVWriter(mode: .plain)
  for row in rows { writer.write(row) }
  return writer.bytes
}

@Suite struct CSVRecordViewTests {
  @Test func viewsHandOutTheTrimmedFields() throws {
    let rows = try viewRows(Array("id,name\r\n 1 ,\" Zoë \"\r\n2,\r\n".utf8))
    guard case .record(let second) = rows[1] else { Issue.record("not a record"); return }
    #expect(second.count == 2)
    #expect(second.string(at: 0) == "1")
    #expect(second.string(at: 1) == "Zoë")
    #expect(Array(second.utf8(at: 1)) == Array("Zoë".utf8))
    #expect(second.line == 2 && second.number == 1)
    #expect(second.string(at: 2) == "" && second.utf8(at: -1).isEmpty)
    guard case .record(let third) = rows[2] else { Issue.record("not a record"); return }
    #expect(third.fields == ["2", ""])
  }

  @Test func aViewKeptPastTheCallStaysIntact() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("views-kept.csv").path
    let rows = (0..<200).map { ["\($0)", String(repeating: "v\($0)", count: 5)] }
    try Data(written(rows)).write(to: URL(fileURLWithPath: path))
    var kept: [CSVRecordView] = []
    try CSVReader(path: path, options: CSVReadOptions(chunkSize: 64)).forEachRowView { row in
      if case .record(let record) = row { kept.append(record) }
    }
    #expect(kept.map(\.fields) == rows)
  }

  /// Whatever is written with RFC 4180 quoting reads back (trimmed), through
  /// the views and through `forEachRow`, in any chunk size.
  @Test(arguments: 0..<40)
  func writtenRowsReadBack(_ seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 11)
    let width = Int.random(in: 1...5, using: &rng)
    let rows = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
      // The first field starts with a letter, so no record is a blank line (which the reader skips).
      ["k" + randomValue(&rng)] + (1..<width).map { _ in randomValue(&rng) }
    }
    let expected = rows.map { $0.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) } }
    let bytes = written(rows)
    let views = try viewRows(bytes).map { row -> [String] in
      guard case .record(let record) = row else { return ["<malformed>"] }
      return record.fields
    }
    #expect(views == expected, "seed \(seed)")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(seed).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let chunk = Int.random(in: 1...16, using: &rng)
    let chunked = try CSVReader(path: path, options: CSVReadOptions(chunkSize: chunk)).readAll()
    #expect(chunked == (try CSVReader(bytes: bytes, name: path).readAll()), "seed \(seed), chunk \(chunk)")
    #expect(chunked.compactMap { if case .record(let r) = $0 { r.fields } else { nil } } == expected)
  }

  /// On hostile bytes the views and `forEachRow` agree row for row, a view's
  /// bytes are its string's UTF-8, and the chunk size changes nothing.
  @Test(arguments: 0..<200)
  func hostileBytesReadAlikeEveryWay(_ seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 1_000_003)
    let bytes = hostileBytes(&rng)
    let encoding: CSVEncoding = seed % 4 == 3 ? .windows1252 : .utf8
    let options = CSVReadOptions(encoding: encoding)
    let whole = attempt { try CSVReader(bytes: bytes, name: "t.csv", options: options).readAll() }
    let views = attempt { try viewRows(bytes, options) }
    switch (whole, views) {
    case (.success(let rows), .success(let views)):
      #expect(rows == views.map(CSVRow.init), "seed \(seed)")
      for case .record(let view) in views {
        for column in 0..<view.count {
          #expect(Array(view.utf8(at: column)) == Array(view.string(at: column).utf8), "seed \(seed)")
        }
      }
    case (.failure(let a), .failure(let b)):
      #expect(a == b, "seed \(seed)")
    default:
      Issue.record("seed \(seed): the two ways disagree on failing")
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(seed).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let chunk = Int.random(in: 1...9, using: &rng)
    let chunked = attempt {
      try CSVReader(path: path, options: CSVReadOptions(encoding: encoding, chunkSize: chunk)).readAll()
    }
    switch (whole, chunked) {
    case (.success(let a), .success(let b)): #expect(a == b, "seed \(seed), chunk \(chunk)")
    case (.failure(let a), .failure(let b)): #expect(a.kind == b.kind && a.line == b.line, "seed \(seed), chunk \(chunk)")
    default: Issue.record("seed \(seed), chunk \(chunk): whole and chunked disagree on failing")
    }
  }

  /// Found by `hostileBytesReadAlikeEveryWay`: an LF is the second half of
  /// a CRLF only when the byte straight before it is the CR, so in
  /// "a\rb\nc" the LF ends line 2 of its own and `c` is on line 3, whatever
  /// the read size (the counter once joined them across the text between).
  @Test func loneCarriageReturnThenTextThenLineFeed() throws {
    #expect(try viewRows(Array("a\rb\nc\n".utf8)).map(\.line) == [1, 2, 3])
    #expect(try viewRows(Array("a\r\nb\rc\r\n\nd".utf8)).map(\.line) == [1, 2, 3, 5])
  }

  @Test func windows1252IsTranscodedIntoTheView() throws {
    let bytes: [UInt8] = Array("name\n".utf8) + [0x5A, 0x6F, 0xEB, 0x20, 0x96, 0x20, 0xA3, 0x35, 0x81, 0x0A]
    let rows = try viewRows(bytes, CSVReadOptions(encoding: .windows1252))
    guard case .record(let record) = rows[1] else { Issue.record("not a record"); return }
    #expect(record.string(at: 0) == "Zoë – £5\u{81}")
    #expect(record.string(at: 0) == Windows1252.decode(bytes[5..<14]))
  }

  @Test func aRecordBecomesAViewAndBack() {
    let record = CSVRecord(fields: ["a", "", "Zoë", "x,y"], line: 7, number: 3)
    let view = CSVRecordView(record)
    #expect(view.record == record)
    #expect(view.count == 4)
    #expect(CSVRow(CSVRowView(.record(record))) == .record(record))
  }
}
