/// One problem found while loading a taxonomy, with where it is.
public struct TaxonomyProblem: Sendable, Equatable, CustomStringConvertible {
  /// The file's path as built from the taxonomy folder.
  public var file: String
  /// The 1-based line, when the problem belongs to one.
  public var line: Int?
  /// Lower-case words for a person, values quoted with '…'.
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return "\(place): \(message)"
  }
}

/// Why a taxonomy could not be loaded or imported. Loading checks every row and
/// reports all problems at once, as swift-format's `DiagnosticsEngine` does, so
/// a curator fixes a file in one pass.
public struct TaxonomyError: Error, Sendable, Equatable, CustomStringConvertible, ExitCoded {
  /// Whether the input is missing or wrong.
  public enum Kind: Sendable, Equatable {
    /// The folder or a required file does not exist or cannot be opened (exit 66).
    case missing
    /// The files exist but their content is wrong (exit 65).
    case invalid
    /// A file of the folder cannot be written (exit 73).
    case cannotWrite
  }

  public var kind: Kind
  /// Every problem found, in file and line order.
  public var problems: [TaxonomyProblem]

  public init(kind: Kind, problems: [TaxonomyProblem]) {
    self.kind = kind
    self.problems = problems
  }

  /// Shown problems are capped so that a wholly wrong file does not flood the terminal.
  static let shownProblems = 50

  public var description: String {
    var lines = problems.prefix(Self.shownProblems).map(\.description)
    if problems.count > Self.shownProblems {
      lines.append("… and \(problems.count - Self.shownProblems) more taxonomy problems")
    }
    return lines.joined(separator: "\n")
  }

  public var exitStatus: ExitStatus {
    switch kind {
    case .missing: .noInput
    case .invalid: .dataError
    case .cannotWrite: .cannotCreate
    }
  }
}
