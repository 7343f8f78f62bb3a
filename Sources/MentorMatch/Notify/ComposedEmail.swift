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
  /// The text and HTML bodies as rendered, before transfer encoding.
  public var text: String
  public var html: String
  /// The RFC 5322 message, CRLF line ends.
  public var bytes: [UInt8]
}
