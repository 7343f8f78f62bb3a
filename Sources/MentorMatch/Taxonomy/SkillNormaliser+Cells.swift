/// The fast path of ``SkillNormaliser/normalise(cell:into:)``: one pass over
/// the cell's bytes and one memo lookup per piece.
///
/// The same pieces recur across thousands of people, and the general path
/// (``SkillCellSplitter``, then a match per term) is a pure function of each
/// piece's raw text, unless a piece could start a protected label such as
/// "C/C++", whose merge depends on the pieces after it. So each distinct raw
/// piece is normalised once, through the general path's own steps, and its
/// mapping ids are kept; the cell's answer is the concatenation of its pieces'.
/// The byte scan splits where the splitter does: at `;`, `,`, `/`, `|`, line
/// breaks and bullets, dropping a list marker (`-`, `*`, `+`, `>`, `1.`, `2)`)
/// at the start of each line. Whatever it does not cover (a possible protected
/// label before the last piece, a dash list marker, a blank or marker that a
/// combining mark joins into another character) goes to the general path
/// whole, so the answer is the same either way.
extension SkillNormaliser {
  /// A memoised piece with other than exactly one mapping, or that could start
  /// a protected label: its ids are `pieceIDs[start..<start + count]`. The
  /// memo's value for it is `-1 - position` in `pieces`; a piece with one
  /// mapping (nearly all) keeps its mapping id as the memo's value instead, so
  /// that a hit reads nothing more.
  struct MemoisedPiece: Sendable {
    var start: Int32
    var count: Int32
    /// Whether the piece could start a protected label ("C" of "C/C++").
    var startsProtected: Bool
  }

  /// One piece of the cell being normalised: its bytes (blanks trimmed), their hash, and its memo slot.
  struct PieceSpan: Sendable {
    var start: Int
    var end: Int
    var hash: UInt64
    var slot = 0
  }

