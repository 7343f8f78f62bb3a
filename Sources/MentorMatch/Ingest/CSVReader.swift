import CLibCSV
import Foundation

/// A streaming CSV reader over libcsv (<https://github.com/rgamble/libcsv>).
///
/// This file is the only place in the project that touches libcsv or a raw
/// pointer. It follows SwiftPM's `Basics/SQLite.swift`: one final class owns the
/// C parser, frees it on every path, routes return codes through ``check(_:)``,
/// and hands the C callbacks their context with `Unmanaged`.
///
/// Input is read in fixed-size chunks and handed to libcsv a chunk at a time.
/// A scan of each chunk notes where every line end is and which physical line
/// follows it; libcsv, run with `CSV_REPALL_NL`, reports every line end outside
/// a quoted field, and the line ends inside one are counted in its bytes, so
/// every record knows the physical line it starts on (see
/// ``CSVRecordBatch/endLine(_:)``). The parser runs with
/// `CSV_STRICT | CSV_STRICT_FINI`: a quote inside an unquoted field is a
/// per-record syntax error (the record is reported and reading goes on at the
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
  /// Whether the input read by the last ``forEachRowView(_:)`` was empty or
  /// ended with a line break (CR or LF). An export that stops mid-line may
  /// have been cut short: copied while still being written.
  public private(set) var endsWithLineBreak = true
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
    let opened = try Self.openRegularFile(path)
    self.source = .file(opened.handle)
    self.byteCount = opened.size
  }

  /// The whole of a file, refused as ``init(path:options:)`` refuses it
  /// (missing, a directory, a FIFO, a device), so that one read can serve
  /// both the reader (``init(bytes:name:options:)``) and a copy of the file.
  public static func contentsOfRegularFile(path: String) throws(CSVError) -> [UInt8] {
    let (handle, size) = try openRegularFile(path)
    defer { try? handle.close() }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CSVError(file: path, kind: .readFailed(reason: String(cString: strerror(errno))))
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  private static func openRegularFile(_ path: String) throws(CSVError) -> (handle: FileHandle, size: Int) {
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
    return (handle, Int(info.st_size))
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
      // A chunk at a time, as from a file: the records parsed are handed
      // out before the next chunk, so a large export in memory is not
      // held a second time as one batch of records.
      let chunk = max(options.chunkSize, 16)
      try bytes.withUnsafeBufferPointer { all in
        var start = 0
        while start < all.count {
          let end = min(start + chunk, all.count)
          try parser.feed(UnsafeBufferPointer(rebasing: all[start..<end]), atStart: start == 0)
          try parser.drain(body)
          start = end
        }
      }
      endsWithLineBreak = bytes.last.map(Self.isLineBreak) ?? true
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
        endsWithLineBreak = Self.isLineBreak(buffer[count - 1])
        try parser.feed(UnsafeBufferPointer(rebasing: buffer[..<count]), atStart: atStart)
        atStart = false
        try parser.drain(body)
      }
    }
    try parser.finish()
    try parser.drain(body)
  }

  private static func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

  /// Reads every row into memory. Convenient for small files such as a taxonomy.
  public func readAll() throws -> [CSVRow] {
    var rows: [CSVRow] = []
    try forEachRow { rows.append($0) }
    return rows
  }
}

/// Owns one libcsv parser and the records parsed since the last drain.
///
/// Each chunk is cut into pieces of up to ``lineEndsPerPiece`` line ends,
/// and each piece goes to `csv_parse` in one call, cut short only where the
/// record size limit would be passed or a stray quote breaks a record.
/// Records are kept as one batch rather than one `String` per field (see
/// ``CSVRecordBatch``). The C parser and the batch live in memory this class
/// allocates and frees, reached through pointers: libcsv calls back once per
/// field, and through a pointer those calls pay no dynamic exclusivity
/// check, which class properties would (a quarter of the reader's time).
private final class Parser {
  private let parser: UnsafeMutablePointer<csv_parser>
  private let batch: UnsafeMutablePointer<CSVRecordBatch>
  private let options: CSVReadOptions
  private let name: String
  private var initialised = false
  /// Where the next byte fed sits in the input (after a byte order mark).
  private var streamOffset = 0
  /// The physical line after the last line end scanned, and the offset of the last CR scanned.
  private var scannedLine = 1
  private var lastCR = -2
  /// Whether the rest of a line with a stray quote is being skipped.
  private var skippingBrokenLine = false

