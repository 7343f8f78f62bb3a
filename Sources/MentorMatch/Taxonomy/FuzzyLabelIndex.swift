/// The fuzzy stage's index: it finds the labels worth comparing with a term
/// without scanning every label.
///
/// Candidates come from words. Every word of every label is in a
/// symmetric-delete dictionary (Garbe's SymSpell,
/// <https://github.com/wolfgarbe/SymSpell>): the strings made by deleting up to
/// two characters from the word's first seven. A term's words are looked up the
/// same way and checked with ``EditDistance``, which finds the label words each
/// term word may be a misspelling of (within 1 edit for words of 3–7
/// characters, 2 for longer ones, exact for shorter ones).
///
/// A label is a candidate when its length could reach the review threshold and
/// enough words match: all of them when label and term both have at most two
/// words, all but one otherwise (on both sides). That rule lets the search
/// walk only the postings of the term's rarest words (prefix filtering, as in
/// Chaudhuri, Ganti & Kaushik 2006, "A primitive operator for similarity
/// joins"), so a common word such as "management" costs nothing unless the term
/// is that word alone. Only candidates are scored on the whole string.
struct FuzzyLabelIndex: Sendable {
  static let prefixLength = 10

  let labelText: [String]
  let labelScalars: [[UInt32]]
  /// `labelScalars[l].count`, kept flat: the postings walk reads it for every
  /// label it meets, and reaching it through each label's own array was a cache miss each time.
  let labelLength: [Int32]
  let labelConcept: [Int32]
  let labelWordCount: [Int32]
  /// The distinct word ids of label `l` are `labelWordIDs[labelWordStart[l]..<labelWordStart[l + 1]]`.
  let labelWordStart: [Int32]
  let labelWordIDs: [Int32]
  let wordIDs: [String: Int32]
  let wordScalars: [[UInt32]]
  /// `wordScalars[w].count`, kept flat like `labelLength`.
  let wordLength: [Int32]
  let postings: [[Int32]]
  /// Hashes of delete variants, sorted, beside the word each came from.
  let deleteKeys: [UInt64]
  let deleteWords: [Int32]
  /// Where each distinct key's run starts in `deleteKeys`, found by hashing.
  let deleteTable: DeleteVariantTable
  let conceptCount: Int

  init(labels: [(folded: String, concept: Int32)], conceptCount: Int) {
    self.conceptCount = conceptCount
    var wordIDs: [String: Int32] = [:]
    var wordScalars: [[UInt32]] = []
    var postings: [[Int32]] = []
    var wordCounts: [Int32] = []
    var wordStart: [Int32] = [0]
    var labelWordIDs: [Int32] = []
    for (labelID, label) in labels.enumerated() {
      let words = SkillFolding.words(label.folded)
      wordCounts.append(Int32(words.count))
      var seen: Set<Substring> = []
      for substring in words where seen.insert(substring).inserted {
        let word = String(substring)
        let id: Int32
        if let known = wordIDs[word] {
          id = known
        } else {
          id = Int32(wordScalars.count)
          wordIDs[word] = id
          wordScalars.append(word.unicodeScalars.map(\.value))
          postings.append([])
        }
        postings[Int(id)].append(Int32(labelID))
        labelWordIDs.append(id)
      }
      wordStart.append(Int32(labelWordIDs.count))
    }
    var pairs: [(UInt64, Int32)] = []
    for (id, scalars) in wordScalars.enumerated() {
      let deletes = Self.maxDictionaryDeletes(scalars.count)
      for key in Set(Self.deleteHashes(scalars, upTo: deletes)) { pairs.append((key, Int32(id))) }
    }
    pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    self.labelText = labels.map(\.folded)
    self.labelScalars = labels.map { $0.folded.unicodeScalars.map(\.value) }
    self.labelLength = labelScalars.map { Int32($0.count) }
    self.labelConcept = labels.map(\.concept)
    self.labelWordCount = wordCounts
    self.labelWordStart = wordStart
    self.labelWordIDs = labelWordIDs
    self.wordIDs = wordIDs
    self.wordScalars = wordScalars
    self.wordLength = wordScalars.map { Int32($0.count) }
    self.postings = postings
    self.deleteKeys = pairs.map(\.0)
    self.deleteWords = pairs.map(\.1)
    self.deleteTable = DeleteVariantTable(sortedKeys: deleteKeys)
  }

  /// How many edits a term word of this length may be from a label word.
  static func allowedEdits(_ length: Int) -> Int {
    length < 3 ? 0 : (length < 8 ? 1 : 2)
  }

  /// Deletes stored for a label word: enough for any term word whose allowed edits could reach it.
  static func maxDictionaryDeletes(_ length: Int) -> Int {
    length < 2 ? 0 : (length < 6 ? 1 : 2)
  }

  /// FNV-1a hashes of every string made by deleting up to `limit` (at most 2)
  /// characters from the word's prefix, the prefix itself included. Deletions
  /// are skipped positions, so no string is built; a string reached twice
  /// (from doubled letters) is hashed twice, which costs one more lookup.
  static func deleteHashes(_ word: [UInt32], upTo limit: Int) -> [UInt64] {
    let n = min(word.count, prefixLength)
    func hash(skipping first: Int, _ second: Int) -> UInt64 {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for index in 0..<n where index != first && index != second {
        h = (h ^ UInt64(word[index])) &* 0x0000_0100_0000_01b3
      }
      return h
    }
    var result: [UInt64] = [hash(skipping: -1, -1)]
    guard limit >= 1, n > 1 else { return result }
    result.reserveCapacity(1 + n + (limit >= 2 ? n * (n - 1) / 2 : 0))
    for i in 0..<n { result.append(hash(skipping: i, -1)) }
    guard limit >= 2, n > 2 else { return result }
    for i in 0..<n {
      for j in (i + 1)..<n { result.append(hash(skipping: i, j)) }
    }
    return result
  }

  /// The range of `deleteKeys` equal to `key`.
  @inline(__always)
  func deleteRange(_ key: UInt64) -> Range<Int> {
    deleteTable.range(key)
  }

  /// The same range found by binary search: the simple path the table is tested against.
  func deleteRangeBySearch(_ key: UInt64) -> Range<Int> {
    var low = 0, high = deleteKeys.count
    while low < high {
      let mid = (low + high) / 2
      if deleteKeys[mid] < key { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < deleteKeys.count, deleteKeys[end] == key { end += 1 }
    return low..<end
  }
}
