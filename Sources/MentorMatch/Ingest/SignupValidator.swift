/// Turns CSV rows into sign-ups, one file at a time: every record read ends up
/// accepted, rejected with its reasons, or (after ``finish()``) superseded.
///
/// Pure: it never opens a file, so `validate`, `run` and `audit` feed it the
/// same way. Problems are recorded per row and reading goes on, as
/// swift-format's `DiagnosticsEngine` does; file-level problems throw.
public struct SignupValidator: Sendable {
  public let settings: InputSettings
  private var accepted: [Signup] = []
  /// One per accepted sign-up while every one has a key; nil after the first without.
  private var keys: [DuplicateKey]? = []
  /// The file index and line of the last accepted sign-up.
  private var lastAccepted: (Int, Int)?
  private var rejected: [RejectedRecord] = []
  private var readPerFile: [Int] = []
  private var columns: ColumnMap?
  private var file: InputFile?
  private var fileIndex = -1
  private var pool = TextPool()
  private var sizing: FileSizing?
  /// The fast path for the current file's rows, once its header is read.
  private var plainRow: PlainRow?
  /// The line and field count of the current file's last record, when it
  /// had fewer fields than the header.
  private var lastRecordShort: (line: Int, fields: Int)?
  /// The `[input.extra]` fields some file read so far has a column for
  /// (membership only; never listed from).
  private var extrasFound: Set<String> = []

  public init(settings: InputSettings) {
    self.settings = settings
  }

  /// A validator whose first ``begin(file:byteCount:)`` starts
  /// `settings.files[index]`, to read that file beside the others and be
  /// joined to them with ``append(_:)``.
  init(settings: InputSettings, firstFile index: Int) {
    self.settings = settings
    fileIndex = index - 1
    readPerFile = Array(repeating: 0, count: index)
  }

  /// How many sign-ups have been accepted so far.
  var acceptedCount: Int { accepted.count }

  /// Makes room for `count` more accepted sign-ups (and their keys), which
  /// ``append(_:)`` is about to add: one move instead of a growth per join.
  mutating func reserve(moreSignups count: Int) {
    accepted.reserveCapacity(accepted.count + count)
    keys?.reserveCapacity(accepted.count + count)
  }

  /// Takes over what `later` read, as if this validator had read its files
  /// too, after its own: `later` started at the file after this one's last
  /// (``init(settings:firstFile:)``) and has ended its files.
  mutating func append(_ later: consuming SignupValidator) {
    precondition(later.readPerFile.count > readPerFile.count, "joined out of file order")
    // Moved, not copied (``SignupValidator/keep(_:of:)`` says why).
    let start = accepted.count
    accepted.append(contentsOf: repeatElement(Signup.placeholder, count: later.accepted.count))
    for index in later.accepted.indices { swap(&accepted[start + index], &later.accepted[index]) }
    // Its rows come after every row here, so its keys follow these as they would have.
    if let theirs = later.keys { keys?.append(contentsOf: theirs) } else { keys = nil }
    lastAccepted = later.lastAccepted ?? lastAccepted
    rejected.append(contentsOf: later.rejected)
    readPerFile.append(contentsOf: later.readPerFile[readPerFile.count...])
    fileIndex = later.fileIndex
    extrasFound.formUnion(later.extrasFound)
  }

  /// Starts the next file of `settings.files`.
  ///
  /// - Parameter byteCount: the file's size, when known: after a sample of
  ///   its records the validator reserves room for the sign-ups the rest of
  ///   the file should hold, so that its array of sign-ups is not copied
  ///   each time it outgrows its storage. It changes no result.
  public mutating func begin(file: InputFile, byteCount: Int? = nil) {
    fileIndex += 1
    self.file = file
    columns = nil
    plainRow = nil
    lastRecordShort = nil
    readPerFile.append(0)
    sizing = byteCount.map { FileSizing(fileBytes: $0) }
  }

  /// Takes one row of the current file; the first record is its header.
  public mutating func consume(_ row: CSVRow) throws(IngestError) {
    try consume(CSVRowView(row))
  }