  /// The most line ends noted per call to `csv_parse`: bounds the notes'
  /// memory whatever the chunk size.
  private static let lineEndsPerPiece = 8192

  init(options: CSVReadOptions, name: String) throws(CSVError) {
    self.options = options
    self.name = name
    parser = .allocate(capacity: 1)
    parser.initialize(to: csv_parser())
    batch = .allocate(capacity: 1)
    batch.initialize(to: CSVRecordBatch(options: options))
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
  var line: Int { options.lineByLine ? batch.pointee.line : scannedLine }

  private func reset() throws(CSVError) {
    if initialised { csv_free(parser) }
    initialised = false
    let reportLineEnds = options.lineByLine ? 0 : CSV_REPALL_NL
    try check(csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | reportLineEnds)))
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
    } else if atStart, let order = Self.utf16WithoutMark(buffer) {
      throw CSVError(file: name, line: 1, kind: .wrongEncoding(found: "UTF-16 (\(order), without a byte-order mark)"))
    }
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    if options.lineByLine {
      try feedLineByLine(base, count: buffer.count)
      return
    }
    let streamStart = streamOffset
    streamOffset += buffer.count
    // glibc's vectorised memchr finds the next CR and the next LF far faster
    // than a byte loop. Each is searched again only once passed, also across
    // pieces, so a buffer of one kind of line end is still scanned once.
    var next = (cr: Self.find(0x0D, base, from: 0, count: buffer.count), lf: Self.find(0x0A, base, from: 0, count: buffer.count))
    var pieceStart = 0
    while pieceStart < buffer.count {
      let pieceEnd = noteLineEnds(base, count: buffer.count, streamStart: streamStart, next: &next)
      try parsePiece(base, from: pieceStart, to: pieceEnd, streamStart: streamStart)
      pieceStart = pieceEnd
    }
  }

  /// "little-endian" or "big-endian" when the start of a file reads as
  /// UTF-16 text without a byte-order mark: in its first (up to 8) code
  /// units, at least two, every high byte is 0 and every low byte is not, as
  /// in any ASCII header saved as UTF-16. Eight units are 16 bytes, which
  /// the first chunk always holds (``CSVReadOptions/chunkSize`` is at least
  /// 16), so the verdict does not depend on the chunk size. No UTF-8 or Windows-1252 header
  /// has a NUL in every other byte; left to the parser, such a file gives a
  /// NUL problem on every line instead of one message.
  static func utf16WithoutMark(_ buffer: UnsafeBufferPointer<UInt8>) -> String? {
    let units = Swift.min(buffer.count, 16) / 2
    guard units >= 2 else { return nil }
    var little = true, big = true
    for unit in 0..<units {
      let first = buffer[2 * unit], second = buffer[2 * unit + 1]
      little = little && first != 0 && second == 0
      big = big && first == 0 && second != 0
    }
    return little ? "little-endian" : big ? "big-endian" : nil
  }

  /// Notes the offset of every CR and LF from `next` on, and the physical
  /// line after it, until ``lineEndsPerPiece`` are noted; returns where the
  /// piece they belong to ends.
  private func noteLineEnds(
    _ base: UnsafePointer<UInt8>, count: Int, streamStart: Int, next: inout (cr: Int, lf: Int)
  ) -> Int {
    batch.pointee.startPiece()
    var line = scannedLine
    var lastCR = lastCR
    var noted = 0
    var index = count
    var (nextCR, nextLF) = next
    defer { next = (nextCR, nextLF) }
    while nextCR < count || nextLF < count {
      let at: Int
      if nextCR < nextLF {
        at = nextCR
        line &+= 1
        lastCR = streamStart &+ at
        nextCR = Self.find(0x0D, base, from: at &+ 1, count: count)
      } else {
        at = nextLF
        // An LF ends a line unless it is the second half of a CRLF.
        if lastCR != streamStart &+ at &- 1 { line &+= 1 }
        nextLF = Self.find(0x0A, base, from: at &+ 1, count: count)
      }
      batch.pointee.lineEnds.append(LineEnd(offset: streamStart &+ at, lineAfter: line))
      noted &+= 1
      if noted == Self.lineEndsPerPiece {
        index = at &+ 1
        break
      }
    }
    scannedLine = line
    self.lastCR = lastCR
    return index
  }

  /// The offset of the first `byte` in `base[from..<count]`, or `count`.
  private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
    guard from < count, let found = memchr(base + from, Int32(byte), count &- from) else { return count }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// Parses `base[pieceStart..<pieceEnd]`, whose line ends are noted, in as
  /// few calls to `csv_parse` as the record size limit and stray quotes allow.
  private func parsePiece(_ base: UnsafePointer<UInt8>, from pieceStart: Int, to pieceEnd: Int, streamStart: Int) throws {
    var position = pieceStart
    if skippingBrokenLine {
      guard let resume = batch.pointee.skipBrokenLine(after: streamStart + pieceStart - 1) else { return }
      skippingBrokenLine = false
      position = resume - streamStart
    }
    while position < pieceEnd {
      var stop = pieceEnd
      if let segment = batch.pointee.sizeLimitSegment(
        before: streamStart + pieceEnd, pieceStart: streamStart + pieceStart, limit: options.maxRecordBytes)
      {
        guard segment - streamStart > position else {
          throw CSVError(
            file: name, line: batch.pointee.openRecordLine, kind: .recordTooLarge(limit: options.maxRecordBytes))
        }
        stop = segment - streamStart
      }
      let used = csv_parse(parser, base + position, stop - position, countedFieldCallback, lineEndCallback, batch)
      if used == stop - position {
        position = stop
        continue
      }
      let code = csv_error(parser)
      guard code == CSV_EPARSE else { try check(code) ; return }
      // Strict mode found a stray quote: report the record and resume at the next line.
      batch.pointee.recordStartLine = batch.pointee.openRecordLine
      batch.pointee.brokenRecord()
      try reset()
      guard let resume = batch.pointee.skipBrokenLine(after: streamStart + position + used) else {
        skippingBrokenLine = true
        return
      }
      position = resume - streamStart
    }
    batch.pointee.endPiece()
  }

  /// The per-line path: feeds libcsv one physical line at a time. Kept as
  /// the reference the chunked path is tested against
  /// (``CSVReadOptions/lineByLine``).
  private func feedLineByLine(_ base: UnsafePointer<UInt8>, count: Int) throws {
    var start = 0
    var index = 0
    while index < count {
      let byte = base[index]
      index += 1
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
    if !skippingBrokenLine {
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
        batch.pointee.brokenRecord()
        try reset()
        skippingBrokenLine = true
      }
    }
    if terminator != nil { skippingBrokenLine = false }
    batch.pointee.passed(segment.count, endingWith: terminator)
  }

  func finish() throws {
    let lineByLine = options.lineByLine
    let done =
      lineByLine
      ? csv_fini(parser, fieldCallback, rowCallback, batch) : csv_fini(parser, countedFieldCallback, lineEndCallback, batch)
    if done != 0 {
      let line = lineByLine ? batch.pointee.recordStartLine : batch.pointee.openRecordLine
      throw CSVError(file: name, line: line, kind: .unterminatedQuote)
    }
  }

  /// Hands every record of the batch to `body`, in order, then empties the batch.
  func drain(_ body: (CSVRowView) throws -> Void) throws {
    try batch.pointee.drain(body)
  }
}

