import Foundation

/// `manifest.json` of a run folder: what went in, what came out, with SHA-256
/// digests, so that `audit` can detect tampering and re-run the pipeline.
///
/// Encoded as JSON (RFC 8259) with sorted keys, two-space pretty printing,
/// unescaped slashes and a final newline: the bytes depend only on the values.
public struct RunManifest: Codable, Sendable, Equatable {
  public var toolVersion: String
  public var runID: String
  /// The run's as-of timestamp (ISO 8601).
  public var asOf: String
  /// `stable` or `optimal`.
  public var algorithm: String
  /// The objective, for example `people,pairs,score`.
  public var objective: String
  public var configSHA256: String
  /// Every input file: path relative to the run folder → SHA-256 hex.
  public var inputs: [String: String]
  /// The taxonomy files: path relative to the run folder → SHA-256 hex.
  public var taxonomy: [String: String]
  /// SHA-256 of `prior-pairs.csv`, the state the run started from.
  public var priorStateSHA256: String
  /// SHA-256 of `prior-waiting.csv`, the ids already told they are still
  /// waiting when the run started. Nil in a manifest written before it was kept,
  /// which `audit` then checks through the run id alone.
  public var priorWaitingSHA256: String?
  /// Named counts (sign-ups, matched, waiting, rejected, …).
  public var counts: [String: Int]
  /// Every output file except the manifest: relative path → SHA-256 hex.
  public var outputs: [String: String]
  /// Erasures applied after the run, oldest first.
  public var redactions: [Redaction]

  /// An erasure applied to a run folder after it was written. It records
  /// which files changed, not whose data: the manifest holds no personal data.
  public struct Redaction: Codable, Sendable, Equatable {
    /// When the redaction was made (ISO 8601), from the caller's clock.
    public var asOf: String
    public var reason: String
    /// The files changed, sorted by path.
    public var files: [RedactedFile]

    /// Creates a value from its parts.
    public init(asOf: String, reason: String, files: [RedactedFile]) {
      self.asOf = asOf
      self.reason = reason
      self.files = files.sorted { $0.path < $1.path }
    }

    enum CodingKeys: String, CodingKey {
      case reason, files
      case asOf = "as_of"
    }
  }

  /// One file a redaction changed: its SHA-256 afterwards, or nil when removed.
  public struct RedactedFile: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String?

    /// Creates a value from its parts.
    public init(path: String, sha256: String?) {
      self.path = path
      self.sha256 = sha256
    }

    // `sha256: null` is written out, so a removed file reads as removed.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(path, forKey: .path)
      try container.encode(sha256, forKey: .sha256)
    }

    enum CodingKeys: String, CodingKey { case path, sha256 }
  }

  /// Creates a value from its parts.
  public init(
    toolVersion: String = MentorMatchVersion.current, runID: String, asOf: String, algorithm: String,
    objective: String, configSHA256: String, inputs: [String: String], taxonomy: [String: String],
    priorStateSHA256: String, priorWaitingSHA256: String? = nil, counts: [String: Int], outputs: [String: String],
    redactions: [Redaction] = []
  ) {
    self.toolVersion = toolVersion
    self.runID = runID
    self.asOf = asOf
    self.algorithm = algorithm
    self.objective = objective
    self.configSHA256 = configSHA256
    self.inputs = inputs
    self.taxonomy = taxonomy
    self.priorStateSHA256 = priorStateSHA256
    self.priorWaitingSHA256 = priorWaitingSHA256
    self.counts = counts
    self.outputs = outputs
    self.redactions = redactions
  }

  enum CodingKeys: String, CodingKey {
    case algorithm, objective, inputs, taxonomy, counts, outputs, redactions
    case toolVersion = "tool_version"
    case runID = "run_id"
    case asOf = "as_of"
    case configSHA256 = "config_sha256"
    case priorStateSHA256 = "prior_state_sha256"
    case priorWaitingSHA256 = "prior_waiting_sha256"
  }

  /// SHA-256 hex of each file's bytes, keyed by the same relative paths: the
  /// `inputs`, `taxonomy` and `outputs` maps from what the run folder will hold.
  public static func digests(_ files: [String: [UInt8]]) -> [String: String] {
    files.mapValues { SHA256Hex.of($0) }
  }

  /// The manifest's file name in a run folder.
  public static let fileName = "manifest.json"

  /// Decodes manifest bytes; `name` is used in messages.
  public static func decode(_ bytes: [UInt8], name: String) throws(StateError) -> RunManifest {
    let manifest: RunManifest
    do {
      manifest = try JSONDecoder().decode(RunManifest.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw StateError.badManifest(path: name, reason: reason(error))
    } catch {
      throw StateError.badManifest(path: name, reason: "\(error)")
    }
    // Audit re-runs the night at this instant, so it must be one.
    guard let asOf = SignupTimestamp.normalise(manifest.asOf), RunIdentity.isDateable(asOf) else {
      throw StateError.badManifest(path: name, reason: "as_of '\(manifest.asOf)' is not a timestamp from 1900 on")
    }
    return manifest
  }

  /// A decoding failure in the manifest's own terms: the JSON key path and
  /// what is wrong there, without Swift's type names.
  private static func reason(_ error: DecodingError) -> String {
    func place(_ path: [any CodingKey]) -> String {
      path.isEmpty ? "the top level" : "'\(path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))'"
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(place(context.codingPath + [key])) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(place(context.codingPath)) has the wrong type or is null"
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "not valid JSON"
    case .dataCorrupted(let context):
      return "\(place(context.codingPath)) is not valid: \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// Reads `manifest.json` from a run folder.
  public static func load(runDirectory: String) throws(StateError) -> RunManifest {
    let path = (runDirectory as NSString).appendingPathComponent(fileName)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StateError.badManifest(path: path, reason: "missing or unreadable")
    }
    return try decode([UInt8](data), name: path)
  }

  /// Replaces `manifest.json` in a run folder atomically (temporary file, fsync, rename).
  public func save(runDirectory: String) throws(StateError) {
    try DurableFile.replace((runDirectory as NSString).appendingPathComponent(Self.fileName), bytes: encoded())
  }
}
