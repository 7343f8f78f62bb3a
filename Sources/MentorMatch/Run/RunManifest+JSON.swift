extension RunManifest {
  /// The manifest as stable JSON bytes, ending with a newline.
  ///
  /// The same bytes as Foundation's `JSONEncoder` with `.sortedKeys`,
  /// `.prettyPrinted` and `.withoutEscapingSlashes` (the manifests of earlier
  /// versions, which `audit` compares byte for byte; a test holds the two
  /// equal): keys in UTF-8 byte order, two-space indents, `"key" : value`,
  /// an empty map or list as `{` or `[`, a blank line and the closing bracket.
  /// Written directly: the encoder took seconds on the half a million
  /// `outputs` of a 500,000-person run, sorting keys through generic
  /// collection comparisons.
  public func encoded() -> [UInt8] {
    var json = ManifestJSON()
    json.object(depth: 0) { json in
      json.member("algorithm") { $0.string(algorithm) }
      json.member("as_of") { $0.string(asOf) }
      json.member("config_sha256") { $0.string(configSHA256) }
      json.member("counts") { json in
        json.map(counts, depth: 1) { json, value in json.bytes.append(contentsOf: String(value).utf8) }
      }
      json.member("inputs") { $0.map(inputs, depth: 1) { $0.string($1) } }
      json.member("objective") { $0.string(objective) }
      json.member("outputs") { $0.map(outputs, depth: 1) { $0.string($1) } }
      json.member("prior_state_sha256") { $0.string(priorStateSHA256) }
      if let priorWaitingSHA256 { json.member("prior_waiting_sha256") { $0.string(priorWaitingSHA256) } }
      json.member("redactions") { json in
        json.array(redactions, depth: 1) { json, redaction in
          json.object(depth: 2) { json in
            json.member("as_of") { $0.string(redaction.asOf) }
            json.member("files") { json in
              json.array(redaction.files, depth: 3) { json, file in
                json.object(depth: 4) { json in
                  json.member("path") { $0.string(file.path) }
                  json.member("sha256") { json in
                    if let digest = file.sha256 { json.string(digest) } else { json.bytes.append(contentsOf: "null".utf8) }
                  }
                }
              }
            }
            json.member("reason") { $0.string(redaction.reason) }
          }
        }
      }
      json.member("run_id") { $0.string(runID) }
      json.member("taxonomy") { $0.map(taxonomy, depth: 1) { $0.string($1) } }
      json.member("tool_version") { $0.string(toolVersion) }
    }
    json.bytes.append(0x0A)
    return json.bytes
  }
}

/// A pretty-printing JSON (RFC 8259) writer in `JSONEncoder`'s layout, for
/// ``RunManifest/encoded()``. Members must be written in sorted key order;
/// ``map(_:depth:_:)`` sorts a map's keys itself.
struct ManifestJSON {
  var bytes: [UInt8] = []
  /// Whether the object being written has no member yet.
  private var empty = true
  private var depth = 0

  /// An object whose members `body` writes with ``member(_:_:)``.
  mutating func object(depth: Int, _ body: (inout ManifestJSON) -> Void) {
    open(0x7B, depth: depth)
    body(&self)
    close(0x7D, depth: depth)
  }

  /// `"key" : value`, after a comma and a new line unless it is the first.
  mutating func member(_ key: String, _ value: (inout ManifestJSON) -> Void) {
    separate()
    string(key)
    bytes.append(contentsOf: " : ".utf8)
    let (outerEmpty, outerDepth) = (empty, depth)
    value(&self)
    (empty, depth) = (outerEmpty, outerDepth)
  }

  /// A map as an object, keys in UTF-8 byte order.
  mutating func map<Value>(_ map: [String: Value], depth: Int, _ value: (inout ManifestJSON, Value) -> Void) {
    let sorted = map.map { (key: Array($0.key.utf8), value: $0.value) }.sorted { Self.precedes($0.key, $1.key) }
    open(0x7B, depth: depth)
    for entry in sorted {
      separate()
      quoted(entry.key)
      bytes.append(contentsOf: " : ".utf8)
      value(&self, entry.value)
    }
    close(0x7D, depth: depth)
  }

  /// A list as an array.
  mutating func array<Element>(_ elements: [Element], depth: Int, _ element: (inout ManifestJSON, Element) -> Void) {
    open(0x5B, depth: depth)
    for item in elements {
      separate()
      let outer = self.depth
      element(&self, item)
      (empty, self.depth) = (false, outer)
    }
    close(0x5D, depth: depth)
  }

  /// A string, quoted and escaped.
  mutating func string(_ text: String) {
    quoted(Array(text.utf8))
  }

  private mutating func open(_ bracket: UInt8, depth: Int) {
    bytes.append(bracket)
    bytes.append(0x0A)
    self.depth = depth + 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8, depth: Int) {
    bytes.append(0x0A)
    indent(depth)
    bytes.append(bracket)
    self.depth = depth
    empty = false
  }

  private mutating func separate() {
    if !empty { bytes.append(contentsOf: ",\n".utf8) }
    empty = false
    indent(depth)
  }

  private mutating func indent(_ level: Int) {
    bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
  }

  /// `"…"` with `"`, `\` and control characters escaped as `JSONEncoder`
  /// escapes them; `/` and every other byte as it is.
  private mutating func quoted(_ utf8: [UInt8]) {
    bytes.append(0x22)
    for byte in utf8 {
      switch byte {
      case 0x22: bytes.append(contentsOf: #"\""#.utf8)
      case 0x5C: bytes.append(contentsOf: #"\\"#.utf8)
      case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
      case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
      case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
      case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
      case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
      case 0x00..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: #"\u00"#.utf8)
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }

  private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    for index in 0..<min(a.count, b.count) where a[index] != b[index] { return a[index] < b[index] }
    return a.count < b.count
  }
}
