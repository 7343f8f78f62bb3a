/// The fast path of ``SkillNormaliser/normalise(cell:)``: one pass over the
/// cell's bytes and one memo lookup per piece.
///
/// Most cells are one line of ASCII text with pieces separated by `;`, `,`,
/// `/` or `|`, and the same pieces recur across thousands of people. For such
/// a cell the general path (``SkillCellSplitter``, then a match per term) is a
/// pure function of each piece's raw text, unless a piece could start a
/// protected label such as "C/C++", whose merge depends on the pieces after
/// it. So each distinct raw piece is normalised once, through the general
/// path's own steps, and its mappings are kept; the cell's answer is the
/// concatenation of its pieces' mappings. Whatever the fast path does not
/// cover (non-ASCII text, line breaks, a list marker, a possible protected
/// label before the last piece) goes to the general path whole, so the answer
/// is the same either way.
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
  mutating func normaliseSingleLine(_ cell: String, into ids: inout [Int32]) -> Bool {
    cellBytes.removeAll(keepingCapacity: true)
    cellBytes.append(contentsOf: cell.utf8)
    // Non-ASCII may hold bullets, other line breaks or text that folds by
    // Unicode rules; line breaks make a list per line.
    guard !cellBytes.contains(where: { $0 >= 0x80 || $0 == 0x0A || $0 == 0x0D }) else { return false }
    if let first = cellBytes.first(where: { $0 != 0x20 && $0 != 0x09 }), Self.mayStartListMarker(first) {
      return false
    }
    if cellBytes.count <= 40, SkillCellSplitter.emptyAnswers.contains(foldedPiece(cell)) { return true }
    cellPieces.removeAll(keepingCapacity: true)
    var start = 0
    let count = cellBytes.count
    for index in 0...count {
      if index < count, !Self.isASCIISeparator(cellBytes[index]) { continue }
      // Blanks around a piece change nothing (the term is trimmed, folding
      // drops them), so the memo key leaves them out: "; Python" and "Python" share an entry.
      var first = start, end = index
      while first < end, Self.isBlank(cellBytes[first]) { first += 1 }
      while end > first, Self.isBlank(cellBytes[end - 1]) { end -= 1 }
      guard end - first <= RawPieceMemo.longestKey else { return false }
      var hash = RawPieceMemo.offsetBasis
      for byte in cellBytes[first..<end] { hash = RawPieceMemo.hash(hash, byte) }
      cellPieces.append(PieceSpan(start: first, end: end, hash: hash))
      start = index + 1
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

  /// The ASCII separators of ``SkillCellSplitter/isSeparator(_:)`` other than line breaks.
  @inline(__always)
  static func isASCIISeparator(_ byte: UInt8) -> Bool {
    byte == 0x3B || byte == 0x2C || byte == 0x2F || byte == 0x7C || byte == 0x0B || byte == 0x0C
  }

  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09
  }

  /// Whether a line starting with this byte may start with a list marker (`-`, `*`, `+`, `>`, `1.`, `2)`).
  static func mayStartListMarker(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2A || byte == 0x2B || byte == 0x3E
  }
}