// The field callbacks try the plain-field fast path inline and call out only
// for the rest, so the common case saves no registers.
private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
  field, length, context in
  guard let batch = context?.assumingMemoryBound(to: CSVRecordBatch.self) else { return }
  let start = field?.assumingMemoryBound(to: UInt8.self)
  if !batch.pointee.addPlainField(start, length) { batch.pointee.addCheckedField(start, length, countingLineEnds: false) }
}

private let rowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
  context?.assumingMemoryBound(to: CSVRecordBatch.self).pointee.endRow()
}

private let countedFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
  field, length, context in
  guard let batch = context?.assumingMemoryBound(to: CSVRecordBatch.self) else { return }
  let start = field?.assumingMemoryBound(to: UInt8.self)
  batch.pointee.openRow()
  if !batch.pointee.addPlainField(start, length) { batch.pointee.addCheckedField(start, length, countingLineEnds: true) }
}

private let lineEndCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
  context?.assumingMemoryBound(to: CSVRecordBatch.self).pointee.endLine(terminator)
}

extension CSVRecordBatch {
  /// In the chunked path, a record starts on the current line when its
  /// first field arrives (see `CSVRecordBatch+LineEnds.swift`).
  @inline(__always)
  mutating func openRow() {
    if !rowOpen {
      rowOpen = true
      recordStartLine = line
    }
  }

