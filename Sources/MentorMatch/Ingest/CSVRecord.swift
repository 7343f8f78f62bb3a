/// One record read from a CSV file.
public struct CSVRecord: Sendable, Equatable {
  /// The field values, trimmed of surrounding spaces and tabs.
  public var fields: [String]
  /// The physical line (1-based) on which the record starts. A record whose
  /// quoted field holds line breaks spans several lines; this is the first.
  public var line: Int
  /// The record's number: 0 for the header, 1 for the first data record.
  public var number: Int

  public init(fields: [String], line: Int, number: Int) {
    self.fields = fields
    self.line = line
    self.number = number
  }
}

/// Why a record could not be read.
public enum CSVRecordProblem: Sendable, Equatable {
  /// A quote inside an unquoted field, or text after a closing quote
  /// (libcsv's strict mode). `column` is the 1-based field position.
  case syntax(column: Int)
  /// The field's bytes are not valid UTF-8.
  case invalidUTF8(column: Int)
  /// The field holds a NUL byte.
  case nulByte(column: Int)

  /// The 1-based field position at fault.
  public var column: Int {
    switch self {
    case .syntax(let column), .invalidUTF8(let column), .nulByte(let column): column
    }
  }

  /// A short, stable code for reports and `rejects.csv`.
  public var code: String {
    switch self {
    case .syntax: "csv-syntax"
    case .invalidUTF8: "invalid-utf8"
    case .nulByte: "nul-byte"
    }
  }

  /// Words for a person. What to do about a field that is not UTF-8 depends
  /// on the command reading the file, so each reader passes its own advice.
  ///
  /// - Parameter advice: for ``invalidUTF8``, what the reader of this file can
  ///   do (``CSVRecordProblem/exportEncodingAdvice`` for sign-up exports);
  ///   shown in brackets after the problem.
  public func message(invalidUTF8Advice advice: String) -> String {
    switch self {
    case .syntax: "stray quote in field \(column) (quote a field that holds quotes, and double the inner ones)"
    case .invalidUTF8: "field \(column) is not valid UTF-8 (\(advice))"
    case .nulByte: "field \(column) holds a NUL byte"
    }
  }

  /// For a sign-up export, which `[input] encoding` can read as Windows-1252.
  public static let exportEncodingAdvice = "set input.encoding = 'windows-1252' for legacy exports"

  /// For a file of a command that reads UTF-8 only (`taxonomy`, `solve`);
  /// `encoding` is iconv's name for what the file probably is.
  public static func convertAdvice(_ reader: String, from encoding: String = "windows-1252") -> String {
    "\(reader) UTF-8 only: save it as UTF-8, or convert it with iconv -f \(encoding) -t utf-8"
  }
}

/// A record that could not be read, with where it was.
public struct CSVMalformedRecord: Sendable, Equatable {
  public var line: Int
  public var number: Int
  public var problem: CSVRecordProblem
}

/// One row event from ``CSVReader``: a record, or a record that could not be read.
public enum CSVRow: Sendable, Equatable {
  case record(CSVRecord)
  case malformed(CSVMalformedRecord)

  /// The physical line the row starts on.
  public var line: Int {
    switch self {
    case .record(let record): record.line
    case .malformed(let bad): bad.line
    }
  }
}

/// Text encodings a CSV export may use.
public enum CSVEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"
}

/// How to read a CSV file.
public struct CSVReadOptions: Sendable {
  /// The field delimiter: `,` by default; `;` and tab for European Excel exports.
  public var delimiter: UInt8
  public var encoding: CSVEncoding
  /// How many bytes are read and parsed at a time. Memory stays flat as files grow.
  ///
  /// 64 KiB by default: the read buffer and the batch of parsed fields are
  /// reused from chunk to chunk and stay warm in the cache, and a small
  /// export (a few hundred kilobytes) touches a quarter of the fresh pages
  /// a 256 KiB chunk did; a large file costs a few more `read` calls.
  public var chunkSize: Int
  /// The largest record accepted. A larger one stops the file: it is either
  /// not CSV or a stream without end.
  public var maxRecordBytes: Int
  /// Feeds libcsv one physical line at a time, as the reader did before it
  /// parsed whole chunks: slower, and kept as the reference the chunked path
  /// is tested (`CSVReaderPathTests`) and fuzzed (`fuzz/FuzzIngest.swift`) against.
  @_spi(Reference) public var lineByLine = false

  public init(
    delimiter: UInt8 = UInt8(ascii: ","),
    encoding: CSVEncoding = .utf8,
    chunkSize: Int = 64 * 1024,
    maxRecordBytes: Int = 64 * 1024 * 1024
  ) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.chunkSize = chunkSize
    self.maxRecordBytes = maxRecordBytes
  }
}

/// A problem that stops reading a CSV file.
public struct CSVError: Error, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case cannotOpen(reason: String)
    case readFailed(reason: String)
    case unterminatedQuote
    case recordTooLarge(limit: Int)
    case parser(code: Int)
    case wrongEncoding(found: String)
  }

  public var file: String
  public var line: Int?
  public var kind: Kind

  public init(file: String, line: Int? = nil, kind: Kind) {
    self.file = file
    self.line = line
    self.kind = kind
  }

  public var description: String { "\(line.map { "\(file):\($0)" } ?? file): \(problem)" }

  /// What went wrong, without the file and line (for callers that name the file their own way).
  public var problem: String {
    switch kind {
    case .cannotOpen(let reason): "cannot open: \(reason)"
    case .readFailed(let reason): "read failed: \(reason)"
    case .unterminatedQuote: "a quoted field opened here is never closed"
    case .recordTooLarge(let limit): "record exceeds \(limit / 1_048_576) MiB; is this a CSV export?"
    case .parser(let code): "CSV parser failed (libcsv error \(code))"
    case .wrongEncoding(let found): "the file is \(found); save the export as UTF-8 CSV"
    }
  }

  /// The sysexits code for this error.
  public var exitCode: ExitStatus {
    switch kind {
    case .cannotOpen: .noInput
    case .readFailed: .ioError
    case .unterminatedQuote, .recordTooLarge, .wrongEncoding: .dataError
    case .parser: .software
    }
  }
}
