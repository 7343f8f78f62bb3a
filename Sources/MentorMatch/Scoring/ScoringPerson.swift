/// One mentee or mentor as the scoring stage sees them: plain values the lead
/// maps sign-ups onto. Field names are the config's column names
/// (`department`, `profession`, `location`, extra columns such as `characteristics`).
public struct ScoringPerson: Sendable, Hashable {
  /// A stable id; sorting ids gives every deterministic tie-break.
  public var id: String
  /// Index into the configured ordered grade list (higher = more senior).
  public var grade: Int
  /// Text fields by name.
  public var fields: [String: String]
  /// Lowercased email, used only for line-management checks.
  public var email: String
  /// Lowercased email of the person's line manager, when known.
  public var lineManagerEmail: String?
  /// Concept ids the person offers as a mentor.
  public var offered: [String]
  /// Concept ids the person wants as a mentee.
  public var wanted: [String]
  /// How many pairs the person can take in this role.
  public var capacity: Int

  public init(
    id: String, grade: Int, fields: [String: String] = [:], email: String = "",
    lineManagerEmail: String? = nil, offered: [String] = [], wanted: [String] = [], capacity: Int = 1
  ) {
    self.id = id
    self.grade = grade
    self.fields = fields
    self.email = email
    self.lineManagerEmail = lineManagerEmail
    self.offered = offered
    self.wanted = wanted
    self.capacity = capacity
  }

  /// A field's value trimmed and case-folded, or nil when missing or blank.
  /// Two people "share" a field only when both values are present and equal here.
  public func value(of field: String) -> String? {
    guard let raw = fields[field] else { return nil }
    let folded = FieldText.fold(raw)
    return folded.isEmpty ? nil : folded
  }

  /// A list-valued field (`"Transgender, Gay; Non-binary"`) split on `,`, `;`
  /// and `|`, each item trimmed and case-folded, blanks dropped, duplicates
  /// removed, in first-seen order.
  public func list(of field: String) -> [String] {
    guard let raw = fields[field] else { return [] }
    return FieldText.items(raw)
  }
}

/// How field text is compared: trimmed, whitespace runs collapsed, lowercased.
enum FieldText {
  static func fold(_ raw: String) -> String {
    asciiFold(raw) ?? raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
  }

  /// ``fold(_:)`` for ASCII text, on bytes: the same result without
  /// Unicode property lookups per character. Nil for any other text.
  static func asciiFold(_ raw: String) -> String? {
    collapsedASCII(raw, lowercase: true)
  }

  /// ASCII text trimmed, with whitespace runs collapsed to one space and,
  /// when `lowercase`, letters lowercased; nil for any other text.
  private static func collapsedASCII(_ raw: String, lowercase: Bool) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.utf8.count)
    var pendingSpace = false
    for byte in raw.utf8 {
      guard byte < 0x80 else { return nil }
      // ASCII's whitespace Characters: tab, LF, VT, FF, CR and space. A CR-LF
      // pair is one Character but still whitespace, so bytes agree.
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      bytes.append(lowercase && (0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func items(_ raw: String) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    func add(_ piece: String) {
      let item = fold(piece)
      if !item.isEmpty, seen.insert(item).inserted { result.append(item) }
    }
    // In ASCII every byte is a Character, so splitting bytes splits the same
    // way; elsewhere a combining mark can join a separator's Character.
    if raw.utf8.allSatisfy({ $0 < 0x80 }) {
      for piece in raw.utf8.split(whereSeparator: { $0 == 0x2C || $0 == 0x3B || $0 == 0x7C }) { add(String(Substring(piece))) }
    } else {
      for piece in raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }) { add(String(piece)) }
    }
    return result
  }

  /// The original (unfolded) text of a field, trimmed, for explanations.
  static func display(_ raw: String?) -> String {
    guard let raw else { return "" }
    return collapsedASCII(raw, lowercase: false)
      ?? raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
