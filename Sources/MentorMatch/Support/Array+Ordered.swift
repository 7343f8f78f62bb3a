extension Array {
  /// The elements in the order `areInIncreasingOrder` gives, as
  /// `sorted(by:)` would return them; when they are in that order already
  /// (as report lists usually are), the array itself, after one pass of
  /// comparisons and without moving any element.
  func ordered(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
    var index = 1
    while index < count {
      if areInIncreasingOrder(self[index], self[index - 1]) { return sorted(by: areInIncreasingOrder) }
      index += 1
    }
    return self
  }
}
