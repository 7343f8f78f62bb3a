import Foundation

/// A template pre-rendered for one context shape: literal text with numbered
/// holes, filled per email by splicing in the values (HTML-escaped where the
/// template escapes them). Built from two renders against marker contexts
/// (``SentinelContext``) with different marker numbers; when those disagree
/// on anything but the numbers, or a marker comes out changed, there is no
/// skeleton and the caller renders with swift-mustache as before.
///
/// Filling gives the bytes swift-mustache would: its output is the
/// concatenation of template text and each value passed through the content
/// type's escaper, and for plain-name templates which text appears depends
/// only on the shape.
struct TemplateSkeleton: Sendable, Equatable {
  enum Piece: Sendable, Equatable {
    case literal([UInt8])
    /// A slot's value, HTML-escaped when `escaped`.
    case slot(Int, escaped: Bool)
  }

  let pieces: [Piece]
  /// The literal pieces' bytes: with room for the values, what a fill reserves.
  let literalByteCount: Int

  /// Whether a template source uses only what splicing supports: text,
  /// comments, and variables, sections and inverted sections with plain
  /// (possibly dotted) names. Transforms, partials, inheritance, pragmas,
  /// delimiter changes and `{{.}}` make it `false`, as do markers in the text.
  static func canSplice(_ source: String) -> Bool {
    if source.contains(SentinelContext.open) || source.contains(SentinelContext.close) { return false }
    var rest = Substring(source)
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...]
      if rest.hasPrefix("!") {
        guard let close = rest.range(of: "}}") else { return false }
        rest = rest[close.upperBound...]
        continue
      }
      let triple = rest.hasPrefix("{")
      if triple { rest = rest.dropFirst() }
      guard let close = rest.range(of: triple ? "}}}" : "}}") else { return false }
      var tag = rest[..<close.lowerBound].drop(while: \.isWhitespace)
      rest = rest[close.upperBound...]
      if !triple, let sigil = tag.first, "#^/&".contains(sigil) { tag = tag.dropFirst() }
      if !isPlainName(tag.trimmingSpaces) { return false }
    }
    return true
  }

  private static func isPlainName(_ name: Substring) -> Bool {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    return !name.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty && part.utf8.allSatisfy { $0 == 0x5F || $0 == 0x2D || $0.isASCIILetterOrDigit }
      }
  }

  /// The skeleton of `first` (rendered with markers numbered from 0) checked
  /// against `second` (numbered from `offset`); `nil` when they disagree.
  init?(first: String, second: String, offset: Int, slotCount: Int) {
    guard let a = Self.pieces(first, offset: 0, slotCount: slotCount),
      let b = Self.pieces(second, offset: offset, slotCount: slotCount), a == b
    else { return nil }
    pieces = a
    literalByteCount = Self.literalByteCount(a)
  }

  private static func literalByteCount(_ pieces: [Piece]) -> Int {
    pieces.reduce(0) { total, piece in
      if case .literal(let bytes) = piece { total + bytes.count } else { total }
    }
  }

  private static func pieces(_ rendered: String, offset: Int, slotCount: Int) -> [Piece]? {
    let bytes = Array(rendered.utf8)
    var pieces: [Piece] = []
    var literal: [UInt8] = []
    var index = 0
    // U+E000 and U+E001 in UTF-8: EE 80 80 and EE 80 81.
    func marker(_ at: Int, _ last: UInt8) -> Bool {
      at + 2 < bytes.count && bytes[at] == 0xEE && bytes[at + 1] == 0x80 && bytes[at + 2] == last
    }
    while index < bytes.count {
      if marker(index, 0x81) { return nil }
      guard marker(index, 0x80) else {
        literal.append(bytes[index])
        index += 1
        continue
      }
      index += 3
      var id = 0
      var digits = 0
      while index < bytes.count, digits < 9, (0x30...0x39).contains(bytes[index]) {
        id = id * 10 + Int(bytes[index] - 0x30)
        digits += 1
        index += 1
      }
      let escaped: Bool
      if bytes[index...].starts(with: SentinelContext.escapedSuffix) {
        escaped = true
        index += SentinelContext.escapedSuffix.count
      } else if bytes[index...].starts(with: SentinelContext.rawSuffix) {
        escaped = false
        index += SentinelContext.rawSuffix.count
      } else {
        return nil
      }
      let slot = id - offset
      guard digits > 0, marker(index, 0x81), (0..<slotCount).contains(slot) else { return nil }
      index += 3
      if !literal.isEmpty { pieces.append(.literal(literal)) }
      literal = []
      pieces.append(.slot(slot, escaped: escaped))
    }
    if !literal.isEmpty { pieces.append(.literal(literal)) }
    return pieces
  }

  /// The template's output for a context whose strings are `slots`.
  func fill(_ slots: [String]) -> String { String(decoding: fillBytes(slots), as: UTF8.self) }

  /// ``fill(_:)`` as UTF-8, what the composer encodes.
  func fillBytes(_ slots: [String]) -> [UInt8] {
    // One allocation: the literals, the values and room for escaping some
    // (a fixed 4 KiB, then literals + 1 KiB, was regrown, doubling, for
    // match emails with several matches).
    var values = 0
    for piece in pieces {
      if case .slot(let slot, _) = piece, slot < slots.count { values += slots[slot].utf8.count }
    }
    var out: [UInt8] = []
    out.reserveCapacity(literalByteCount + values + values / 8 + 64)
    for piece in pieces {
      switch piece {
      case .literal(let bytes): out.append(contentsOf: bytes)
      case .slot(let slot, let escaped):
        guard slot < slots.count else { continue }
        if escaped { Self.escape(slots[slot], into: &out) } else { out.append(contentsOf: slots[slot].utf8) }
      }
    }
    return out
  }

  /// `HTMLText.escape(value, into:)`, copying a value with nothing to
  /// escape (most names) in one go instead of byte by byte.
  static func escape(_ value: String, into out: inout [UInt8]) {
    let plain = value.utf8.allSatisfy { byte in
      byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
        && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
    }
    if plain { out.append(contentsOf: value.utf8) } else { HTMLText.escape(value, into: &out) }
  }
}

extension UInt8 {
  fileprivate var isASCIILetterOrDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
    return self[first...last]
  }
}