  /// Appends the cell's mapping ids and returns true, or returns false (with
  /// `ids` as it was) when the cell needs the general path.
  mutating func normaliseByMemo(_ cell: String, into ids: inout [Int32]) -> Bool {
    cellBytes.removeAll(keepingCapacity: true)
    cellBytes.append(contentsOf: cell.utf8)
    let count = cellBytes.count
    // As in the splitter: with a line break (or any non-ASCII blank) the cell is a list of lines.
    var hasLineBreaks = false, hasNonASCII = false
    for byte in cellBytes {
      if byte >= 0x80 { hasNonASCII = true } else if byte == 0x0A || byte == 0x0D { hasLineBreaks = true }
    }
    if hasNonASCII, !hasLineBreaks {
      hasLineBreaks = cell.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.isWhitespace }
    }
    if count <= 40, SkillCellSplitter.emptyAnswers.contains(foldedPiece(cell)) { return true }
    cellPieces.removeAll(keepingCapacity: true)
    var index = 0
    var lineStart = true
    while true {
      if lineStart {
        guard let afterMarker = Self.afterListMarker(cellBytes, from: index) else { return false }
        index = afterMarker
        lineStart = false
      }
      let start = index
      var separator = (width: 0, breaksLine: false)
      while index < count {
        let byte = cellBytes[index]
        if byte < 0x80 {
          if Self.isASCIISeparator(byte) {
            separator = (1, byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C)
            break
          }
          index += 1
        } else if let found = Self.nonASCIISeparator(cellBytes, at: index) {
          separator = found
          break
        } else {
          index += Self.scalarWidth(byte)
        }
      }
      let end = min(index, count)
      // Blanks around a piece change nothing (the term is trimmed, folding
      // drops them), so the memo key leaves them out: "; Python" and "Python" share an entry.
      var first = start, last = end
      while first < last, Self.isBlank(cellBytes[first]) { first += 1 }
      while last > first, Self.isBlank(cellBytes[last - 1]) { last -= 1 }
      guard last - first <= RawPieceMemo.longestKey else { return false }
      var hash = RawPieceMemo.offsetBasis
      for byte in cellBytes[first..<last] { hash = RawPieceMemo.hash(hash, byte) }
      cellPieces.append(PieceSpan(start: first, end: last, hash: hash))
      guard index < count else { break }
      index += separator.width
      lineStart = hasLineBreaks && separator.breaksLine
    }
    return appendPieces(into: &ids)
  }

  /// Looks up (or normalises and memoises) every piece in `cellPieces` and
  /// appends their ids; false, with `ids` unchanged, when a piece that may
  /// start a protected label has pieces after it.
  private mutating func appendPieces(into ids: inout [Int32]) -> Bool {
    // The memo is far bigger than the caches. Loading every piece's slot, then
    // every piece's key, before comparing any lets the cache misses of one
    // cell's pieces overlap instead of queueing one after another.
    var sink: UInt64 = 0
    for piece in cellPieces { sink ^= pieceMemo.touch(piece.hash) }
    for index in cellPieces.indices {
      let slot = pieceMemo.slotWithHash(cellPieces[index].hash)
      cellPieces[index].slot = slot
      sink ^= pieceMemo.touchKey(slot)
    }
    touched ^= sink
    let before = ids.count
    let last = cellPieces.count - 1
    for position in cellPieces.indices {
      let piece = cellPieces[position]
      let bytes = cellBytes[piece.start..<piece.end]
      // A slot found before an insert may have moved; `value(_:ifKeyIs:)` compares the key, so it is never wrong.
      let value = pieceMemo.value(piece.slot, ifKeyIs: bytes) ?? pieceMemo.find(bytes, hash: piece.hash)
        ?? rememberPiece(bytes, hash: piece.hash)
      if value >= 0 {
        ids.append(value)
        continue
      }
      let memoised = pieces[Int(-1 - value)]
      // A piece that may start a protected label, with pieces after it, may merge with them.
      if memoised.startsProtected, position < last {
        ids.removeSubrange(before...)
        return false
      }
      let first = Int(memoised.start)
      ids.append(contentsOf: pieceIDs[first..<(first + Int(memoised.count))])
    }
    return true
  }

  /// Normalises one raw piece as the general path would when it stands alone,
  /// memoises it and returns its memo value.
  private mutating func rememberPiece(_ piece: ArraySlice<UInt8>, hash: UInt64) -> Int32 {
    let text = String(decoding: piece, as: UTF8.self)
    let protected = splitter.protected
    let startsProtected = protected.maxPieces >= 2 && protected.firstPieces.contains(foldedPiece(text))
    let trimmed = SkillCellSplitter.trimmed(text)
    let folded = foldedPiece(trimmed)
    let mapped = folded.isEmpty || SkillCellSplitter.emptyAnswers.contains(folded) ? [] : mappingIDs(term: trimmed)
    let value: Int32
    if mapped.count == 1, !startsProtected {
      value = mapped[0]
    } else {
      value = -1 - Int32(pieces.count)
      pieces.append(MemoisedPiece(start: Int32(pieceIDs.count), count: Int32(mapped.count), startsProtected: startsProtected))
      pieceIDs += mapped
    }
    pieceMemo.insert(piece, hash: hash, value: value)
    return value
  }

  /// The folded form of a piece, memoised.
  mutating func foldedPiece(_ piece: String) -> String {
    if let known = foldedPieces[piece] { return known }
    let folded = SkillFolding.fold(piece)
    foldedPieces[piece] = folded
    return folded
  }

  /// The ASCII separators of ``SkillCellSplitter/isSeparator(_:)``, line breaks included.
  @inline(__always)
  static func isASCIISeparator(_ byte: UInt8) -> Bool {
    byte == 0x3B || byte == 0x2C || byte == 0x2F || byte == 0x7C || (0x0A...0x0D).contains(byte)
  }

  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09
  }

  /// How many bytes the UTF-8 sequence that starts with this byte takes.
  @inline(__always)
  static func scalarWidth(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4))
  }

  /// The non-ASCII separators of ``SkillCellSplitter/isSeparator(_:)`` (bullets, NEL, U+2028, U+2029).
  static let separatorScalars: Set<UInt32> = Set(SkillCellSplitter.bullets.flatMap { $0.unicodeScalars.map(\.value) })
    .union([0x85, 0x2028, 0x2029])

  /// The separator whose UTF-8 starts at `index` (a non-ASCII lead byte): its
  /// width in bytes and whether it breaks the line (as `Character.isNewline`).
  static func nonASCIISeparator(_ bytes: [UInt8], at index: Int) -> (width: Int, breaksLine: Bool)? {
    let width = scalarWidth(bytes[index])
    guard index + width <= bytes.count else { return nil }
    var value = UInt32(bytes[index]) & (width == 2 ? 0x1F : (width == 3 ? 0x0F : 0x07))
    for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    guard separatorScalars.contains(value) else { return nil }
    return (width, value == 0x85 || value == 0x2028 || value == 0x2029)
  }

  /// Whether the character at `index` starts there and the one before it ends
  /// there: true for ASCII, a separator or the end. A combining mark after a
  /// blank or list marker makes one `Character` of both, which the splitter's
  /// marker rule treats differently, so such lines take the general path.
  static func startsCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
    index >= bytes.count || bytes[index] < 0x80 || nonASCIISeparator(bytes, at: index) != nil
  }

  /// Where a line's text starts after its blanks and list marker, as
  /// ``SkillCellSplitter``'s marker rule reads it (`-`, `*`, `+`, `>`, or one
  /// or two digits and `.` or `)` before a space); nil when only the general
  /// path can tell (a dash `–` `—`, or a combining mark at the marker).
  static func afterListMarker(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < bytes.count, isBlank(bytes[index]) { index += 1 }
    guard startsCharacter(bytes, at: index) else {
      if index > start { return nil }
      // En and em dashes are markers too: rare enough to leave to the general path.
      let dash = index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94)
      return dash ? nil : index
    }
    guard index < bytes.count else { return index }
    let byte = bytes[index]
    if byte == 0x2D || byte == 0x2A || byte == 0x2B || byte == 0x3E {
      return startsCharacter(bytes, at: index + 1) ? index + 1 : nil
    }
    var digitsEnd = index
    while digitsEnd < bytes.count, (0x30...0x39).contains(bytes[digitsEnd]) { digitsEnd += 1 }
    guard digitsEnd > index else { return index }
    guard startsCharacter(bytes, at: digitsEnd) else { return nil }
    guard digitsEnd - index <= 2, digitsEnd < bytes.count, bytes[digitsEnd] == 0x2E || bytes[digitsEnd] == 0x29 else {
      return index
    }
    guard startsCharacter(bytes, at: digitsEnd + 1) else { return nil }
    guard digitsEnd + 1 < bytes.count, bytes[digitsEnd + 1] == 0x20 else { return index }
    return startsCharacter(bytes, at: digitsEnd + 2) ? digitsEnd + 1 : nil
  }
}
