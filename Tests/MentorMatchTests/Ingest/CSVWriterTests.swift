import Testing

@testable import MentorMatch

@Suite struct CSVWriterTests {
  @Test func quotesOnlyWhatNeedsIt() {
    var writer = CSVWriter(mode: .plain)
    writer.write(["plain", "a,b", "say \"hi\"", "two\nlines", ""])
    #expect(writer.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
  }

  @Test(arguments: ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
  func neutralisesFormulas(_ cell: String) throws {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write([cell])
    let rows = try CSVReader(bytes: writer.bytes, name: "w.csv").readAll()
    guard case .record(let record) = rows.first else { Issue.record("unreadable"); return }
    #expect(record.fields[0].hasPrefix("'"))
  }

  @Test func plainModeKeepsValues() {
    var writer = CSVWriter(mode: .plain)
    writer.write(["-2", "=x"])
    #expect(writer.text == "-2,=x\r\n")
  }

  @Test func roundTripsThroughTheReader() throws {
    let values = ["Zoë O’Brien", "a \"quoted\" word", "x,y", "line1\r\nline2", "日本語"]
    var writer = CSVWriter(mode: .plain)
    writer.write(values)
    let rows = try CSVReader(bytes: writer.bytes, name: "w.csv").readAll()
    #expect(rows == [.record(CSVRecord(fields: values, line: 1, number: 0))])
  }

  @Test func spacesAtTheEndsAreQuotedUnlessThePrefixComesFirst() {
    var writer = CSVWriter(mode: .formulaSafe)
    writer.write([" lead", "trail ", "-x ", "= y", " "])
    #expect(writer.text == "\" lead\",\"trail \",\"'-x \",'= y,\" \"\r\n")
  }

  /// The writer's one-pass cell against the rule spelled out the slow way:
  /// prefix first, then quote when the prefixed bytes hold a delimiter, a
  /// quote, a CR or an LF, or start or end with a space.
  @Test(arguments: [CSVWriter.Mode.plain, .formulaSafe], [UInt8(ascii: ","), UInt8(ascii: ";")])
  func matchesTheRuleOnSeededCells(mode: CSVWriter.Mode, delimiter: UInt8) {
    var generator = SplitMix64(seed: 20261129)
    let alphabet: [UInt8] = Array(" ,;\"\r\n\t=+-@'aZ9".utf8) + [0xC3, 0xA9]
    for _ in 0..<2_000 {
      let count = Int(generator.next() % 6)
      let cells = (0..<count).map { _ in
        String(decoding: (0..<Int(generator.next() % 7)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
      }
      var writer = CSVWriter(mode: mode, delimiter: delimiter)
      writer.write(cells)
      var expected: [UInt8] = []
      for (index, cell) in cells.enumerated() {
        if index > 0 { expected.append(delimiter) }
        var bytes = Array(cell.utf8)
        if mode == .formulaSafe, CSVWriter.isFormulaLike(cell) { bytes.insert(UInt8(ascii: "'"), at: 0) }
        let quoted = bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A } || bytes.first == 0x20 || bytes.last == 0x20
        if quoted {
          expected.append(0x22)
          for byte in bytes { expected += byte == 0x22 ? [0x22, 0x22] : [byte] }
          expected.append(0x22)
        } else {
          expected += bytes
        }
      }
      expected += [0x0D, 0x0A]
      #expect(writer.bytes == expected, "cells \(cells.map { Array($0.utf8) })")
    }
  }

  /// Rows built a cell at a time (as Strings, as UTF-8 bytes, or as cells
  /// another writer rendered) against the same rows written whole.
  @Test(arguments: [CSVWriter.Mode.plain, .formulaSafe], [UInt8(ascii: ","), UInt8(ascii: ";")])
  func cellByCellMatchesWholeRows(mode: CSVWriter.Mode, delimiter: UInt8) {
    var generator = SplitMix64(seed: 20261130)
    let alphabet: [UInt8] = Array(" ,;\"\r\n\t=+-@'aZ9".utf8) + [0xC3, 0xA9]
    var whole = CSVWriter(mode: mode, delimiter: delimiter)
    var pieces = CSVWriter(mode: mode, delimiter: delimiter)
    for _ in 0..<2_000 {
      let cells = (0..<Int(1 + generator.next() % 6)).map { _ in
        String(decoding: (0..<Int(generator.next() % 9)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
      }
      whole.write(cells)
      for (index, cell) in cells.enumerated() {
        switch generator.next() % 3 {
        case 0: pieces.writeCell(cell, first: index == 0)
        case 1: pieces.writeCell(utf8: Array(cell.utf8), first: index == 0)
        default:
          var other = CSVWriter(mode: mode, delimiter: delimiter)
          other.writeCell(cell, first: index == 0)
          pieces.writeRendered(other.bytes)
        }
      }
      pieces.endRecord()
    }
    #expect(pieces.bytes == whole.bytes)
  }
}
