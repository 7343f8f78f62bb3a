/// Renders ``EmailRequest`` values into RFC 5322 messages. Pure: the same
/// request, settings and templates always give the same bytes.
///
/// Headers follow [RFC 5322](https://www.rfc-editor.org/rfc/rfc5322) (folded,
/// CRLF), non-ASCII names and subjects use [RFC 2047](https://www.rfc-editor.org/rfc/rfc2047)
/// encoded-words, bodies are `multipart/alternative` quoted-printable
/// ([RFC 2045](https://www.rfc-editor.org/rfc/rfc2045), [RFC 2046](https://www.rfc-editor.org/rfc/rfc2046)).
public struct EmailComposer: Sendable {
  public let settings: EmailSettings
  public let templates: EmailTemplateSet
  /// Next steps already split into paragraphs, by their raw text.
  let nextSteps = NextStepsCache()
  /// The `From`, `Cc` and `Reply-To` fields, the same in every email: folded once.
  let senderFields: [String]

  public init(settings: EmailSettings, templates: EmailTemplateSet) {
    self.settings = settings
    self.templates = templates
    senderFields = Self.senderFields(settings)
  }

  /// `From` (to be followed by `To`), then `Cc` and `Reply-To` when set.
  static func senderFields(_ settings: EmailSettings) -> [String] {
    var fields = [addressField("From", [(settings.fromName, settings.from)])]
    if !settings.cc.isEmpty { fields.append(addressField("Cc", settings.cc.map { ("", $0) })) }
    if !settings.replyTo.isEmpty { fields.append(addressField("Reply-To", settings.replyTo.map { ("", $0) })) }
    return fields
  }

  /// Loads the templates the settings name and validates them against the
  /// built-in sample: what the run calls while checking the config, before
  /// any email is written.
  public static func load(settings: EmailSettings) throws(NotifyError) -> EmailComposer {
    let composer = EmailComposer(settings: settings, templates: try EmailTemplateSet.load(settings: settings))
    try composer.validate()
    return composer
  }

  /// Composes one email. Throws `unsafeHeaderValue` or `invalidAddress` for a
  /// value that cannot be sent (reject the person), `invalidRunID` for a run
  /// id that is not file-name safe, `template` when a template renders an
  /// empty subject or body.
  public func compose(_ request: EmailRequest) throws(NotifyError) -> ComposedEmail {
    try Self.checkRunID(request.runID)
    try Self.checkValues(request)
    let recipient = try Self.address(request.recipient.address, field: "recipient address")
    if case .match(let matches) = request.content {
      // By index: an enumerated element is a copy of the notice, each of its Strings retained.
      for index in matches.indices {
        _ = try Self.address(matches[index].email, field: "match \(index + 1) email")
      }
    }
    let steps = nextSteps.value(for: request.nextSteps)
    let fill = Self.fill(request, nextSteps: steps)
    let kind = request.kind
    // The untyped context only when a shape is new or cannot be spliced.
    var context: (values: [String: Any], sentinels: SentinelContext?)?
    func render(_ part: EmailTemplateName.Part) -> [UInt8] {
      let name = EmailTemplateName(kind, part)
      if let bytes = templates.spliced(name, fill) { return bytes }
      let made = context ?? { () -> (values: [String: Any], sentinels: SentinelContext?) in
        let values = Self.context(request, nextSteps: steps)
        return (values, SentinelContext(values, markers: false))
      }()
      context = made
      return Array(templates.renderSpliced(name, made.values, context: made.sentinels).utf8)
    }
    let subject = HeaderText.collapsingWhitespace(render(.subject))
    let text = render(.text)
    let html = render(.html)
    // A template that renders nothing would send an empty email; values are
    // already free of control characters, so only the template can add them.
    for (part, rendered) in [(EmailTemplateName.Part.subject, Array(subject.utf8)), (.text, text), (.html, html)]
    where Self.isBlank(rendered) {
      throw .template(name: templates.origin(EmailTemplateName(kind, part)), problem: "renders to nothing")
    }
    try HeaderText.checkSingleLine(subject, field: "rendered subject")

    let key = [request.runID, kind.rawValue, request.cohort, recipient.addrSpec.lowercased()]
    let messageID = "<\(Hex.digest(["message-id"] + key, count: 32))@\(settings.messageIDDomain)>"
    let fileName = "\(request.runID).\(kind.rawValue).\(Hex.digest(["file"] + key, count: 20)).eml"

    var fields: [String] = []
    fields.reserveCapacity(senderFields.count + 9)
    fields.append(senderFields[0])
    fields.append(Self.addressField("To", [(request.recipient.displayName, recipient)]))
    fields += senderFields.dropFirst()
    fields.append(HeaderText.fold(name: "Subject", segments: HeaderText.unstructured(subject, firstBudget: 78 - 9)))
    fields.append("Date: \(request.asOf.rfc5322)")
    // Never folded: some tools mishandle a folded msg-id, and it is one token.
    fields.append("Message-ID: \(messageID)")
    fields.append("MIME-Version: 1.0")
    // RFC 3834: marks the message as automatic, so auto-replies are suppressed.
    fields.append("Auto-Submitted: auto-generated")
    fields.append("X-MentorMatch-Kind: \(kind.rawValue)")
    fields.append("X-MentorMatch-Run: \(request.runID)")
    let message = MIMEMessage(headerFields: fields, text: text, html: html)
    return ComposedEmail(
      kind: kind, fileName: fileName, messageID: messageID, recipient: recipient, subject: subject,
      textBytes: text, htmlBytes: html, bytes: message.bytes())
  }

