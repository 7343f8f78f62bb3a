/// A template context with every string replaced by a marker, the strings
/// kept aside as numbered slots, and a key naming everything else (booleans,
/// numbers, list lengths) that decides which sections a template renders.
///
/// Two contexts with the same ``shape`` render the same sections in the same
/// order with any swift-mustache template that uses only plain names (see
/// ``TemplateSkeleton/canSplice(_:)``): the library looks strings up but never
/// branches on their content (a string section renders once, empty or not).
/// So a template rendered once against the markers can be filled with the
/// slots of any context of that shape.
struct SentinelContext {
  /// The context with markers in place of strings; types are kept (a
  /// `[[String: String]]` stays one), so the library sees the same shapes.
  var values: [String: Any]
  /// The strings the markers stand for, by slot number.
  var slots: [String]
  /// Booleans, integers, list lengths and names, in a fixed order.
  var shape: String

  /// A marker's first and last characters, from the private use area. A
  /// template holding either is never spliced; data may hold them freely,
  /// since only the marker renders are scanned, never the values.
  static let open: Character = "\u{E000}"
  static let close: Character = "\u{E001}"

  /// The marker for slot `id`. The `&` tells escaped from raw output (HTML
  /// escaping turns it into `&amp;`); the `"` and `\` make any other change
  /// to the string visible, such as the quoting of a list or dictionary
  /// printed whole, so that such a template is not spliced.
  static func marker(_ id: Int) -> String { "\(open)\(id)&\"\\\(close)" }
  /// What follows the number in a marker, raw and HTML-escaped.
  static let rawSuffix = Array("&\"\\".utf8)
  static let escapedSuffix = Array("&amp;&quot;\\".utf8)

  /// Splits `root` into markers and slots; `nil` when it holds a value of a
  /// type the walk does not know (the caller then renders as usual).
  /// - Parameter offset: added to every marker number, so that two renders
  ///   with different numbers can be compared.
  /// - Parameter markers: whether to build ``values``; without, only the
  ///   slots and shape are made (all an email needs once its shape's
  ///   skeleton exists), and `values` is empty.
  init?(_ root: [String: Any], offset: Int = 0, markers: Bool = true) {
    var walk = Walk(offset: offset, markers: markers)
    guard let values = walk.dictionary(root) else { return nil }
    self.values = values
    slots = walk.slots
    shape = walk.shape
  }

  private struct Walk {
    let offset: Int
    let markers: Bool
    var slots: [String] = []
    var shape = ""

    init(offset: Int, markers: Bool) {
      self.offset = offset
      self.markers = markers
      slots.reserveCapacity(32)
      shape.reserveCapacity(128)
    }

    mutating func string(_ text: String) -> String {
      slots.append(text)
      return markers ? SentinelContext.marker(slots.count - 1 + offset) : ""
    }

    mutating func dictionary(_ values: [String: Any]) -> [String: Any]? {
      var result: [String: Any] = [:]
      result.reserveCapacity(values.count)
      shape += "{"
      // Sorted so that equal shapes give equal keys and slot numbers.
      for name in values.keys.sorted() {
        guard let value = values[name], let replaced = self.value(value) else { return nil }
        shape += name
        if markers { result[name] = replaced }
      }
      shape += "}"
      return result
    }

    mutating func value(_ value: Any) -> Any? {
      switch value {
      case let text as String where type(of: value) == String.self:
        shape += ":s,"
        return string(text)
      case let flag as Bool where type(of: value) == Bool.self:
        shape += flag ? ":t," : ":f,"
        return flag
      case let number as Int where type(of: value) == Int.self:
        shape += ":\(number),"
        return number
      case let list as [[String: String]] where type(of: value) == [[String: String]].self:
        shape += ":[\(list.count)"
        let replaced = list.map { item in
          var fields: [String: String] = [:]
          for name in item.keys.sorted() {
            shape += name
            let marker = string(item[name] ?? "")
            if markers { fields[name] = marker }
          }
          return fields
        }
        shape += "],"
        return replaced
      case let list as [[String: Any]] where type(of: value) == [[String: Any]].self:
        shape += ":[\(list.count)"
        var replaced: [[String: Any]] = []
        replaced.reserveCapacity(list.count)
        for item in list {
          guard let fields = dictionary(item) else { return nil }
          if markers { replaced.append(fields) }
        }
        shape += "],"
        return replaced
      default:
        return nil
      }
    }
  }
}
