import Crypto

/// An RFC 5322 message with a `multipart/alternative` body
/// ([RFC 2046 §5.1.4](https://www.rfc-editor.org/rfc/rfc2046#section-5.1.4)):
/// `text/plain` first, `text/html` second, both UTF-8 and quoted-printable.
///
/// The boundary is derived from a SHA-256 of the encoded parts, so the same
/// message always has the same bytes; it starts `=_`, which quoted-printable
/// output cannot contain, and is checked against the parts anyway.
struct MIMEMessage {
  /// Header fields already folded (`Name: value`, continuation lines included), no CRLF.
  var headerFields: [String]
  /// The bodies as UTF-8.
  var text: [UInt8]
  var html: [UInt8]

  /// The whole message, CRLF line ends.
  func bytes() -> [UInt8] {
    let textPart = QuotedPrintable.encode(text)
    let htmlPart = QuotedPrintable.encode(html)
    let boundary = Self.quotedPrintableBoundary([textPart, htmlPart])
    var out: [UInt8] = []
    // Exactly enough, bar the fixed lines' few hundred bytes: a fixed 1 KiB
    // for every header was one regrowth (doubling) per email.
    let headers = headerFields.reduce(0) { $0 + $1.utf8.count + 2 }
    out.reserveCapacity(headers + textPart.count + htmlPart.count + 4 * boundary.utf8.count + 512)
    let crlf: [UInt8] = [0x0D, 0x0A]
    for field in headerFields {
      out += field.utf8
      out += crlf
    }
    out += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n".utf8
    out += "This is a multi-part message in MIME format.\r\n".utf8
    for (type, part) in [("text/plain", textPart), ("text/html", htmlPart)] {
      out += "\r\n--\(boundary)\r\n".utf8
      out += "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8
      out += part
    }
    out += "\r\n--\(boundary)--\r\n".utf8
    return out
  }

  /// `=_mm_` and 32 hex digits of the SHA-256 of the parts and `salt`, the
  /// first salt from 0 up whose candidate no part contains.
  static func boundary(_ parts: [[UInt8]]) -> String {
    var salt = 0
    while true {
      let candidate = candidate(parts, salt: salt)
      let needle = Array(candidate.utf8)
      if !parts.contains(where: { Hex.contains($0, needle) }) { return candidate }
      salt += 1
    }
  }

  /// ``boundary(_:)`` for parts that are quoted-printable output, without
  /// the search: quoted-printable writes `=` only before two hex digits or a
  /// line break (a literal `=` is always `=3D`), so `=_` never occurs in such
  /// a part and the search always stops at salt 0. Tested equal to
  /// ``boundary(_:)`` on encoded random text. Searching both parts was 5 %
  /// of composing.
  static func quotedPrintableBoundary(_ parts: [[UInt8]]) -> String {
    candidate(parts, salt: 0)
  }

  private static func candidate(_ parts: [[UInt8]], salt: Int) -> String {
    var hasher = SHA256()
    for part in parts {
      hasher.update(data: part)
      hasher.update(data: [0])
    }
    hasher.update(data: Array("\(salt)".utf8))
    return "=_mm_" + Hex.string(hasher.finalize(), count: 32)
  }
}

/// Lowercase hex of digests, and a byte search.
enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  /// The first `count` hex digits of `bytes`.
  static func string(_ bytes: some Sequence<UInt8>, count: Int) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(count)
    for byte in bytes {
      guard out.count < count else { break }
      out.append(digits[Int(byte >> 4)])
      if out.count < count { out.append(digits[Int(byte & 15)]) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `haystack` contains `needle`.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    guard needle.count > 1 else { return haystack.contains(first) }
    // Looks for the second byte first: quoted-printable is full of `=`, a
    // boundary's first byte, and never has its second, `_`.
    let second = needle[1]
    let lastStart = haystack.count - needle.count
    var start = 0
    // Indexes rather than an iterator over a slice: it runs over both parts
    // of every email.
    while start <= lastStart {
      if haystack[start + 1] == second, haystack[start] == first {
        var matched = 2
        while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return true }
      }
      start += 1
    }
    return false
  }

  /// SHA-256 of the fields joined with NUL separators, as hex.
  static func digest(_ fields: [String], count: Int) -> String {
    // One buffer and one update: the same digest as an update per field and
    // separator, without two small arrays for each.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count + 1 })
    for field in fields {
      bytes += field.utf8
      bytes.append(0)
    }
    return string(SHA256.hash(data: bytes), count: count)
  }
}
