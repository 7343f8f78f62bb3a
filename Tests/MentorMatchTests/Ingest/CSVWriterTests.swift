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
}
