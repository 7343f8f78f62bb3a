import Foundation

/// What `mentormatch outbox list RUN_DIR` shows: the run's published
/// messages, and when it has no outbox, why.
public struct OutboxListing: Sendable {
  /// Every message in the run's `outbox/new` and `outbox/cur`.
  public var entries: [OutboxEntry]
  /// Why the run has no outbox, for stderr; nil when it has one.
  public var note: String?

  /// Lists the outbox of the run folder `runDirectory`.
  ///
  /// - Throws: ``RunError/notARunFolder(_:)`` (exit 66) when `runDirectory`
  ///   holds no `manifest.json`, as `audit` does, rather than an empty list.
  public static func of(runDirectory: String) throws -> OutboxListing {
    func exists(_ name: String) -> Bool {
      FileManager.default.fileExists(atPath: (runDirectory as NSString).appendingPathComponent(name))
    }
    guard exists(RunManifest.fileName) else { throw RunError.notARunFolder(runDirectory) }
    guard exists("outbox") else {
      let why = exists("emails")
        ? "the emails in emails/ were not published (a dry run, or a run the next run will finish)"
        : "the run wrote no emails (its config has no [email] section)"
      return OutboxListing(entries: [], note: "\(runDirectory): no outbox: \(why)")
    }
    let outbox = MaildirOutbox(directory: (runDirectory as NSString).appendingPathComponent("outbox"))
    return OutboxListing(entries: try outbox.entries(), note: nil)
  }
}
