import CBandPass

/// The band pass's gather in C (`CBandPass`): the positions of a stretch of
/// the band whose coverage reaches the floor, eight at a time on AVX-512F.
/// The only place the candidate search hands memory to C.
enum BandGather {
  /// Whether this processor runs the gather eight positions a step. When
  /// not, a plain loop gathers, which on this project's benchmark machine
  /// is no slower than the search's old pass that branched per position.
  static let vectorisable = mentormatch_band_gather_vectorisable() != 0

  /// Writes to `out`, in increasing order, every offset i of `covered` with
  /// `covered[i] >= floor`, and returns how many. `out` holds at least
  /// `covered.count + 8` entries. `vectorised: false` forces the plain loop
  /// (tests); `true` is honoured only where the processor has AVX-512F.
  static func gather(
    _ covered: Span<Int>, floor: Int, into out: inout MutableSpan<Int32>, vectorised: Bool = vectorisable
  ) -> Int {
    precondition(out.count >= covered.count + 8 && covered.count <= Int(Int32.max))
    let vector: Int32 = vectorised && vectorisable ? 1 : 0
    return covered.withUnsafeBufferPointer { values in
      out.withUnsafeMutableBufferPointer { offsets in
        mentormatch_band_gather(values.baseAddress, values.count, floor, offsets.baseAddress, vector)
      }
    }
  }
}
