import CBandPass

/// The band pass's gather in C (`CBandPass`): the positions of a stretch of
/// the band whose coverage reaches the floor, sixteen at a time on AVX-512F
/// or eight on AVX2. The only place the candidate search hands memory to C.
enum BandGather {
  /// The widest way this processor runs the gather: 2 for sixteen positions
  /// a step (AVX-512F), 1 for eight with AVX2, 0 for a plain loop, which on this
  /// project's benchmark machine is no slower than the search's old pass
  /// that branched per position.
  static let level = Int(mentormatch_band_gather_level())

  /// Writes to `out`, in increasing order, every offset i of `covered` with
  /// `covered[i] >= floor`, and returns how many. `out` holds at least
  /// `covered.count + 16` entries. `level` below ``level`` forces a narrower
  /// way (tests); above it, it is ``level``. Every way gives the same offsets.
  static func gather(_ covered: Span<Int32>, floor: Int32, into out: inout MutableSpan<Int32>,
                     level: Int = level) -> Int {
    precondition(out.count >= covered.count + 16 && covered.count <= Int(Int32.max))
    let way = Int32(Swift.max(0, Swift.min(level, Self.level)))
    return covered.withUnsafeBufferPointer { values in
      out.withUnsafeMutableBufferPointer { offsets in
        mentormatch_band_gather(values.baseAddress, values.count, floor, offsets.baseAddress, way)
      }
    }
  }

  /// The same over 64-bit coverages (``CandidateIndex/wideCoverage``).
  static func gather(_ covered: Span<Int>, floor: Int, into out: inout MutableSpan<Int32>, level: Int = level) -> Int {
    precondition(out.count >= covered.count + 16 && covered.count <= Int(Int32.max))
    let way = Int32(Swift.max(0, Swift.min(level, Self.level)))
    return covered.withUnsafeBufferPointer { values in
      out.withUnsafeMutableBufferPointer { offsets in
        mentormatch_band_gather64(values.baseAddress, values.count, floor, offsets.baseAddress, way)
      }
    }
  }
}
