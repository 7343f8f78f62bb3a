/// A fixed table of choices with integer weights, drawn by binary search over
/// cumulative weights (so no floating point decides a row).
public struct WeightedChoice<Element: Sendable>: Sendable {
  public let items: [Element]
  private let cumulative: [Int]

  /// - Parameter weighted: choices with positive weights; zero weights are dropped.
  public init(_ weighted: [(Element, Int)]) {
    var items: [Element] = []
    var cumulative: [Int] = []
    var total = 0
    for (item, weight) in weighted where weight > 0 {
      total += weight
      items.append(item)
      cumulative.append(total)
    }
    self.items = items
    self.cumulative = cumulative
  }

  /// Weights 1/rank^1 (Zipf with exponent 1) over the items in order, the
  /// first the most popular.
  public static func zipf(_ items: [Element]) -> WeightedChoice {
    WeightedChoice(items.enumerated().map { ($0.element, 1_000_000_000 / ($0.offset + 1)) })
  }

  /// The index of a drawn item; 0 when the table is empty.
  public func drawIndex(using random: inout SeededRandom) -> Int {
    guard let total = cumulative.last else { return 0 }
    let target = random.below(total)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// A drawn item; nil when the table is empty.
  public func draw(using random: inout SeededRandom) -> Element? {
    items.isEmpty ? nil : items[drawIndex(using: &random)]
  }
}
