import CLibCSV
import Foundation

/// A streaming CSV reader over libcsv (<https://github.com/rgamble/libcsv>).
///
/// This file is the only place in the project that touches libcsv or a raw
/// pointer. It follows SwiftPM's `Basics/SQLite.swift`: one final class owns the
/// C parser, frees it on every path, routes return codes through ``check(_:)``,
/// and hands the C callbacks their context with `Unmanaged`.
///
/// Input is fed to libcsv in fixed-size chunks, and each chunk is cut at line
/// ends so that every record knows the physical line it starts on. The parser
/// runs with `CSV_STRICT | CSV_STRICT_FINI`: a quote inside an unquoted field is
/// a per-record syntax error (the record is reported and reading goes on at the
/// next line), and a quote still open at the end of the input is a file error.
///
/// Field values are trimmed of leading and trailing spaces and tabs, whether
/// the field was quoted or not (libcsv trims unquoted fields only; the reader
/// trims quoted ones the same way so that both kinds agree). A tab is never
/// trimmed when it is the delimiter.
public final class CSVReader {
  /// The name used in messages: the path as given, or a label for in-memory input.
  public let name: String
  /// The size of the input in bytes: the file's size when it was opened.
  public let byteCount: Int
  private let options: CSVReadOptions
  private let source: Source

  private enum Source {
    case file(FileHandle)
    case bytes([UInt8])
  }

  /// Opens a file for reading. Only regular files are read: a directory, a
  /// FIFO or a device (such as a link to `/dev/zero`) is refused, so a nightly
  /// run never blocks or reads forever.
  public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
    self.name = path
    self.options = options
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw CSVError(file: path, kind: .cannotOpen(reason: String(cString: strerror(errno))))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      let what = (info.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
      throw CSVError(file: path, kind: .cannotOpen(reason: what))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CSVError(file: path, kind: .cannotOpen(reason: String(cString: strerror(errno))))
    }
    self.source = .file(handle)
    self.byteCount = Int(info.st_size)
  }

  /// Reads CSV held in memory (tests, fuzzing, the audit re-run).
  public init(bytes: [UInt8], name: String, options: CSVReadOptions = CSVReadOptions()) {
    self.name = name
    self.options = options
    self.source = .bytes(bytes)
    self.byteCount = bytes.count
  }

  deinit {
    if case .file(let handle) = source { try? handle.close() }
  }

  /// Calls `body` once for every record, in file order, with either the
  /// record or the reason it could not be read. Blank lines are skipped.
  ///
  /// A convenience over ``forEachRowView(_:)`` that makes one `String` per
  /// field; code that reads large exports should use the views.
  ///
  /// - Throws: ``CSVError`` for problems that stop the whole file (an
  ///   unterminated quote at the end, a read error, a record over the size
  ///   limit), or whatever `body` throws.
  public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
    try forEachRowView { row in try body(CSVRow(row)) }
  }

  /// Calls `body` once for every record, in file order, with a view of the
  /// record's bytes or the reason it could not be read. Blank lines are skipped.
  ///
  /// Every field of a record handed out has already been trimmed, checked
  /// for NUL bytes and found to be valid UTF-8 (or transcoded from
  /// Windows-1252), so ``CSVRecordView/string(at:)`` never fails; no `String`
  /// is made until a caller asks for one.
  ///
  /// - Throws: as ``forEachRow(_:)``.
  public func forEachRowView(_ body: (CSVRowView) throws -> Void) throws {
    let parser = try Parser(options: options, name: name)
    var atStart = true
    switch source {
    case .bytes(let bytes):
      try bytes.withUnsafeBufferPointer { try parser.feed($0, atStart: true) }
      try parser.drain(body)
    case .file(let handle):
      // One buffer for every chunk: a fresh one per read costs page faults.
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(options.chunkSize, 16))
      defer { buffer.deallocate() }
      while true {
        let count = read(handle.fileDescriptor, buffer.baseAddress, buffer.count)
        if count < 0 {
          if errno == EINTR { continue }
          throw CSVError(file: name, line: parser.line, kind: .readFailed(reason: String(cString: strerror(errno))))
        }
        if count == 0 { break }
        try parser.feed(UnsafeBufferPointer(rebasing: buffer[..<count]), atStart: atStart)
        atStart = false
        try parser.drain(body)
      }
    }
    try parser.finish()
    try parser.drain(body)
  }

  /// Reads every row into memory. Convenient for small files such as a taxonomy.
  public func readAll() throws -> [CSVRow] {
    var rows: [CSVRow] = []
    try forEachRow { rows.append($0) }
    return rows
  }
}

