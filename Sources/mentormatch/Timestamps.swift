import Foundation
import Logging
import MentorMatch

/// The clock, read only here at the edge.
enum Timestamps {
  /// Now, in UTC, to the second: `2026-11-28T02:00:00Z`.
  static func now() -> String { string(Date()) }

  /// A moment in UTC, to the second (`2026-11-28T02:00:00Z`), by plain
  /// arithmetic: `ISO8601DateFormatter` would load ICU's calendar and time
  /// zone data first, a few milliseconds on every run's critical path.
  static func string(_ date: Date) -> String {
    SignupTimestamp.utc(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
  }
}

extension Logger {
  /// The process logger: swift-log to stderr, bootstrapped once.
  static let mentormatch: Logger = {
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = ProcessInfo.processInfo.environment["MENTORMATCH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
      return handler
    }
    return Logger(label: "mentormatch")
  }()
}
