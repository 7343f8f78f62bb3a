/// Line accounting for the chunked path, where libcsv parses many lines per
/// call and so cannot be asked where a record starts.
///
/// Before each piece is parsed, a scan notes every CR and LF in it with the
/// physical line that follows (``LineEnd``). With `CSV_REPALL_NL`, libcsv
/// calls back once for every line end outside a quoted field (blank lines
/// and the LF of a CRLF included), and every line end inside a quoted field
/// is one of that field's bytes, so libcsv passes the noted line ends in
/// order and the batch keeps step: a row callback passes one, a field
/// passes as many as it holds CRs and LFs. A record then starts on the line
/// after the last line end passed before its first field.
///
/// The record size limit is applied exactly as the line-by-line path does:
/// the bytes since the last record ended (blank lines included) are counted
/// at every line end, and the file stops at the first line end (or chunk
/// end) past the limit, before that line is parsed.
extension CSVRecordBatch {
  /// The line the open record starts on, or the line of the next byte when none is open.
  var openRecordLine: Int { rowOpen ? recordStartLine : line }

  /// Forgets the last piece's notes before the next piece is scanned.
  mutating func startPiece() {
    lineEnds.truncate(to: 0)
    nextLineEnd = 0
  }

  /// Holds the notes libcsv has passed inside the still-open field, which
  /// it reports when the field ends in a later piece.
  mutating func endPiece() {
    guard nextLineEnd < lineEnds.count else { return }
    heldLineEnds += lineEnds.count - nextLineEnd
    heldLineAfter = lineEnds[lineEnds.count - 1].lineAfter
    nextLineEnd = lineEnds.count
  }

  /// libcsv's row callback in the chunked path: `terminator` is the CR or LF
  /// libcsv passed, or -1 when `csv_fini` ends the last record.
  mutating func endLine(_ terminator: Int32) {
    guard terminator >= 0, nextLineEnd < lineEnds.count else {
      if rowOpen { endRow() }
      return
    }
    let end = lineEnds[nextLineEnd]
    nextLineEnd += 1
    line = end.lineAfter
    // With no field since the last record, this line end is a blank line's (or a CRLF's LF).
    guard rowOpen else { return }
    endRow()
    spanStart = end.offset + 1
  }

  /// Passes the `count` line ends a quoted field holds, the first of which
  /// may have been noted in earlier pieces.
  mutating func passFieldLineEnds(_ count: Int) {
    guard count > 0 else { return }
    let inThisPiece = count - heldLineEnds
    if inThisPiece > 0 {
      nextLineEnd = min(nextLineEnd + inThisPiece, lineEnds.count)
      if nextLineEnd > 0 { line = lineEnds[nextLineEnd - 1].lineAfter }
    } else if heldLineEnds > 0 {
      line = heldLineAfter
    }
    heldLineEnds = 0
  }

  /// After a stray quote at `offset`, passes the rest of its line: returns
  /// where the next line starts, or nil when the line goes on past this
  /// piece. Whatever the open field held is dropped with the record.
  mutating func skipBrokenLine(after offset: Int) -> Int? {
    var index = nextLineEnd
    while index < lineEnds.count, lineEnds[index].offset <= offset { index += 1 }
    defer { heldLineEnds = 0 }
    guard index < lineEnds.count else {
      if lineEnds.count > nextLineEnd {
        line = lineEnds[lineEnds.count - 1].lineAfter
      } else if heldLineEnds > 0 {
        line = heldLineAfter
      }
      nextLineEnd = lineEnds.count
      return nil
    }
    let end = lineEnds[index]
    nextLineEnd = index + 1
    line = end.lineAfter
    spanStart = end.offset + 1
    return end.offset + 1
  }

  /// When the bytes counted against `limit` would pass it before
  /// `pieceEnd`: where the segment (a line, or the part of one in this
  /// piece) holding the first byte over the limit starts. The line-by-line
  /// path stops there, before parsing that segment.
  func sizeLimitSegment(before pieceEnd: Int, pieceStart: Int, limit: Int) -> Int? {
    guard pieceEnd - spanStart > limit else { return nil }
    let firstOver = spanStart + limit
    // Binary search (the offsets ascend) for how many line ends come before the first byte over.
    var lower = 0
    var upper = lineEnds.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if lineEnds[middle].offset < firstOver { lower = middle + 1 } else { upper = middle }
    }
    return lower > 0 ? max(pieceStart, lineEnds[lower - 1].offset + 1) : pieceStart
  }
}

/// Where a line end (CR or LF) sits in the input, counted from the first
/// byte after any byte order mark, and the physical line that follows it.
struct LineEnd: BitwiseCopyable {
  var offset: Int
  var lineAfter: Int
}
