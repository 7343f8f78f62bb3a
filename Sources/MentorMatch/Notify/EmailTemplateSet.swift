import Foundation
import Mustache

/// Names one template: an email kind and a part (subject, text or HTML).
public struct EmailTemplateName: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The three parts of every email.
  public enum Part: String, Sendable, CaseIterable {
    case subject, text, html
  }

  public var kind: EmailKind
  public var part: Part

  public init(_ kind: EmailKind, _ part: Part) {
    self.kind = kind
    self.part = part
  }

  /// Every template, in a fixed order.
  public static let all: [EmailTemplateName] = EmailKind.allCases.flatMap { kind in
    Part.allCases.map { EmailTemplateName(kind, $0) }
  }

  /// `match.html.mustache`: the file name inside a templates folder.
  public var fileName: String { "\(kind.rawValue).\(part.rawValue).mustache" }
  /// `match_html`: the key in `[email.templates]`.
  public var configKey: String { "\(kind.rawValue.replacingOccurrences(of: "-", with: "_"))_\(part.rawValue)" }
  public var description: String { "\(kind.rawValue).\(part.rawValue)" }

  public static func < (lhs: EmailTemplateName, rhs: EmailTemplateName) -> Bool {
    (lhs.kind.rawValue, lhs.part.rawValue) < (rhs.kind.rawValue, rhs.part.rawValue)
  }
}

/// The nine parsed Mustache templates (three parts for each of three kinds),
/// each remembering where it came from for messages.
///
/// Uses [swift-mustache](https://github.com/hummingbird-project/swift-mustache).
/// Subject and text templates are parsed with the `TEXT` content type, so even
/// a `{{double}}` mustache is not HTML-escaped there; HTML templates escape
/// `& < > " '` in every `{{double}}` mustache.
public struct EmailTemplateSet: Sendable {
  struct Entry: Sendable {
    var template: MustacheTemplate
    /// `default template 'match.html'` or the file's path.
    var origin: String
    /// Whether the source allows rendering by splicing (``TemplateSkeleton/canSplice(_:)``).
    var splices: Bool
  }

  private var entries: [EmailTemplateName: Entry]
  /// Skeletons for splicing, shared by copies of this set (the templates never change).
  let skeletons = SkeletonCache()
  private static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

  /// Parses templates from sources; names without a source use the defaults.
  /// - Parameter origins: how to name each source in messages (a path).
  public init(sources: [EmailTemplateName: String] = [:], origins: [EmailTemplateName: String] = [:]) throws(NotifyError) {
    entries = [:]
    for name in Self.allNames {
      let origin = origins[name] ?? "default template '\(name)'"
      let source = sources[name] ?? DefaultTemplates.source(name)
      entries[name] = Entry(
        template: try Self.parse(source, part: name.part, origin: origin), origin: origin,
        splices: TemplateSkeleton.canSplice(source))
    }
  }

  private static let allNames = EmailTemplateName.all

  /// Reads the templates the settings name (see ``customFiles(settings:)``)
  /// and parses them.
  public static func load(settings: EmailSettings) throws(NotifyError) -> EmailTemplateSet {
    let paths = try customFiles(settings: settings)
    var sources: [EmailTemplateName: String] = [:]
    for (name, path) in paths.sorted(by: { $0.key < $1.key }) {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .template(name: path, problem: "cannot read the template file")
      }
      sources[name] = try text(Array(data), origin: path)
    }
    return try EmailTemplateSet(sources: sources, origins: paths)
  }

  private static func parse(_ source: String, part: EmailTemplateName.Part, origin: String) throws(NotifyError) -> MustacheTemplate {
    let prefix = part == .html ? MustacheHTMLContent.pragma : textPragma
    do {
      return try MustacheTemplate(string: prefix + source)
    } catch let error as MustacheTemplate.ParserError {
      let line = error.context.lineNumber
      let column = line == 1 ? max(1, error.context.columnNumber - prefix.count) : error.context.columnNumber
      throw .template(name: "\(origin):\(line):\(column)", problem: "cannot parse the template: \(Self.words(error.error))")
    } catch {
      throw .template(name: origin, problem: "cannot parse the template: \(error)")
    }
  }

  private static func words(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "a section is closed with a different name from the one that opened it"
    case .unfinishedName: return "a tag is not closed"
    case .expectedSectionEnd: return "a section is opened but never closed"
    case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
    case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
      return "a template inheritance block is malformed"
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a pragma tag is malformed or unknown"
    }
  }

  /// Where the template came from, for messages.
  func origin(_ name: EmailTemplateName) -> String { entries[name]?.origin ?? name.description }

  /// Whether template `name` may be rendered by splicing.
  func canSplice(_ name: EmailTemplateName) -> Bool { entries[name]?.splices ?? false }

  /// Renders one template against a context root.
  func render(_ name: EmailTemplateName, _ root: RenderRoot) -> String {
    entries[name]?.template.render(root) ?? ""
  }
}