  /// Takes one row of the current file as ``CSVReader/forEachRowView(_:)``
  /// hands it out; the first record is its header.
  public mutating func consume(_ row: CSVRowView) throws(IngestError) {
    guard let file else { return }
    guard let columns else {
      switch row {
      case .record(let header):
        let columns = try ColumnMap(header: header.fields, file: file, settings: settings)
        self.columns = columns
        extrasFound.formUnion(columns.extraColumns.keys)
        plainRow = PlainRow(columns: columns, file: file, settings: settings)
      case .malformed(let bad):
        throw .csv(CSVError(file: file.name, line: bad.line, kind: .parser(code: 1)))
      }
      return
    }
    readPerFile[fileIndex] += 1
    if case .record(let record) = row, record.count < columns.width {
      lastRecordShort = (record.line, record.count)
    } else {
      lastRecordShort = nil
    }
    if case .record(let record) = row, let estimate = sizing?.sample(record) {
      sizing = nil
      // The first file's validator becomes the join of every file
      // (``SignupIngest``): room for the later files too, taken to be as
      // large, spares moving all its sign-ups into a larger array there.
      let files = fileIndex == 0 ? settings.files.count : 1
      let room = accepted.count + min(estimate * files, FileSizing.largestReservation)
      accepted.reserveCapacity(room)
      keys?.reserveCapacity(room)
    }
    switch row {
    case .malformed(let bad):
      let reason: RejectReason =
        switch bad.problem {
        case .syntax: .csvSyntax
        case .invalidUTF8: .invalidUTF8
        case .nulByte: .nulByte
        }
      let field = columns.fieldName(atColumn: bad.problem.column - 1)
      rejected.append(
        RejectedRecord(
          location: location(line: bad.line, record: bad.number),
          problems: [FieldProblem(field: field, reason: reason, message: bad.problem.message(invalidUTF8Advice: CSVRecordProblem.exportEncodingAdvice))]))
    case .record(let record):
      let location = location(line: record.line, record: record.number)
      if let (signup, key) = plainRow?.signup(record, at: location, pool: &pool) {
        accept(signup, key: key)
        return
      }
      let check = SignupRowCheck(record: record, columns: columns, file: file, settings: settings, location: location)
      switch check.result(pool: &pool) {
      case .accepted(let signup): accept(signup, key: nil)
      case .rejected(let reject): rejected.append(reject)
      }
    }
  }

  /// Keeps a sign-up, with its ``DuplicateKey`` (made from the row's bytes
  /// by ``PlainRow``, or here from the sign-up).
  private mutating func accept(_ signup: consuming Signup, key: DuplicateKey?) {
    if keys != nil {
      // Keyed resolution needs the sign-ups in file and line order, as rows come.
      let inOrder = lastAccepted.map { $0 < (signup.source.fileIndex, signup.source.line) } ?? true
      lastAccepted = (signup.source.fileIndex, signup.source.line)
      var made = key
      if made == nil { made = DuplicateKey(signup) }
      if inOrder, let made {
        keys?.append(made)
      } else {
        keys = nil
      }
    }
    accepted.append(signup)
  }

  /// Marks the end of the current file. An empty file (no header) is an error,
  /// and so is a file cut short: one whose last record has fewer fields
  /// than the header and no line break after it, as an export copied while
  /// it is still being written ends. Matching the rows before it would
  /// match part of the export and send its emails.
  ///
  /// - Parameter endsWithLineBreak: whether the file's last byte was a CR
  ///   or LF (``CSVReader/endsWithLineBreak``).
  public mutating func end(endsWithLineBreak: Bool = true) throws(IngestError) {
    guard let file else { return }
    if columns == nil { throw .emptyFile(file: file.name) }
    if !endsWithLineBreak, let short = lastRecordShort, let columns {
      throw .cutShort(file: file.name, line: short.line, fields: short.fields, width: columns.width)
    }
    self.file = nil
  }

  /// Resolves duplicates and checks the reject share. Empties the
  /// validator, so the sign-ups move into the result rather than being
  /// copied (a `consuming` method copies them when the caller's variable
  /// is still alive, as one captured by the reading closure is).
  public mutating func finish() throws(IngestError) -> IngestResult {
    // A file of one side may lack an extra column (the other side's), so
    // ``ColumnMap`` lets it; but one that no file has is a misnamed column,
    // which every rule would read as empty.
    if let name = settings.extraColumns.keys.sorted().first(where: {
      !(settings.extraColumns[$0] ?? "").isEmpty && !extrasFound.contains($0)
    }) {
      throw .extraColumnInNoFile(files: settings.files.map(\.name), field: name, header: settings.extraColumns[name] ?? "")
    }
    var kept = accepted
    accepted = []
    let keys = self.keys
    self.keys = nil
    pool = TextPool()
    let superseded = Self.resolveDuplicates(&kept, keys: keys)
    let result = IngestResult(
      files: settings.files.map(\.name), recordsPerFile: readPerFile, signups: kept,
      rejected: rejected.sorted { $0.location < $1.location },
      superseded: superseded)
    let read = result.recordsRead
    if read > 0, Double(result.rejected.count) > settings.maxRejectShare * Double(read) {
      throw .tooManyRejects(rejected: result.rejected.count, read: read, limit: settings.maxRejectShare)
    }
    return result
  }

  private func location(line: Int, record: Int) -> RecordLocation {
    RecordLocation(file: file?.name ?? "", fileIndex: fileIndex, line: line, record: record)
  }
}
