import Mustache

/// The content type HTML templates render with: escapes `& < > " '` like
/// swift-mustache's own HTML type, but over UTF-8 bytes, which matters when
/// writing a hundred thousand emails (the library's escaper looks each
/// character up in a dictionary).
struct HTMLEscaping: MustacheContentType {
  /// The pragma name, registered once before the first HTML template is parsed.
  static let name = "MENTORMATCH_HTML"
  static let pragma: String = {
    MustacheContentTypes.register(HTMLEscaping(), named: name)
    return "{{% CONTENT_TYPE: \(name)}}"
  }()

  func escapeText(_ text: String) -> String { Self.escape(text) }

  /// `&amp; &lt; &gt; &quot; &#39;` for the five characters HTML needs escaped.
  static func escape(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      switch byte {
      case 0x26: out += "&amp;".utf8
      case 0x3C: out += "&lt;".utf8
      case 0x3E: out += "&gt;".utf8
      case 0x22: out += "&quot;".utf8
      case 0x27: out += "&#39;".utf8
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
