import ArgumentParser
import Foundation
import MentorMatch

/// Runs a command's work, printing a library error to stderr and exiting with
/// its documented code. Every subcommand's `run()` goes through here, so the
/// mapping from errors to exit codes lives in one place.
func runReportingErrors(_ work: () throws -> Void) throws {
  do {
    try work()
  } catch let error as any ExitCoded {
    printError("\(error)")
    throw ExitCode(error.exitStatus.rawValue)
  } catch let error as ExitCode {
    throw error
  } catch let error as ValidationError {
    throw error
  } catch {
    printError("internal error: \(error)")
    throw ExitCode(ExitStatus.software.rawValue)
  }
}

/// Writes one message to standard error, control characters shown as
/// escapes (``TerminalText``): messages quote values from the command line
/// and the exports.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("mentormatch: \(TerminalText.visibleLines(message))\n".utf8))
}
