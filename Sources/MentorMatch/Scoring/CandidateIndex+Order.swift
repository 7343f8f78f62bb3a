extension CandidateIndex {
  /// The order in which to search the mentees: by grade band, then by their
  /// wanted skills compared most-posted skill first. Mentees next to each
  /// other then share their band and most of their skills' postings, and the
  /// dense path's coverage, kept from one search to the next
  /// (``DenseScratch/coveredSkills``), changes only by the few skills they do
  /// not share. Every order gives the same lists; this one saves work.
  ///
  /// Ties (the same band and skills) keep mentee order.
  func searchOrder() -> [Int32] {
    let t = tables
    let count = t.mentees.count
    guard let skills = skillsRule else { return (0..<count).map { Int32($0) } }
    // Each wanted skill ranked by the postings its coverage adds, most first.
    let postings = t.conceptIDs.indices.map { c in
      var total = conceptPostings[c].count
      guard skills.partial > 0 else { return total }
      for parent in t.parents[c] { total += familyPostings[Int(parent)].count }
      for child in t.children[c] { total += conceptPostings[Int(child)].count }
      return total
    }
    let byPostings = postings.indices.sorted { postings[$0] != postings[$1] ? postings[$0] > postings[$1] : $0 < $1 }
    var rank = [Int32](repeating: 0, count: postings.count)
    for (place, c) in byPostings.enumerated() { rank[c] = Int32(place) }
    let bands = (0..<count).map { band(ofMentee: $0) }
    let keys = (0..<count).map { i in
      t.applies(skills.index, i) ? t.wanted[i].map { rank[Int($0)] }.sorted() : []
    }
    return (0..<count).sorted { a, b in
      let (x, y) = (bands[a], bands[b])
      if x.lowerBound != y.lowerBound { return x.lowerBound < y.lowerBound }
      if x.upperBound != y.upperBound { return x.upperBound < y.upperBound }
      if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b]) }
      return a < b
    }.map { Int32($0) }
  }
}
