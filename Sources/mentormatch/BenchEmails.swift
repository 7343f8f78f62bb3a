import ArgumentParser
import Foundation
import MentorMatch

/// Hidden: composes and publishes N synthetic emails, for `scripts/bench-emails`.
struct BenchEmails: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-emails",
    abstract: "Compose and publish N synthetic emails into OUT/outbox (benchmark).",
    discussion: """
      Example:
        mentormatch bench-emails --count 100000 --out /tmp/bench-run
      """,
    shouldDisplay: false
  )

  @Option(help: "How many emails.")
  var count = 100_000

  @Option(help: "The run folder to write OUT/outbox into (must not hold an outbox yet).")
  var out: String

  @Flag(help: "fsync every file instead of one sync for the batch.")
  var perFileFsync = false

  func run() throws {
    try runReportingErrors {
      let clock = ContinuousClock()
      let start = clock.now
      guard let from = try? EmailAddress.validate("mentoring@example.gov.uk"),
        let asOf = EmailTimestamp(iso8601: "2026-11-28T19:00:00Z")
      else { throw ExitCode.failure }
      let composer = try EmailComposer.load(settings: EmailSettings(from: from, fromName: "Civil Service Mentoring"))
      let requests = EmailSamples.requests(count: count, runID: "bench", asOf: asOf)
      let composed = clock.now
      let emails = try composer.composeAll(requests).map { try $0.get() }
      let rendered = clock.now
      let outbox = MaildirOutbox(directory: out + "/outbox", durability: perFileFsync ? .perFile : .batch)
      let publication = try outbox.publish(emails)
      let end = clock.now
      func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
      let total = seconds(end - start)
      print("emails=\(publication.written.count) setup_s=\(String(format: "%.3f", seconds(composed - start))) compose_s=\(String(format: "%.3f", seconds(rendered - composed))) publish_s=\(String(format: "%.3f", seconds(end - rendered))) total_s=\(String(format: "%.3f", total)) per_s=\(Int(Double(count) / total))")
    }
  }
}
