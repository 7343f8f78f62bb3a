/// An `Int` property stored in 32 bits: for the records a big cohort keeps
/// by the million (candidate pairs, the solver's edges), whose indices and
/// scores all fit. A value beyond 32 bits is clamped to the nearest end,
/// for the record's own checks to refuse as out of range.
@propertyWrapper
public struct Int32Backed: Sendable, Hashable {
  private var stored: Int32

  public init(wrappedValue: Int) {
    stored = Int32(clamping: wrappedValue)
  }

  public var wrappedValue: Int {
    get { Int(stored) }
    set { stored = Int32(clamping: newValue) }
  }
}
