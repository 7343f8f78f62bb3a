import ArgumentParser
import Foundation
import MentorMatch

/// Hidden: composes and publishes N synthetic emails, for `scripts/bench-emails`.
struct BenchEmails: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-emails",
    abstract: "Compose and publish N synthetic emails into OUT/outbox (benchmark).",
    discussion: """
      Composes BATCH emails at a time on every core and writes each batch
      while the next is composed, so memory stays flat and composing overlaps
      writing; a second thread syncs each written batch and names its files
      in OUT/outbox/new (MaildirOutbox.publish(_:batches:)).
      compose_wait_s is the time the writer waited for composed batches. On an outbox that holds
      them already nothing is written, and no rate is printed.

      Example:
        mentormatch bench-emails --count 100000 --out /tmp/bench-run
      """,
    shouldDisplay: false
  )

  @Option(help: "How many emails.")
  var count = 100_000

  @Option(help: "The run folder to write OUT/outbox into.")
  var out: String

  @Option(help: "Emails composed per batch.")
  var batch = 4_096

  @Flag(help: "fsync every file instead of one sync for the batch.")
  var perFileFsync = false

  func run() throws {
    try runReportingErrors {
      let clock = ContinuousClock()
      let start = clock.now
      guard let from = try? EmailAddress.validate("mentoring@example.gov.uk"),
        let asOf = EmailTimestamp(iso8601: "2026-11-28T19:00:00Z")
      // Constants that do not validate are a bug (70), not a failure outside sysexits.
      else { throw ExitCode(ExitStatus.software.rawValue) }
      let composer = try EmailComposer.load(settings: EmailSettings(from: from, fromName: "Civil Service Mentoring"))
      let ready = clock.now
      let outbox = MaildirOutbox(directory: out + "/outbox", durability: perFileFsync ? .perFile : .batch)
      var waited = Duration.zero
      var asked = clock.now
      let publication = try EmailSamples.publish(
        count: count, batchSize: batch, runID: "bench", asOf: asOf, composer: composer, into: outbox
      ) { starts in
        if starts { asked = clock.now } else { waited += clock.now - asked }
      }
      let end = clock.now
      let total = end - start
      let rate =
        publication.written.count == count
        ? "per_s=\(Int(Double(count) / total.seconds))"
        : "per_s=n/a (not a fresh outbox: \(publication.written.count) of \(count) written)"
      print(
        "emails=\(count) written=\(publication.written.count) already=\(publication.alreadyPresent.count) setup_s=\((ready - start).secondsText) compose_wait_s=\(waited.secondsText) write_s=\((end - ready - waited).secondsText) total_s=\(total.secondsText) \(rate)"
      )
    }
  }
}
