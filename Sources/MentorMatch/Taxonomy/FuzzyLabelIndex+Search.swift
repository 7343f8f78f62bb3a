/// Reusable working memory for fuzzy searches, so a search allocates almost nothing.
struct FuzzyScratch {
  var stamp: UInt32 = 0
  var wordMark: UInt32 = 0
  var labelStamp: [UInt32]
  var wordStamp: [UInt32]
  var maskStamp: [UInt32]
  var wordMask: [UInt64]
  var conceptStamp: [UInt32]
  var conceptScore: [Int32]
  var conceptLabel: [Int32]
  var touchedLabels: [Int32] = []
  var touchedConcepts: [Int32] = []
  var distance = EditDistance()
  /// The label words each term word may be, per distinct term word: terms
  /// that reach the fuzzy stage share most of their words, and finding a
  /// word's matches costs up to 56 delete-variant lookups, each a cache miss.
  var matchedWords: [String: [Int32]] = [:]

  init(index: FuzzyLabelIndex) {
    labelStamp = Array(repeating: 0, count: index.labelText.count)
    wordStamp = Array(repeating: 0, count: index.wordScalars.count)
    maskStamp = Array(repeating: 0, count: index.wordScalars.count)
    wordMask = Array(repeating: 0, count: index.wordScalars.count)
    conceptStamp = Array(repeating: 0, count: index.conceptCount)
    conceptScore = Array(repeating: 0, count: index.conceptCount)
    conceptLabel = Array(repeating: 0, count: index.conceptCount)
  }
}

/// One scored fuzzy candidate: the best label of one concept.
struct FuzzyCandidate: Equatable {
  var concept: Int32
  var label: Int32
  var score: Int
}

