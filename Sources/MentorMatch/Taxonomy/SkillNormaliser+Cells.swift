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
  /// What the memo keeps for one distinct raw piece: its mappings are
  /// `pieceMappings[start..<start + count]`, kept flat so that a hit reads one small record and one run.
  struct MemoisedPiece: Sendable {
    var start: Int32
    var count: Int32
    /// Whether the piece could start a protected label ("C" of "C/C++").
    var startsProtected: Bool
  }

  /// The cell's mappings, or nil when the cell needs the general path.
  mutating func normaliseSingleLine(_ cell: String) -> [SkillTermMapping]? {
    cellBytes.removeAll(keepingCapacity: true)
    cellBytes.append(contentsOf: cell.utf8)
    // Non-ASCII may hold bullets, other line breaks or text that folds by
    // Unicode rules; line breaks make a list per line.
    guard !cellBytes.contains(where: { $0 >= 0x80 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
    if let first = cellBytes.first(where: { $0 != 0x20 && $0 != 0x09 }), Self.mayStartListMarker(first) {
      return nil
    }
    if cellBytes.count <= 40, SkillCellSplitter.emptyAnswers.contains(foldedPiece(cell)) { return [] }
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
      let piece = cellBytes[first..<end]
      var hash = RawPieceMemo.offsetBasis
      for byte in piece { hash = RawPieceMemo.hash(hash, byte) }
      let entry = pieceMemo.find(piece, hash: hash) ?? rememberPiece(piece, hash: hash)
      cellPieces.append(Int32(entry))
      start = index + 1
    }
    // A piece that may start a protected label, with pieces after it, may merge with them.
    for entry in cellPieces.dropLast() where pieces[Int(entry)].startsProtected { return nil }
    var result: [SkillTermMapping] = []
    result.reserveCapacity(cellPieces.count)
    for entry in cellPieces {
      let piece = pieces[Int(entry)]
      let start = Int(piece.start)
      for index in start..<(start + Int(piece.count)) { result.append(pieceMappings[index]) }
    }
    return result
  }

  /// Normalises one raw piece as the general path would when it stands alone, and memoises it.
  private mutating func rememberPiece(_ piece: ArraySlice<UInt8>, hash: UInt64) -> Int {
    let text = String(decoding: piece, as: UTF8.self)
    let protected = splitter.protected
    let startsProtected = protected.maxPieces >= 2 && protected.firstPieces.contains(foldedPiece(text))
    let trimmed = SkillCellSplitter.trimmed(text)
    let folded = foldedPiece(trimmed)
    let mappings = folded.isEmpty || SkillCellSplitter.emptyAnswers.contains(folded) ? [] : mappings(term: trimmed)
    pieces.append(MemoisedPiece(start: Int32(pieceMappings.count), count: Int32(mappings.count), startsProtected: startsProtected))
    pieceMappings += mappings
    return pieceMemo.insert(piece, hash: hash)
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