  /// Whether UTF-8 `text` is only whitespace, as `Character.isWhitespace`
  /// has it. Any printable ASCII byte settles it without decoding.
  static func isBlank(_ text: [UInt8]) -> Bool {
    if text.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
    return String(decoding: text, as: UTF8.self).allSatisfy(\.isWhitespace)
  }

  static func address(_ text: String, field: @autoclosure () -> String) throws(NotifyError) -> EmailAddress {
    try HeaderText.checkSingleLine(text, field: field())
    do { return try EmailAddress.validate(text) } catch { throw .invalidAddress(field: field(), reason: error) }
  }

  /// `Name: phrase <addr>, phrase <addr>`, folded.
  static func addressField(_ name: String, _ mailboxes: [(String, EmailAddress)]) -> String {
    var segments: [String] = []
    for (index, (displayName, address)) in mailboxes.enumerated() {
      let budget = segments.isEmpty ? HeaderText.lineLimit - name.utf8.count - 2 : HeaderText.encodedWordLimit
      var mailbox = HeaderText.phrase(displayName, firstBudget: budget)
      mailbox.append(mailbox.isEmpty ? address.addrSpec : "<\(address.addrSpec)>")
      if index + 1 < mailboxes.count { mailbox[mailbox.count - 1] += "," }
      segments += mailbox
    }
    return HeaderText.fold(name: name, segments: segments)
  }

  static func checkRunID(_ runID: String) throws(NotifyError) {
    let ok =
      !runID.isEmpty && runID.utf8.count <= 100 && !runID.hasPrefix(".")
      && runID.utf8.allSatisfy { $0.isAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    if !ok { throw .invalidRunID(runID) }
  }

  /// Every single-line value of the request, named for messages. Any of them
  /// may reach the subject through a template, so all are checked.
  static func checkValues(_ request: EmailRequest) throws(NotifyError) {
    try HeaderText.checkSingleLine(request.recipient.displayName, field: "recipient name")
    try HeaderText.checkSingleLine(request.programme, field: "programme")
    try HeaderText.checkSingleLine(request.cohort, field: "cohort")
    switch request.content {
    case .match(let matches):
      // By index, as in `compose(_:)`. Field names are made only for an error (autoclosures).
      for index in matches.indices {
        try HeaderText.checkSingleLine(matches[index].name, field: "match \(index + 1) name")
        try HeaderText.checkSingleLine(matches[index].gradeLabel, field: "match \(index + 1) grade")
        try HeaderText.checkSingleLine(matches[index].department, field: "match \(index + 1) department")
        try HeaderText.checkSingleLine(matches[index].profession, field: "match \(index + 1) profession")
        for (line, reason) in matches[index].reasons.enumerated() {
          try HeaderText.checkSingleLine(reason, field: "match \(index + 1) reason \(line + 1)")
        }
      }
    case .waiting(let reason):
      try HeaderText.checkSingleLine(reason, field: "waiting reason")
    case .leadSummary(let counts, let reportPath):
      for count in counts { try HeaderText.checkSingleLine(count.cohort, field: "summary cohort") }
      try HeaderText.checkSingleLine(reportPath, field: "report path")
    }
  }
}

extension UInt8 {
  fileprivate var isAlphanumeric: Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
  }
}
