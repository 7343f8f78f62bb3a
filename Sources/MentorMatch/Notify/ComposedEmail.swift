/// One finished email: its bytes and what the outbox and listings need.
public struct ComposedEmail: Sendable, Hashable {
  public var kind: EmailKind
  /// `<run-id>.<kind>.<hash>.eml`: deterministic, only `[A-Za-z0-9._-]`.
  public var fileName: String
  /// `<hash@domain>`, angle brackets included.
  public var messageID: String
  public var recipient: EmailAddress
  /// The subject as rendered, before header encoding.
  public var subject: String
  /// The text and HTML bodies as rendered (UTF-8), before transfer encoding:
  /// kept as bytes, since only tests and listings read them as text.
  var textBytes: [UInt8]
  var htmlBytes: [UInt8]
  /// The RFC 5322 message, CRLF line ends.
  public var bytes: [UInt8]

  /// The text body as rendered, before transfer encoding.
  public var text: String {
    get { String(decoding: textBytes, as: UTF8.self) }
    set { textBytes = Array(newValue.utf8) }
  }

  /// The HTML body as rendered, before transfer encoding.
  public var html: String {
    get { String(decoding: htmlBytes, as: UTF8.self) }
    set { htmlBytes = Array(newValue.utf8) }
  }
}
