/// What `mentormatch outbox list` shows for one message: read back from the
/// file's own headers, so the listing reflects what was really written.
public struct OutboxEntry: Sendable, Equatable {
  /// `new` or `cur`.
  public var folder: String
  public var fileName: String
  /// From `X-MentorMatch-Kind`, or `?` when missing.
  public var kind: String
  /// The addr-spec in `To`.
  public var recipient: String
  /// The decoded subject (RFC 2047 encoded-words decoded).
  public var subject: String

  /// Reads the headers of one message (up to the first empty line).
  public init(folder: String, fileName: String, bytes: [UInt8]) {
    self.folder = folder
    self.fileName = fileName
    let fields = Self.headerFields(bytes)
    kind = fields.first { $0.name.lowercased() == "x-mentormatch-kind" }?.value ?? "?"
    subject = EncodedWordDecoder.decode(fields.first { $0.name.lowercased() == "subject" }?.value ?? "")
    let to = fields.first { $0.name.lowercased() == "to" }?.value ?? ""
    if let open = to.lastIndex(of: "<"), let close = to.lastIndex(of: ">"), open < close {
      recipient = String(to[to.index(after: open)..<close])
    } else {
      recipient = to.trimmingCharacters(in: " ")
    }
  }

  /// The address with the local part hidden: `s***@cabinetoffice.gov.uk`.
  public var maskedRecipient: String {
    guard let at = recipient.lastIndex(of: "@") else { return "***" }
    return "\(recipient.prefix(1))***\(recipient[at...])"
  }

  /// Unfolded header fields in order.
  static func headerFields(_ bytes: [UInt8]) -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    let text = String(decoding: bytes, as: UTF8.self)
    for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
      if line.isEmpty { break }
      if line.first == " " || line.first == "\t", !fields.isEmpty {
        fields[fields.count - 1].value += line
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { continue }
      let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
      fields.append((String(line[..<colon]), String(value)))
    }
    return fields
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}

/// Decodes RFC 2047 encoded-words (`B` and `Q`, UTF-8 and ASCII) in
/// unstructured header text; whitespace between adjacent encoded-words is
/// dropped (RFC 2047 §6.2). Anything it does not understand stays as it is.
enum EncodedWordDecoder {
  static func decode(_ text: String) -> String {
    var output = ""
    var pendingSpace = ""
    var previousWasEncoded = false
    for token in text.split(separator: " ", omittingEmptySubsequences: false) {
      if let decoded = decodeWord(token) {
        if !previousWasEncoded { output += pendingSpace }
        output += decoded
        previousWasEncoded = true
      } else {
        output += pendingSpace + token
        previousWasEncoded = false
      }
      pendingSpace = " "
    }
    return output
  }

  private static func decodeWord(_ word: Substring) -> String? {
    guard word.hasPrefix("=?"), word.hasSuffix("?="), word.count >= 8 else { return nil }
    let parts = word.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return nil }
    let charset = parts[0].lowercased()
    guard charset == "utf-8" || charset == "us-ascii" else { return nil }
    let payload = Array(parts[2].utf8)
    var bytes: [UInt8] = []
    switch parts[1].lowercased() {
    case "q":
      var index = 0
      while index < payload.count {
        let byte = payload[index]
        if byte == UInt8(ascii: "_") {
          bytes.append(0x20)
        } else if byte == UInt8(ascii: "="), index + 2 < payload.count,
          let high = hexValue(payload[index + 1]), let low = hexValue(payload[index + 2])
        {
          bytes.append(high << 4 | low)
          index += 2
        } else {
          bytes.append(byte)
        }
        index += 1
      }
    case "b":
      var buffer: UInt32 = 0
      var bits = 0
      for byte in payload where byte != UInt8(ascii: "=") {
        guard let value = base64Value(byte) else { return nil }
        buffer = buffer << 6 | UInt32(value)
        bits += 6
        if bits >= 8 {
          bits -= 8
          bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
        }
      }
    default:
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }

  private static func base64Value(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}

extension OutboxEntry {
  /// One listing line: `kind<TAB>recipient<TAB>subject`, the recipient masked
  /// unless `showAddress`.
  public func line(showAddress: Bool) -> String {
    "\(kind)\t\(showAddress ? recipient : maskedRecipient)\t\(subject)"
  }
}

extension MaildirOutbox {
  /// Every message in `new/` and `cur/`, sorted by recipient, kind and file name.
  public func entries() throws(NotifyError) -> [OutboxEntry] {
    try messages()
      .map { OutboxEntry(folder: $0.folder, fileName: $0.fileName, bytes: $0.bytes) }
      .sorted { ($0.recipient, $0.kind, $0.fileName, $0.folder) < ($1.recipient, $1.kind, $1.fileName, $1.folder) }
  }
}
