import Mustache

/// The content type HTML templates render with: escapes like swift-mustache's own HTML
/// type, but through the project's byte-level ``HTMLEscaping``, which matters when
/// writing a hundred thousand emails (the library's escaper looks each
/// character up in a dictionary).
struct MustacheHTMLContent: MustacheContentType {
  /// The pragma name, registered once before the first HTML template is parsed.
  static let name = "MENTORMATCH_HTML"
  static let pragma: String = {
    MustacheContentTypes.register(MustacheHTMLContent(), named: name)
    return "{{% CONTENT_TYPE: \(name)}}"
  }()

  func escapeText(_ text: String) -> String { Self.escape(text) }

  /// The project's one HTML escaper (``HTMLEscaping``), shared with the reports.
  static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
