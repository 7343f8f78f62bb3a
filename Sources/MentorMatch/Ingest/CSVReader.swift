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
  }

  /// Reads CSV held in memory (tests, fuzzing, the audit re-run).
  public init(bytes: [UInt8], name: String, options: CSVReadOptions = CSVReadOptions()) {
    self.name = name
    self.options = options
    self.source = .bytes(bytes)
  }

  deinit {
    if case .file(let handle) = source { try? handle.close() }
  }

  /// Calls `body` once for every record, in file order, with either the
  /// record or the reason it could not be read. Blank lines are skipped.
  ///
  /// - Throws: ``CSVError`` for problems that stop the whole file (an
  ///   unterminated quote at the end, a read error, a record over the size
  ///   limit), or whatever `body` throws.
  public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
    let parser = try Parser(options: options, name: name)
    var pending: [CSVRow] = []
    var atStart = true
    func drain() throws {
      for row in pending { try body(row) }
      pending.removeAll(keepingCapacity: true)
    }
    switch source {
    case .bytes(let bytes):
      try bytes.withUnsafeBufferPointer { try parser.feed($0, atStart: true, into: &pending) }
      try drain()
    case .file(let handle):
      while true {
        let data: Data?
        do {
          data = try handle.read(upToCount: options.chunkSize)
        } catch {
          throw CSVError(file: name, line: parser.line, kind: .readFailed(reason: error.localizedDescription))
        }
        guard let data, !data.isEmpty else { break }
        try data.withUnsafeBytes { raw in
          try parser.feed(raw.bindMemory(to: UInt8.self), atStart: atStart, into: &pending)
        }
        atStart = false
        try drain()
      }
    }
    try parser.finish(into: &pending)
    try drain()
  }

  /// Reads every row into memory. Convenient for small files such as a taxonomy.
  public func readAll() throws -> [CSVRow] {
    var rows: [CSVRow] = []
    try forEachRow { rows.append($0) }
    return rows
  }
}

/// Owns one libcsv parser and the state of the record being built.
private final class Parser {
  private var parser = csv_parser()
  private let options: CSVReadOptions
  private let name: String
  private var initialised = false

  /// The physical line (1-based) the next byte belongs to.
  private(set) var line = 1
  private var lastByteWasCR = false
  private var recordStartLine = 1
  private var recordNumber = -1  // the header is record 0
  private var fields: [String] = []
  private var problem: CSVRecordProblem?
  private var recordBytes = 0
  private var rowHasNUL = false
  private var skippingBrokenLine = false
  private var output: [CSVRow] = []

  init(options: CSVReadOptions, name: String) throws(CSVError) {
    self.options = options
    self.name = name
    try reset()
  }

  deinit {
    if initialised { csv_free(&parser) }
  }

