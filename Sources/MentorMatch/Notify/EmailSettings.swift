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
/// next_steps_mentee = "…"   # defaults in DefaultTemplates
/// next_steps_mentor = "…"
/// next_steps_waiting = "…"
///
/// [email.templates]          # optional; relative paths from the config's folder
/// dir = "email-templates"    # files named <kind>.<part>.mustache
/// match_html = "custom/match.html.mustache"
///
/// [email.leads]              # cohort name = address or list of addresses
/// "Policy 2026" = ["policy-lead@cabinetoffice.gov.uk"]
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
    nextStepsMentee = try section.string("next_steps_mentee", default: nextStepsMentee)
    nextStepsMentor = try section.string("next_steps_mentor", default: nextStepsMentor)
    nextStepsWaiting = try section.string("next_steps_waiting", default: nextStepsWaiting)
    if let leadsSection = try section.section("leads") {
      for cohort in leadsSection.keys {
        var addresses: [EmailAddress] = []
        for text in try leadsSection.strings(cohort) ?? [] {
          do { addresses.append(try EmailAddress.validate(text)) } catch {
            throw leadsSection.error(cohort, "not a valid address: \(error)")
          }
        }
        leads.append(CohortLeads(cohort: cohort, addresses: addresses))
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

/// The lead addresses for one cohort.
public struct CohortLeads: Sendable, Hashable {
  public var cohort: String
  public var addresses: [EmailAddress]

  public init(cohort: String, addresses: [EmailAddress]) {
    self.cohort = cohort
    self.addresses = addresses
  }
}
