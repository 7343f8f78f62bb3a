/// The records parsed since the last drain, and where the parse is.
///
/// The field bytes of every record sit in one growing byte array, the field
/// boundaries in another, and one ``RowMark`` per record. The batch is
/// handed out as views and emptied (keeping its capacity) after each chunk,
/// so memory follows the chunk size, not the file size.
///
/// ``CSVReader``'s parser owns the batch and reaches it through a pointer
/// from libcsv's callbacks; the code that touches field pointers is in
/// `CSVReader.swift`, the line accounting in `CSVRecordBatch+LineEnds.swift`.
struct CSVRecordBatch {
  /// Where one record sits in the batch.
  struct RowMark {
    /// Index in `bounds` of the record's start offset; `fieldCount` end offsets follow.
    var firstBound: Int
    var fieldCount: Int
    var line: Int
    var number: Int
    var problem: CSVRecordProblem?
  }

  let tabIsSpace: Bool
  let encoding: CSVEncoding
  /// Line-by-line path: the physical line (1-based) the next byte belongs to.
  /// Chunked path: the line after the last line end passed.
  var line = 1
  var lastByteWasCR = false
  var recordStartLine = 1
  var recordNumber = -1  // the header is record 0
  var problem: CSVRecordProblem?
  /// Line-by-line path: the bytes passed since the last record ended.
  var recordBytes = 0

  /// Chunked path: the line ends noted in the piece being parsed, and the next one libcsv will pass.
  var lineEnds = RawBuffer<LineEnd>(capacity: 1024)
  var nextLineEnd = 0
  /// Chunked path: line ends of the open (quoted) field noted in earlier pieces, and the line after the last.
  var heldLineEnds = 0
  var heldLineAfter = 1
  /// Chunked path: whether the open record has had a field.
  var rowOpen = false
  /// Chunked path: where the bytes counted against the record size limit start.
  var spanStart = 0

  var bytes = RawBuffer<UInt8>(capacity: 64 * 1024)
  var bounds = RawBuffer<Int>(capacity: 8 * 1024)
  var marks: [RowMark] = []
  /// The arrays the views of one drain share, refilled (not reallocated)
  /// on each drain unless a caller kept a view.
  private var sharedBytes: [UInt8] = []
  private var sharedBounds: [Int] = []
  /// Index in `bounds` of the open record's start offset, or nil before its first field.
  var rowFirstBound: Int?

  init(options: CSVReadOptions) {
    tabIsSpace = options.delimiter != 0x09
    encoding = options.encoding
  }

  /// Frees the buffers; the batch is not used after this.
  func free() {
    bytes.free()
    bounds.free()
    lineEnds.free()
  }

  /// Line-by-line path: counts the lines of a segment the parser has passed.
  mutating func passed(_ count: Int, endingWith terminator: UInt8?) {
    if let terminator {
      // An LF ends a line of its own unless it is the second half of a CRLF:
      // alone in its segment, straight after a CR.
      if terminator == 0x0D || !(lastByteWasCR && count == 1) { line += 1 }
      lastByteWasCR = terminator == 0x0D
    } else if count > 0 {
      lastByteWasCR = false
    }
  }

  mutating func drain(_ body: (CSVRowView) throws -> Void) throws {
    if !marks.isEmpty {
      // One copy per chunk into arrays the views share.
      bytes.copy(into: &sharedBytes)
      bounds.copy(into: &sharedBounds)
      let storage = sharedBytes
      let boundList = sharedBounds
      for mark in marks {
        if let problem = mark.problem {
          try body(.malformed(CSVMalformedRecord(line: mark.line, number: mark.number, problem: problem)))
        } else {
          let view = CSVRecordView(
            storage: storage, bounds: boundList, firstBound: mark.firstBound, count: mark.fieldCount,
            line: mark.line, number: mark.number)
          try body(.record(view))
        }
      }
    }
    marks.removeAll(keepingCapacity: true)
    guard let first = rowFirstBound else {
      bounds.truncate(to: 0)
      bytes.truncate(to: 0)
      return
    }
    // A record still open at the end of a chunk keeps its fields so far.
    let start = bounds[first]
    bytes.dropFirst(start)
    bounds.dropFirst(first)
    for index in 0..<bounds.count { bounds[index] -= start }
    rowFirstBound = 0
  }

  /// How many fields of the open record have been kept.
  var openFieldCount: Int {
    rowFirstBound.map { bounds.count - $0 - 1 } ?? 0
  }

  /// Records the first problem of the open record and drops its kept fields.
  mutating func setProblem(_ reason: CSVRecordProblem) {
    problem = reason
    if let first = rowFirstBound {
      bytes.truncate(to: bounds[first])
      bounds.truncate(to: first)
      rowFirstBound = nil
    }
  }

  mutating func endRow() {
    recordNumber += 1
    if let problem {
      marks.append(RowMark(firstBound: 0, fieldCount: 0, line: recordStartLine, number: recordNumber, problem: problem))
    } else {
      let first = rowFirstBound ?? bounds.count
      if rowFirstBound == nil { bounds.append(bytes.count) }
      marks.append(
        RowMark(firstBound: first, fieldCount: bounds.count - first - 1, line: recordStartLine, number: recordNumber))
    }
    rowFirstBound = nil
    problem = nil
    recordBytes = 0
    rowOpen = false
  }

  /// Ends the open record as a stray-quote syntax error, unless it already has a problem.
  mutating func brokenRecord() {
    if problem == nil { setProblem(.syntax(column: openFieldCount + 1)) }
    endRow()
  }
}
