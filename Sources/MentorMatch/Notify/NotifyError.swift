/// A problem in the notification stage: a value that cannot go into an email,
/// a broken template, or an outbox that cannot be written.
///
/// Messages never include an email address or a whole record: they name the
/// field and the reason, and the caller adds the person's id.
public enum NotifyError: Error, Equatable, CustomStringConvertible, ExitCoded {
  /// A value bound for a header holds a CR, LF or other control character.
  /// The person must be rejected; the value is never written.
  case unsafeHeaderValue(field: String, scalar: UInt32)
  /// An address failed validation (RFC 5322 / RFC 5321).
  case invalidAddress(field: String, reason: EmailAddressError)
  /// The run id cannot be used in file names and headers.
  case invalidRunID(String)
  /// A template could not be parsed or rendered.
  case template(name: String, problem: String)
  /// Two different messages would get the same outbox file name.
  case duplicateMessage(fileName: String)
  /// The outbox could not be written or read.
  case outbox(path: String, problem: String)
  /// A folder of the outbox could not be made (a file in the way, a denied
  /// parent, a read-only or full file system): exit 73, as for the run folder.
  case outboxFolder(path: String, reason: String)

  public var description: String {
    switch self {
    case .unsafeHeaderValue(let field, let scalar):
      let hex = String(scalar, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      return "email: \(field) holds a control character (\(code)); refused so that no header line can be injected"
    case .invalidAddress(let field, let reason):
      return "email: \(field) is not a valid address: \(reason)"
    case .invalidRunID(let id):
      return "email: run id '\(id)' may hold only letters, digits, '.', '_' and '-'"
    case .template(let name, let problem):
      return "\(name): \(problem)"
    case .duplicateMessage(let fileName):
      return "outbox: two different messages share the file name '\(fileName)'"
    case .outbox(let path, let problem):
      return "\(path): \(problem)"
    case .outboxFolder(let path, let reason):
      return "\(path): cannot create the folder: \(reason)"
    }
  }

  public var exitStatus: ExitStatus {
    switch self {
    case .unsafeHeaderValue, .invalidAddress: .dataError
    case .invalidRunID: .software
    case .template: .config
    case .duplicateMessage: .software
    case .outbox: .ioError
    case .outboxFolder: .cannotCreate
    }
  }
}