/// Owns one libcsv parser and the records parsed since the last drain.
///
/// Records are kept as one batch rather than one `String` per field (see
/// ``RecordBatch``). The C parser and the batch live in memory this class
/// allocates and frees, reached through pointers: libcsv calls back once per
/// field, and through a pointer those calls pay no dynamic exclusivity
/// check, which class properties would (a quarter of the reader's time).
private final class Parser {
  private let parser: UnsafeMutablePointer<csv_parser>
  private let batch: UnsafeMutablePointer<RecordBatch>
  private let options: CSVReadOptions
  private let name: String
  private var initialised = false

  init(options: CSVReadOptions, name: String) throws(CSVError) {
    self.options = options
    self.name = name
    parser = .allocate(capacity: 1)
    parser.initialize(to: csv_parser())
    batch = .allocate(capacity: 1)
    batch.initialize(to: RecordBatch(options: options))
    try reset()
  }

  deinit {
    if initialised { csv_free(parser) }
    parser.deinitialize(count: 1)
    parser.deallocate()
    batch.pointee.free()
    batch.deinitialize(count: 1)
    batch.deallocate()
  }

  /// The physical line (1-based) the next byte belongs to.
  var line: Int { batch.pointee.line }

  private func reset() throws(CSVError) {
    if initialised { csv_free(parser) }
    initialised = false
    try check(csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)))
    initialised = true
    // libcsv grows its field buffer by a fixed block (128 bytes by default),
    // so a 10 MB field took some 80,000 reallocs: quadratic copying wherever
    // realloc cannot grow in place (ASan's allocator: minutes per test).
    csv_set_blk_size(parser, 256 * 1024)
    csv_set_delim(parser, options.delimiter)
    if options.delimiter == UInt8(ascii: "\t") {
      csv_set_space_func(parser) { $0 == 0x20 ? 1 : 0 }
    }
  }

  private func check(_ code: Int32) throws(CSVError) {
    guard code != 0 else { return }
    throw CSVError(file: name, line: line, kind: .parser(code: Int(code)))
  }

  func feed(_ input: UnsafeBufferPointer<UInt8>, atStart: Bool) throws {
    var buffer = input
    if atStart, buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
      buffer = UnsafeBufferPointer(rebasing: buffer[3...])
    } else if atStart, buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
      throw CSVError(file: name, line: 1, kind: .wrongEncoding(found: "UTF-16"))
    }
    guard let base = buffer.baseAddress else { return }
    var start = 0
    var index = 0
    let count = buffer.count
    let raw = UnsafeRawPointer(base)
    while index < count {
      // Skip eight bytes at once when none of them is below 0x0E (no line
      // end, no NUL): the "has less than" test of Anderson's Bit Twiddling
      // Hacks, <https://graphics.stanford.edu/~seander/bithacks.html#HasLessInWord>.
      if count - index >= 8 {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let byte = base[index]
      index += 1
      if byte > 0x0D { continue }
      if byte == 0 { batch.pointee.rowHasNUL = true }
      guard byte == 0x0A || byte == 0x0D else { continue }
      try parseSegment(UnsafeBufferPointer(start: base + start, count: index - start), endsWith: byte)
      start = index
    }
    if start < count {
      try parseSegment(UnsafeBufferPointer(start: base + start, count: count - start), endsWith: nil)
    }
  }

  /// Parses bytes that hold at most one line end, as their last byte.
  private func parseSegment(_ segment: UnsafeBufferPointer<UInt8>, endsWith terminator: UInt8?) throws {
    if !batch.pointee.skippingBrokenLine {
      if parser.pointee.pstate == 0 {  // ROW_NOT_BEGUN: a record starting here starts on this line
        batch.pointee.recordStartLine = batch.pointee.line
      }
      batch.pointee.recordBytes += segment.count
      if batch.pointee.recordBytes > options.maxRecordBytes {
        throw CSVError(
          file: name, line: batch.pointee.recordStartLine, kind: .recordTooLarge(limit: options.maxRecordBytes))
      }
      let used = csv_parse(parser, segment.baseAddress, segment.count, fieldCallback, rowCallback, batch)
      if used != segment.count {
        let code = csv_error(parser)
        guard code == CSV_EPARSE else { try check(code) ; return }
        // Strict mode found a stray quote: report the record and resume at the next line.
        batch.pointee.brokenRecord()
        try reset()
        batch.pointee.skippingBrokenLine = true
      }
    }
    batch.pointee.passed(segment.count, endingWith: terminator)
  }

  func finish() throws {
    if csv_fini(parser, fieldCallback, rowCallback, batch) != 0 {
      throw CSVError(file: name, line: batch.pointee.recordStartLine, kind: .unterminatedQuote)
    }
  }

  /// Hands every record of the batch to `body`, in order, then empties the batch.
  func drain(_ body: (CSVRowView) throws -> Void) throws {
    try batch.pointee.drain(body)
  }
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
  field, length, context in
  context?.assumingMemoryBound(to: RecordBatch.self).pointee.addField(field?.assumingMemoryBound(to: UInt8.self), length)
}

