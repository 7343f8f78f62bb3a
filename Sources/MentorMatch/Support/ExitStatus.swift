/// The process exit codes mentormatch uses, from BSD's `sysexits.h`, so cron
/// wrappers and monitoring can tell failures apart. Documented in the README.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  case ok = 0
  /// A usage error: bad options.
  case usage = 64
  /// The input data is wrong: too many rejected rows, a broken export.
  case dataError = 65
  /// An input file is missing or cannot be opened.
  case noInput = 66
  /// An internal error: a bug.
  case software = 70
  /// An output file or folder cannot be created.
  case cannotCreate = 73
  /// Reading or writing failed.
  case ioError = 74
  /// Try again later: another run holds the lock.
  case temporaryFailure = 75
  /// The config file is wrong.
  case config = 78
}

/// An error that knows which exit code it maps to.
public protocol ExitCoded: Error {
  var exitStatus: ExitStatus { get }
}

extension CSVError: ExitCoded {
  public var exitStatus: ExitStatus { exitCode }
}
