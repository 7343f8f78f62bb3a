/// Reusable working memory for fuzzy searches, so a search allocates almost nothing.
struct FuzzyScratch {
  var stamp: UInt32 = 0
  var wordMark: UInt32 = 0
  var labelStamp: [UInt32]
  var labelCount: [Int32]
  var labelLastWord: [Int32]
  var wordStamp: [UInt32]
  var conceptStamp: [UInt32]
  var conceptScore: [Int32]
  var conceptLabel: [Int32]
  var touchedLabels: [Int32] = []
  var touchedConcepts: [Int32] = []
  var distance = EditDistance()

  init(index: FuzzyLabelIndex) {
    labelStamp = Array(repeating: 0, count: index.labelText.count)
    labelCount = Array(repeating: 0, count: index.labelText.count)
    labelLastWord = Array(repeating: -1, count: index.labelText.count)
    wordStamp = Array(repeating: 0, count: index.wordScalars.count)
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
  /// The best-scoring label of every candidate concept, best first (ties by
  /// concept position, which is id order). Only labels whose length lets them
  /// reach `floor` are scored.
  func search(_ folded: String, floor: Int, scratch: inout FuzzyScratch) -> [FuzzyCandidate] {
    let termScalars = folded.unicodeScalars.map(\.value)
    let termWords = Set(SkillFolding.words(folded).map(String.init)).sorted(by: utf8Less)
    guard !termWords.isEmpty else { return [] }
    scratch.stamp &+= 1
    if scratch.stamp == 0 {
      // The stamp wrapped: clear the marks so that no old mark looks current.
      for i in scratch.labelStamp.indices { scratch.labelStamp[i] = 0 }
      for i in scratch.conceptStamp.indices { scratch.conceptStamp[i] = 0 }
      scratch.stamp = 1
    }
    let stamp = scratch.stamp
    scratch.touchedLabels.removeAll(keepingCapacity: true)
    for (position, text) in termWords.enumerated() {
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
      if edits > 0 {
        for key in Self.deleteHashes(word, upTo: edits) {
          for slot in deleteRange(key) {
            let id = deleteWords[slot]
            guard scratch.wordStamp[Int(id)] != mark else { continue }
            scratch.wordStamp[Int(id)] = mark
            let candidate = wordScalars[Int(id)]
            guard abs(candidate.count - word.count) <= edits,
              scratch.distance.distance(word, candidate) <= edits
            else { continue }
            matched.append(id)
          }
        }
      }
      for id in matched {
        for label in postings[Int(id)] {
          let l = Int(label)
          if scratch.labelStamp[l] != stamp {
            scratch.labelStamp[l] = stamp
            scratch.labelCount[l] = 0
            scratch.labelLastWord[l] = -1
            scratch.touchedLabels.append(label)
          }
          if scratch.labelLastWord[l] != Int32(position) {
            scratch.labelLastWord[l] = Int32(position)
            scratch.labelCount[l] += 1
          }
        }
      }
    }
    scratch.touchedConcepts.removeAll(keepingCapacity: true)
    let termLength = termScalars.count
    for label in scratch.touchedLabels {
      let l = Int(label)
      let count = scratch.labelCount[l]
      guard count >= max(1, labelWordCount[l] - 1) else { continue }
      let labelLength = labelScalars[l].count
      let longer = max(termLength, labelLength)
      // The distance is at least the length difference: skip labels that cannot reach the floor.
      guard 1000 * (longer - abs(termLength - labelLength)) / longer >= floor else { continue }
      let score = scratch.distance.similarity(termScalars, labelScalars[l])
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
}
