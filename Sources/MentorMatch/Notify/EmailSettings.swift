import Foundation

/// The `[email]` section of the config: sender, copies, Message-ID domain,
/// which optional emails to send, cohort leads, next-steps text and template
/// overrides.
///
/// ```toml
/// [email]
/// from = "mentoring@cabinetoffice.gov.uk"
/// from_name = "Civil Service Mentoring"
/// reply_to = "mentoring-team@cabinetoffice.gov.uk"   # optional
/// cc = []                                             # optional
/// message_id_domain = "mentormatch.cabinetoffice.gov.uk"  # default: the from domain
/// send_waiting = false
/// send_lead_summary = false
/// reports_url = "https://intranet.example.gov.uk/mentoring/runs"  # optional
/// next_steps_mentee = "…"   # defaults in DefaultTemplates
/// next_steps_mentor = "…"
/// next_steps_waiting = "…"
///
/// [email.templates]          # optional; relative paths from the config's folder
/// dir = "email-templates"    # files named <kind>.<part>.mustache
/// match_html = "custom/match.html.mustache"
///
/// [email.leads]              # cohort name = list of addresses, each optionally with a name
/// "Policy 2026" = ["Sam Jones <policy-lead@cabinetoffice.gov.uk>"]
/// ```
public struct EmailSettings: Sendable, Hashable {
  public var from: EmailAddress
  public var fromName: String
  public var replyTo: [EmailAddress]
  public var cc: [EmailAddress]
  /// The right-hand side of every Message-ID.
  public var messageIDDomain: String
  public var sendWaiting: Bool
  public var sendLeadSummary: Bool
  /// Lead addresses per cohort, sorted by cohort name.
  public var leads: [CohortLeads]
  /// Where HR publishes run folders for the leads (a URL or a shared path),
  /// without a trailing `/`: a lead summary then links the report as
  /// `<reportsURL>/<run-id>/cohorts/<cohort>/report.html`; nil gives the
  /// path inside the runs folder alone.
  public var reportsURL: String?
  public var nextStepsMentee: String
  public var nextStepsMentor: String
  public var nextStepsWaiting: String
  /// Template sources: a folder and per-template files (absolute paths).
  public var templateDirectory: String?
  public var templateFiles: [EmailTemplateName: String]

  /// Settings with the defaults, for tests and tools.
  public init(from: EmailAddress, fromName: String, messageIDDomain: String? = nil) {
    self.from = from
    self.fromName = fromName
    self.replyTo = []
    self.cc = []
    self.messageIDDomain = messageIDDomain ?? from.domain
    self.sendWaiting = false
    self.sendLeadSummary = false
    self.leads = []
    self.reportsURL = nil
    self.nextStepsMentee = DefaultTemplates.nextStepsMentee
    self.nextStepsMentor = DefaultTemplates.nextStepsMentor
    self.nextStepsWaiting = DefaultTemplates.nextStepsWaiting
    self.templateDirectory = nil
    self.templateFiles = [:]
  }

  /// Reads `[email]`; unknown keys are errors.
  public init(from section: ConfigSection) throws(ConfigError) {
    func address(_ key: String, _ text: String) throws(ConfigError) -> EmailAddress {
      do { return try EmailAddress.validate(text) } catch { throw section.error(key, "not a valid address: \(error)") }
    }
    func line(_ key: String, _ text: String) throws(ConfigError) -> String {
      for scalar in text.unicodeScalars where HeaderText.isControl(scalar) {
        throw section.error(key, "holds a line break or control character")
      }
      return text
    }
    guard let fromText = try section.string("from") else { throw section.error("from", "missing (the sender address)") }
    self.init(from: try address("from", fromText), fromName: try line("from_name", section.string("from_name", default: "")))
    replyTo = []
    for text in try section.strings("reply_to") ?? [] { replyTo.append(try address("reply_to", text)) }
    for text in try section.strings("cc") ?? [] { cc.append(try address("cc", text)) }
    if let domain = try section.string("message_id_domain") {
      do { messageIDDomain = try EmailAddress.validate("x@" + domain).domain } catch {
        throw section.error("message_id_domain", "'\(domain)' is not a valid domain")
      }
    }
    sendWaiting = try section.bool("send_waiting", default: false)
    sendLeadSummary = try section.bool("send_lead_summary", default: false)
    if let url = try section.string("reports_url") {
      let base = String(url.reversed().drop { $0 == "/" }.reversed())
      guard !base.isEmpty, !base.unicodeScalars.contains(where: { HeaderText.isControl($0) || $0 == " " }) else {
        throw section.error("reports_url", "give a URL or path without spaces, line breaks or control characters")
      }
      reportsURL = base
    }
    nextStepsMentee = try section.string("next_steps_mentee", default: nextStepsMentee)
    nextStepsMentor = try section.string("next_steps_mentor", default: nextStepsMentor)
    nextStepsWaiting = try section.string("next_steps_waiting", default: nextStepsWaiting)
    if let leadsSection = try section.section("leads") {
      for cohort in leadsSection.keys {
        var recipients: [CohortLeads.Lead] = []
        for text in try leadsSection.strings(cohort) ?? [] {
          let (name, address) = CohortLeads.Lead.split(text)
          guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw leadsSection.error(cohort, "the name before the address holds a control character")
          }
          do { recipients.append(CohortLeads.Lead(name: name, address: try EmailAddress.validate(address))) } catch {
            throw leadsSection.error(cohort, "not a valid address: \(error)")
          }
        }
        leads.append(CohortLeads(cohort: cohort, recipients: recipients))
      }
    }
    if let templates = try section.section("templates") {
      templateDirectory = try templates.path("dir")
      for name in EmailTemplateName.all {
        if let path = try templates.path(name.configKey) { templateFiles[name] = path }
      }
      try templates.finish()
    }
    try section.finish()
  }

  /// Where a lead finds a report at `path` inside the runs folder
  /// (`<run-id>/cohorts/<cohort>/report.html`).
  public func reportLocation(_ path: String) -> String {
    reportsURL.map { "\($0)/\(path)" } ?? path
  }

  /// The next-steps text for a recipient of `kind` with `role`.
  public func nextSteps(kind: EmailKind, role: EmailRole) -> String {
    switch (kind, role) {
    case (.waiting, _): nextStepsWaiting
    case (.match, .mentor): nextStepsMentor
    case (.match, _): nextStepsMentee
    case (.leadSummary, _): ""
    }
  }
}

/// The leads of one cohort: who gets its summary email.
public struct CohortLeads: Sendable, Hashable {
  /// One lead: a display name (may be empty) and an address.
  public struct Lead: Sendable, Hashable {
    public var name: String
    public var address: EmailAddress

    public init(name: String = "", address: EmailAddress) {
      self.name = name
      self.address = address
    }

    /// Splits `Sam Jones <sam.jones@example.gov.uk>` into name and address;
    /// text without angle brackets is all address.
    static func split(_ text: String) -> (name: String, address: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else { return ("", trimmed) }
      var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
      if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
      return (name, String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
    }
  }

  public var cohort: String
  public var recipients: [Lead]
  /// The leads' addresses, in config order.
  public var addresses: [EmailAddress] { recipients.map(\.address) }

  public init(cohort: String, recipients: [Lead]) {
    self.cohort = cohort
    self.recipients = recipients
  }

  /// Leads known only by address.
  public init(cohort: String, addresses: [EmailAddress]) {
    self.init(cohort: cohort, recipients: addresses.map { Lead(address: $0) })
  }
}
