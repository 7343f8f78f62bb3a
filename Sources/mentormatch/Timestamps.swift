import Foundation
import Logging

/// The clock, read only here at the edge.
enum Timestamps {
  /// Now, in UTC, to the second: `2026-11-28T02:00:00Z`.
  static func now() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
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