private let rowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
  context?.assumingMemoryBound(to: RecordBatch.self).pointee.endRow()
}

/// The records parsed since the last drain, and where the parse is.
///
/// The field bytes of every record sit in one growing byte array, the field
/// boundaries in another, and one ``RowMark`` per record. The batch is
/// handed out as views and emptied (keeping its capacity) after each chunk,
/// so memory follows the chunk size, not the file size.
private struct RecordBatch {
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
  /// The physical line (1-based) the next byte belongs to.
  var line = 1
  var lastByteWasCR = false
  var recordStartLine = 1
  var recordNumber = -1  // the header is record 0
  var problem: CSVRecordProblem?
  var recordBytes = 0
  var rowHasNUL = false
  var skippingBrokenLine = false

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
  }

  /// Counts the lines of a segment the parser has passed.
  mutating func passed(_ count: Int, endingWith terminator: UInt8?) {
    if let terminator {
      // An LF ends a line of its own unless it is the second half of a CRLF:
      // alone in its segment, straight after a CR.
      if terminator == 0x0D || !(lastByteWasCR && count == 1) { line += 1 }
      lastByteWasCR = terminator == 0x0D
      if skippingBrokenLine { skippingBrokenLine = false }
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
  private var openFieldCount: Int {
    rowFirstBound.map { bounds.count - $0 - 1 } ?? 0
  }

  mutating func addField(_ start: UnsafeMutablePointer<UInt8>?, _ length: Int) {
    guard problem == nil else { return }
    if rowFirstBound == nil {
      rowFirstBound = bounds.count
      bounds.append(bytes.count)
    }
    guard let start, length > 0 else {
      bounds.append(bytes.count)
      return
    }
    var lower = 0
    var upper = length
    while lower < upper, start[lower] == 0x20 || (tabIsSpace && start[lower] == 0x09) { lower += 1 }
    while upper > lower, start[upper - 1] == 0x20 || (tabIsSpace && start[upper - 1] == 0x09) { upper -= 1 }
    let field = UnsafeBufferPointer(start: start + lower, count: upper - lower)
    if rowHasNUL, field.contains(0) {
      setProblem(.nulByte(column: openFieldCount + 1))
      return
    }
    switch encoding {
    case .utf8:
      if !Self.isASCII(field), String(validating: field, as: UTF8.self) == nil {
        setProblem(.invalidUTF8(column: openFieldCount + 1))
        return
      }
      bytes.append(start + lower, count: upper - lower)
    case .windows1252:
      var utf8: [UInt8] = []
      Windows1252.appendUTF8(of: field, to: &utf8)
      utf8.withUnsafeBufferPointer { converted in
        if let base = converted.baseAddress { bytes.append(base, count: converted.count) }
      }
    }
    bounds.append(bytes.count)
  }

  private static func isASCII(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = field.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while field.count - index >= 8 {
      if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      index += 8
    }
    while index < field.count {
      if base[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// Records the first problem of the open record and drops its kept fields.
  private mutating func setProblem(_ reason: CSVRecordProblem) {
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
    rowHasNUL = false
    recordBytes = 0
  }

  /// Ends the open record as a stray-quote syntax error, unless it already has a problem.
  mutating func brokenRecord() {
    if problem == nil { setProblem(.syntax(column: openFieldCount + 1)) }
    endRow()
  }
}

/// A growable buffer of plain values behind a pointer: the per-field path
/// appends to it without an Array's uniqueness and capacity checks. Its
/// owner frees it.
private struct RawBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  func free() { base.deallocate() }

  subscript(index: Int) -> Element {
    get { base[index] }
    set { base[index] = newValue }
  }

  /// Replaces the contents of `array` with a copy of the buffer's.
  func copy(into array: inout [Element]) {
    array.removeAll(keepingCapacity: true)
    array.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
  }

  private mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: max(capacity * 2, count + extra))
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = max(capacity * 2, count + extra)
  }

  mutating func append(_ value: Element) {
    reserve(1)
    (base + count).initialize(to: value)
    count += 1
  }

  mutating func append(_ source: UnsafePointer<Element>, count extra: Int) {
    reserve(extra)
    (base + count).initialize(from: source, count: extra)
    count += extra
  }

  mutating func truncate(to newCount: Int) { count = newCount }

  /// Removes the first `dropped` values, moving the rest to the front.
  mutating func dropFirst(_ dropped: Int) {
    memmove(base, base + dropped, (count - dropped) * MemoryLayout<Element>.stride)
    count -= dropped
  }
}
