import Foundation
import Testing

@testable import MentorMatch

/// Reads `text` as CSV and returns the rows.
private func rows(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRow] {
  try CSVReader(bytes: Array(text.utf8), name: "t.csv", options: options).readAll()
}

private func rows(bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRow] {
  try CSVReader(bytes: bytes, name: "t.csv", options: options).readAll()
}

private func records(_ result: [CSVRow]) -> [[String]] {
  result.map { row in
    switch row {
    case .record(let record): record.fields
    case .malformed(let bad): ["<\(bad.problem.code)@\(bad.line)>"]
    }
  }
}

@Suite struct CSVReaderTests {
  @Test func stripsByteOrderMark() throws {
    let result = try rows(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,a\r\n".utf8))
    #expect(records(result) == [["id", "name"], ["1", "a"]])
  }

  /// UTF-16 without a byte-order mark is one clear error, either byte order;
  /// a NUL inside a UTF-8 file, or a file too short to tell, is not taken for it.
  @Test func utf16WithoutAByteOrderMarkIsNamed() throws {
    let text = "id,name\r\n1,a\r\n"
    let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    for (bytes, order) in [(little, "little-endian"), (big, "big-endian")] {
      #expect {
        _ = try rows(bytes: bytes)
      } throws: { error in
        (error as? CSVError)?.kind == .wrongEncoding(found: "UTF-16 (\(order), without a byte-order mark)")
          && (error as? CSVError)?.line == 1
      }
    }
    #expect(records(try rows(bytes: Array("i\0,name\r\n".utf8))) == [["<nul-byte@1>"]])
    #expect(records(try rows(bytes: Array("a\0".utf8))) == [["<nul-byte@1>"]])
  }

  @Test(arguments: ["\r\n", "\n", "\r"])
  func readsEveryLineEnding(_ end: String) throws {
    let result = try rows("a,b\(end)1,2\(end)3,4\(end)")
    #expect(records(result) == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(result.map(\.line) == [1, 2, 3])
  }

  @Test func countsPhysicalLinesAcrossEmbeddedNewlines() throws {
    let result = try rows("h1,h2\r\n\"multi\r\nline\",x\r\nnext,y\r\n")
    #expect(records(result) == [["h1", "h2"], ["multi\r\nline", "x"], ["next", "y"]])
    #expect(result.map(\.line) == [1, 2, 4])
    guard case .record(let last) = result[2] else { Issue.record("not a record"); return }
    #expect(last.number == 2)
  }

  @Test func undoublesQuotes() throws {
    #expect(records(try rows("a\n\"she said \"\"hi\"\"\"\n")) == [["a"], ["she said \"hi\""]])
  }

  @Test func unterminatedQuoteAtEndIsAFileError() throws {
    #expect {
      _ = try rows("a,b\n1,2\n3,\"open\nstill open\n")
    } throws: { error in
      (error as? CSVError)?.kind == .unterminatedQuote && (error as? CSVError)?.line == 3
    }
  }

  @Test func quoteInsideUnquotedFieldRejectsOnlyThatRecord() throws {
    let result = try rows("a,b\n1,x\"y\n2,ok\n")
    #expect(records(result) == [["a", "b"], ["<csv-syntax@2>"], ["2", "ok"]])
  }

  @Test func keepsRaggedRowsForTheValidator() throws {
    #expect(records(try rows("a,b,c\n1,2\n1,2,3,4\n")) == [["a", "b", "c"], ["1", "2"], ["1", "2", "3", "4"]])
  }

  @Test func invalidUTF8NamesItsLineAndField() throws {
    let bytes = Array("a,b\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n3,fine\n".utf8)
    let result = try rows(bytes: bytes)
    guard case .malformed(let bad) = result[2] else { Issue.record("expected malformed"); return }
    #expect(bad.line == 3)
    #expect(bad.problem == .invalidUTF8(column: 2))
    #expect(records(result).last == ["3", "fine"])
  }

  @Test func transcodesWindows1252() throws {
    // "Zoë – £5" in Windows-1252: ë = 0xEB, en dash = 0x96, £ = 0xA3.
    let bytes: [UInt8] = Array("name\n".utf8) + [0x5A, 0x6F, 0xEB, 0x20, 0x96, 0x20, 0xA3, 0x35, 0x0A]
    let result = try rows(bytes: bytes, CSVReadOptions(encoding: .windows1252))
    #expect(records(result) == [["name"], ["Zoë – £5"]])
  }

  @Test func emptyInputHasNoRows() throws {
    #expect(try rows("").isEmpty)
    #expect(try rows("\n\n\r\n").isEmpty)
  }

  @Test func headerOnly() throws {
    #expect(records(try rows("a,b")) == [["a", "b"]])
  }

  @Test func lastRecordWithoutNewlineAndTrailingBlankLines() throws {
    #expect(records(try rows("a\n1\n\n\n2")) == [["a"], ["1"], ["2"]])
  }

  @Test func trimsQuotedAndUnquotedFieldsAlike() throws {
    #expect(records(try rows("a,b\n  x  ,\"  y  \"\n")) == [["a", "b"], ["x", "y"]])
  }

  @Test func readsTabSeparatedWithoutEatingEmptyFields() throws {
    let result = try rows("a\tb\tc\n1\t\t3\n", CSVReadOptions(delimiter: 0x09))
    #expect(records(result) == [["a", "b", "c"], ["1", "", "3"]])
  }

  @Test func readsSemicolons() throws {
    let result = try rows("a;b\n\"x;y\";2\n", CSVReadOptions(delimiter: UInt8(ascii: ";")))
    #expect(records(result) == [["a", "b"], ["x;y", "2"]])
  }

  @Test func readsATenMegabyteField() throws {
    let big = String(repeating: "x", count: 10 * 1024 * 1024)
    let result = try rows("a,b\n\"\(big)\",1\n")
    guard case .record(let record) = result[1] else { Issue.record("not a record"); return }
    #expect(record.fields[0].utf8.count == big.utf8.count)
    #expect(record.fields[1] == "1")
  }

  @Test func refusesARecordOverTheLimit() throws {
    let options = CSVReadOptions(chunkSize: 1024, maxRecordBytes: 4096)
    #expect(throws: CSVError.self) {
      _ = try rows(bytes: Array("a\n".utf8) + Array(repeating: 0x78, count: 10_000), options)
    }
  }

  @Test func nulByteRejectsTheRecord() throws {
    let result = try rows(bytes: Array("a,b\n1,x".utf8) + [0] + Array("y\n2,z\n".utf8))
    #expect(records(result) == [["a", "b"], ["<nul-byte@2>"], ["2", "z"]])
  }

  @Test func sameRowsWhateverTheChunkSize() throws {
    let text = "id,name\r\n1,\"a\r\nb\"\r\n2,\"c,\"\"d\"\"\"\r\n3,e\r\n"
    let whole = try rows(text)
    for size in [1, 2, 3, 5, 7] {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(size).csv").path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      let chunked = try CSVReader(path: path, options: CSVReadOptions(chunkSize: size)).readAll()
      #expect(chunked == whole, "chunk size \(size)")
    }
  }

  @Test func refusesADirectoryAndAMissingFile() throws {
    #expect {
      _ = try CSVReader(path: FileManager.default.temporaryDirectory.path)
    } throws: { error in
      (error as? CSVError)?.exitCode == .noInput
    }
    #expect {
      _ = try CSVReader(path: "/nonexistent/x.csv")
    } throws: { error in
      (error as? CSVError)?.exitCode == .noInput
    }
  }
}