  /// Adds the field when it is empty, or needs no trimming and holds only
  /// bytes from 0x0E to 0x7F (no NUL, no line end, ASCII), checking it
  /// while it is copied; returns false, having added nothing, for any
  /// other field, which ``addCheckedField(_:_:countingLineEnds:)`` takes.
  @inline(__always)
  mutating func addPlainField(_ start: UnsafeMutablePointer<UInt8>?, _ length: Int) -> Bool {
    guard problem == nil, bounds.hasRoom(for: 2) else { return false }
    let fieldStart = bytes.count
    if length > 0 {
      guard encoding == .utf8, let start, start[0] > 0x20, start[length &- 1] > 0x20, bytes.hasRoom(for: length),
        bytes.appendIfPlain(start, count: length)
      else { return false }
    }
    if rowFirstBound == nil {
      rowFirstBound = bounds.count
      bounds.appendInRoom(fieldStart)
    }
    bounds.appendInRoom(bytes.count)
    return true
  }

  /// Adds one field to the open record: trimmed, checked for NUL bytes and
  /// UTF-8 (or transcoded), unless the record already has a problem. In the
  /// chunked path (`countingLineEnds`), the line ends it holds are passed.
  @inline(never)
  mutating func addCheckedField(_ start: UnsafeMutablePointer<UInt8>?, _ length: Int, countingLineEnds: Bool) {
    if addTrimmedPlainField(start, length) { return }
    if countingLineEnds, let start {
      passFieldLineEnds(UnsafeBufferPointer(start: start, count: length).reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) })
    }
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
    if field.contains(0) {
      setProblem(.nulByte(column: openFieldCount + 1))
      return
    }
    switch encoding {
    case .utf8:
      if String(validating: field, as: UTF8.self) == nil {
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
}

extension CSVRecordBatch {
  /// Adds the field when, trimmed, it holds only bytes from 0x0E to 0x7F
  /// (``RawBuffer/appendIfPlain(_:count:)``): the quoted or space-padded
  /// ASCII fields ``addPlainField(_:_:)`` leaves, such as a free-text
  /// column ending in a space. Such a field holds no line end (what is
  /// trimmed is spaces and tabs), so no line end is passed, and ASCII needs
  /// no UTF-8 validation. Returns false, having added nothing, otherwise.
  @inline(__always)
  private mutating func addTrimmedPlainField(_ start: UnsafeMutablePointer<UInt8>?, _ length: Int) -> Bool {
    guard problem == nil, encoding == .utf8, let start, length > 0 else { return false }
    var lower = 0
    var upper = length
    while lower < upper, start[lower] == 0x20 || (tabIsSpace && start[lower] == 0x09) { lower &+= 1 }
    while upper > lower, start[upper &- 1] == 0x20 || (tabIsSpace && start[upper &- 1] == 0x09) { upper &-= 1 }
    bounds.reserve(2)
    bytes.reserve(upper &- lower)
    let fieldStart = bytes.count
    guard bytes.appendIfPlain(start + lower, count: upper &- lower) else { return false }
    if rowFirstBound == nil {
      rowFirstBound = bounds.count
      bounds.appendInRoom(fieldStart)
    }
    bounds.appendInRoom(bytes.count)
    return true
  }
}

extension RawBuffer<UInt8> {
  /// Appends `count` bytes when every one is from 0x0E to 0x7F (no NUL, no
  /// line end, ASCII); otherwise appends nothing and returns false. Reads
  /// and writes a machine word at a time, the last word overlapping the one
  /// before, so a short field costs no call to `memcpy`.
  @inline(__always)
  mutating func appendIfPlain(_ source: UnsafePointer<UInt8>, count length: Int) -> Bool {
    let target = UnsafeMutableRawPointer(base + count)
    let raw = UnsafeRawPointer(source)
    // A byte below 0x0E borrows into its high bit (the "has less than" test
    // of Anderson's Bit Twiddling Hacks,
    // <https://graphics.stanford.edu/~seander/bithacks.html#HasLessInWord>);
    // a byte above 0x7F has it set. A borrow only starts at a byte that
    // fails the test, so there are no false alarms.
    if length >= 8 {
      // Whole words up to the last, then the last word, which may overlap
      // the one before.
      let lastWord = length &- 8
      var index = 0
      while index < lastWord {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if ((word &- 0x0E0E_0E0E_0E0E_0E0E) | word) & 0x8080_8080_8080_8080 != 0 { return false }
        target.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
        index &+= 8
      }
      let word = raw.loadUnaligned(fromByteOffset: lastWord, as: UInt64.self)
      if ((word &- 0x0E0E_0E0E_0E0E_0E0E) | word) & 0x8080_8080_8080_8080 != 0 { return false }
      target.storeBytes(of: word, toByteOffset: lastWord, as: UInt64.self)
    } else if length >= 4 {
      let first = raw.loadUnaligned(as: UInt32.self)
      let last = raw.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
      if (((first &- 0x0E0E_0E0E) | first) | ((last &- 0x0E0E_0E0E) | last)) & 0x8080_8080 != 0 { return false }
      target.storeBytes(of: first, as: UInt32.self)
      target.storeBytes(of: last, toByteOffset: length &- 4, as: UInt32.self)
    } else {
      for index in 0..<length {
        let byte = source[index]
        if byte < 0x0E || byte >= 0x80 { return false }
        target.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
      }
    }
    count &+= length
    return true
  }
}

/// A growable buffer of plain values behind a pointer: the per-field path
/// appends to it without an Array's uniqueness and capacity checks. Its
/// owner frees it.
struct RawBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  fileprivate(set) var count = 0
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

  /// Makes room for `extra` more values.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(extra) }
  }

  @inline(never)
  private mutating func grow(_ extra: Int) {
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: max(capacity * 2, count + extra))
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = max(capacity * 2, count + extra)
  }

  /// Whether `extra` more values fit without growing.
  @inline(__always)
  func hasRoom(for extra: Int) -> Bool { capacity &- count >= extra }

  /// Appends a value when ``hasRoom(for:)`` said it fits.
  @inline(__always)
  mutating func appendInRoom(_ value: Element) {
    (base + count).initialize(to: value)
    count &+= 1
  }

  @inline(__always)
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

  @inline(__always)
  mutating func truncate(to newCount: Int) { count = newCount }

  /// Removes the first `dropped` values, moving the rest to the front.
  mutating func dropFirst(_ dropped: Int) {
    memmove(base, base + dropped, (count - dropped) * MemoryLayout<Element>.stride)
    count -= dropped
  }
}
