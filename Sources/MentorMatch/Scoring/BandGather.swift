import CBandPass

/// The band pass's gather in C (`CBandPass`): the positions of a stretch of
/// the band whose coverage reaches the floor, eight at a time on AVX-512F.
/// The only place the candidate search hands memory to C.
enum BandGather {
  /// Whether this processor runs the gather eight positions a step. When
  /// not, the search keeps its own pass over every position, which is
  /// faster than a plain gather.
  static let vectorisable = mentormatch_band_gather_vectorisable() != 0

  /// Writes to `out`, in increasing order, every offset i of `covered` with
  /// `covered[i] >= floor`, and returns how many. `out` holds at least
  /// `covered.count + 8` entries. Every coverage and `floor` are ≥ 0.
  static func gather(
    _ covered: Span<Int>, floor: Int, into out: inout MutableSpan<Int32>, vectorised: Bool = vectorisable
  ) -> Int {
    precondition(out.count >= covered.count + 8 && floor >= 0)
    return covered.withUnsafeBufferPointer { values in
      out.withUnsafeMutableBufferPointer { offsets in
        mentormatch_band_gather(values.baseAddress, values.count, floor, offsets.baseAddress, vectorised ? 1 : 0)
      }
    }
  }
}