  private func reset() throws(CSVError) {
    if initialised { csv_free(&parser) }
    initialised = false
    // CSV_APPEND_NULL: fields arrive NUL-terminated, so they can become Strings
    // through the non-generic C-string initialiser.
    try check(csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)))
    initialised = true
    // libcsv grows its field buffer by a fixed block (128 bytes by default),
    // so a 10 MB field took some 80,000 reallocs: quadratic copying wherever
    // realloc cannot grow in place (ASan's allocator: minutes per test).
    csv_set_blk_size(&parser, 256 * 1024)
    csv_set_delim(&parser, options.delimiter)
    if options.delimiter == UInt8(ascii: "\t") {
      csv_set_space_func(&parser) { $0 == 0x20 ? 1 : 0 }
    }
  }

  private func check(_ code: Int32) throws(CSVError) {
    guard code != 0 else { return }
    throw CSVError(file: name, line: line, kind: .parser(code: Int(code)))
  }

  func feed(_ input: UnsafeBufferPointer<UInt8>, atStart: Bool, into rows: inout [CSVRow]) throws {
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
    while index < count {
      let byte = base[index]
      index += 1
      if byte > 0x0D { continue }
      if byte == 0 { rowHasNUL = true }
      guard byte == 0x0A || byte == 0x0D else { continue }
      try parseSegment(UnsafeBufferPointer(rebasing: buffer[start..<index]), endsWith: byte)
      start = index
    }
    if start < count {
      try parseSegment(UnsafeBufferPointer(rebasing: buffer[start..<count]), endsWith: nil)
    }
    rows.append(contentsOf: output)
    output.removeAll(keepingCapacity: true)
  }

  /// Parses bytes that hold at most one line end, as their last byte.
  private func parseSegment(_ segment: UnsafeBufferPointer<UInt8>, endsWith terminator: UInt8?) throws {
    if !skippingBrokenLine {
      if parser.pstate == 0 {  // ROW_NOT_BEGUN: a record starting here starts on this line
        recordStartLine = line
      }
      recordBytes += segment.count
      if recordBytes > options.maxRecordBytes {
        throw CSVError(file: name, line: recordStartLine, kind: .recordTooLarge(limit: options.maxRecordBytes))
      }
      let context = Unmanaged.passUnretained(self).toOpaque()
      let used = csv_parse(&parser, segment.baseAddress, segment.count, fieldCallback, rowCallback, context)
      if used != segment.count {
        let code = csv_error(&parser)
        guard code == CSV_EPARSE else { try check(code) ; return }
        // Strict mode found a stray quote: report the record and resume at the next line.
        brokenRecord(.syntax(column: fields.count + 1))
        try reset()
        skippingBrokenLine = true
      }
    }
    if let terminator {
      if terminator == 0x0D || !lastByteWasCR { line += 1 }
      lastByteWasCR = terminator == 0x0D
      if skippingBrokenLine { skippingBrokenLine = false }
    } else if segment.count > 0 {
      lastByteWasCR = false
    }
  }

  func finish(into rows: inout [CSVRow]) throws {
    let context = Unmanaged.passUnretained(self).toOpaque()
    if csv_fini(&parser, fieldCallback, rowCallback, context) != 0 {
      throw CSVError(file: name, line: recordStartLine, kind: .unterminatedQuote)
    }
    rows.append(contentsOf: output)
    output.removeAll()
  }

  fileprivate func addField(_ pointer: UnsafeMutableRawPointer?, _ length: Int) {
    guard problem == nil else { return }
    guard let bytes = pointer?.assumingMemoryBound(to: UInt8.self), length > 0 else {
      fields.append("")
      return
    }
    var lower = 0
    var upper = length
    let tabIsSpace = options.delimiter != 0x09
    while lower < upper, bytes[lower] == 0x20 || (tabIsSpace && bytes[lower] == 0x09) { lower += 1 }
    while upper > lower, bytes[upper - 1] == 0x20 || (tabIsSpace && bytes[upper - 1] == 0x09) { upper -= 1 }
    if rowHasNUL, UnsafeBufferPointer(start: bytes + lower, count: upper - lower).contains(0) {
      problem = .nulByte(column: fields.count + 1)
      return
    }
    switch options.encoding {
    case .utf8:
      // libcsv's buffer holds length + 1 bytes (CSV_APPEND_NULL); end the
      // trimmed value there and read it as a C string, which validates UTF-8.
      bytes[upper] = 0
      guard let value = String(validatingCString: UnsafeRawPointer(bytes + lower).assumingMemoryBound(to: CChar.self)) else {
        problem = .invalidUTF8(column: fields.count + 1)
        return
      }
      fields.append(value)
    case .windows1252:
      fields.append(Windows1252.decode(UnsafeBufferPointer(start: bytes + lower, count: upper - lower)))
    }
  }

  fileprivate func endRow() {
    recordNumber += 1
    let row: CSVRow
    if let problem {
      row = .malformed(CSVMalformedRecord(line: recordStartLine, number: recordNumber, problem: problem))
    } else {
      row = .record(CSVRecord(fields: fields, line: recordStartLine, number: recordNumber))
    }
    output.append(row)
    fields.removeAll(keepingCapacity: true)
    problem = nil
    rowHasNUL = false
    recordBytes = 0
  }

  private func brokenRecord(_ reason: CSVRecordProblem) {
    if problem == nil { problem = reason }
    endRow()
  }
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
  field, length, context in
  Unmanaged<Parser>.fromOpaque(context!).takeUnretainedValue().addField(field, length)
}

private let rowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
  Unmanaged<Parser>.fromOpaque(context!).takeUnretainedValue().endRow()
}