extension FuzzyLabelIndex {
  /// The best-scoring label of every candidate concept scoring at least
  /// `floor`, best first (ties by concept position, which is id order).
  func search(_ folded: String, floor: Int, scratch: inout FuzzyScratch) -> [FuzzyCandidate] {
    let termScalars = folded.unicodeScalars.map(\.value)
    let termWords = Set(SkillFolding.words(folded).map(String.init)).sorted(by: utf8Less)
    guard !termWords.isEmpty else { return [] }
    scratch.stamp &+= 1
    if scratch.stamp == 0 {
      // The stamp wrapped: clear the marks so that no old mark looks current.
      for i in scratch.labelStamp.indices { scratch.labelStamp[i] = 0 }
      for i in scratch.conceptStamp.indices { scratch.conceptStamp[i] = 0 }
      for i in scratch.maskStamp.indices { scratch.maskStamp[i] = 0 }
      scratch.stamp = 1
    }
    let stamp = scratch.stamp
    scratch.touchedLabels.removeAll(keepingCapacity: true)
    // For each term word (at most 64), the label words it may be; each label word's mask says which term words.
    let termCount = min(termWords.count, 64)
    var matchedByPosition: [[Int32]] = []
    for (position, text) in termWords.prefix(termCount).enumerated() {
      let matched: [Int32]
      if let known = scratch.matchedWords[text] {
        matched = known
      } else {
        matched = labelWords(matching: text, scratch: &scratch)
        scratch.matchedWords[text] = matched
      }
      for id in matched {
        let w = Int(id)
        if scratch.maskStamp[w] != stamp {
          scratch.maskStamp[w] = stamp
          scratch.wordMask[w] = 0
        }
        scratch.wordMask[w] |= UInt64(1) << UInt64(position)
      }
      matchedByPosition.append(matched)
    }
    // Every candidate matches all term words but at most one, and all when
    // the term has at most two words: so it holds a word matched by one of the
    // two rarest term words (the rarest, for two words or fewer).
    let anchors = termCount >= 3 ? 2 : 1
    let rarest = matchedByPosition.indices.sorted { a, b in
      let sizeA = matchedByPosition[a].reduce(0) { $0 + postings[Int($1)].count }
      let sizeB = matchedByPosition[b].reduce(0) { $0 + postings[Int($1)].count }
      return sizeA != sizeB ? sizeA < sizeB : a < b
    }.prefix(anchors)
    let termLength = termScalars.count
    for position in rarest {
      for id in matchedByPosition[position] {
        for label in postings[Int(id)] {
          let l = Int(label)
          guard scratch.labelStamp[l] != stamp else { continue }
          scratch.labelStamp[l] = stamp
          let labelLength = Int(self.labelLength[l])
          let longer = max(termLength, labelLength)
          // The distance is at least the length difference: skip labels that cannot reach the floor.
          guard 1000 * (longer - abs(termLength - labelLength)) / longer >= floor else { continue }
          var mask: UInt64 = 0
          for slot in Int(labelWordStart[l])..<Int(labelWordStart[l + 1]) {
            let w = Int(labelWordIDs[slot])
            if scratch.maskStamp[w] == stamp { mask |= scratch.wordMask[w] }
          }
          let matchedWords = mask.nonzeroBitCount
          let most = max(Int(labelWordStart[l + 1] - labelWordStart[l]), termCount)
          let required = most >= 3 ? most - 1 : most
          guard matchedWords >= required else { continue }
          scratch.touchedLabels.append(label)
        }
      }
    }
    scratch.touchedConcepts.removeAll(keepingCapacity: true)
    for label in scratch.touchedLabels {
      let l = Int(label)
      let score = scratch.distance.similarity(termScalars, labelScalars[l], floor: floor)
      guard score >= floor else { continue }
      let concept = Int(labelConcept[l])
      if scratch.conceptStamp[concept] != stamp {
        scratch.conceptStamp[concept] = stamp
        scratch.conceptScore[concept] = Int32(score)
        scratch.conceptLabel[concept] = label
        scratch.touchedConcepts.append(Int32(concept))
      } else if score > scratch.conceptScore[concept]
        || (score == scratch.conceptScore[concept] && label < scratch.conceptLabel[concept])
      {
        scratch.conceptScore[concept] = Int32(score)
        scratch.conceptLabel[concept] = label
      }
    }
    var result = scratch.touchedConcepts.map {
      FuzzyCandidate(concept: $0, label: scratch.conceptLabel[Int($0)], score: Int(scratch.conceptScore[Int($0)]))
    }
    result.sort { $0.score != $1.score ? $0.score > $1.score : $0.concept < $1.concept }
    return result
  }

  /// The ids of the label words `text` (one term word) may be: itself, and
  /// words within its allowed edits found through the delete variants. In id
  /// order of discovery, each once.
  func labelWords(matching text: String, scratch: inout FuzzyScratch) -> [Int32] {
    let word = text.unicodeScalars.map(\.value)
    let edits = Self.allowedEdits(word.count)
    var matched: [Int32] = []
    scratch.wordMark &+= 1
    if scratch.wordMark == 0 {
      for i in scratch.wordStamp.indices { scratch.wordStamp[i] = 0 }
      scratch.wordMark = 1
    }
    let mark = scratch.wordMark
    if let id = wordIDs[text] {
      matched.append(id)
      scratch.wordStamp[Int(id)] = mark
    }
    guard edits > 0 else { return matched }
    for key in Self.deleteHashes(word, upTo: edits) {
      for slot in deleteRange(key) {
        let id = deleteWords[slot]
        guard scratch.wordStamp[Int(id)] != mark else { continue }
        scratch.wordStamp[Int(id)] = mark
        // The flat length first: most variants' words are too long or short, and their scalars are a cache miss.
        guard abs(Int(wordLength[Int(id)]) - word.count) <= edits,
          scratch.distance.distance(word, wordScalars[Int(id)], limit: edits) <= edits
        else { continue }
        matched.append(id)
      }
    }
    return matched
  }
}
