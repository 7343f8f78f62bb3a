/// Per-worker scratch for ``CandidateIndex/searchDense(_:k:band:scratch:)``:
/// one entry per mentor position, in separate arrays so the skill lists,
/// which dominate, write only the 4-byte coverage of each mentor, and the
/// coverage of a 110,000-mentor band stays inside a core's L2 cache.
struct DenseScratch {
  /// The skills rule's Σ weight × credit per band position, for the wanted
  /// skills ``coveredSkills`` over the band ``coveredBand`` (relative to its
  /// first position), and zero past that band. Kept between searches: the
  /// next mentee of the same band takes away and adds only the skills the
  /// two do not share.
  /// In units of ``CandidateIndex/coverageUnit``, so that a 110,000-mentor
  /// band's coverage takes 430 KiB, which the band pass reads whole for
  /// every mentee, and stays in a core's L2 cache. `wideCovered` holds it
  /// instead, in 64-bit words, for an index whose masses do not fit 31 bits
  /// in those units (``CandidateIndex/wideCoverage``); each index uses one,
  /// and `wideCovered` is empty until an index needs it.
  var covered: [Int32]
  var wideCovered: [Int]
  /// The band `covered` is laid over.
  var coveredBand: Range<Int> = 0..<0
  /// The wanted skills `covered` adds up, sorted.
  var coveredSkills: [Int32] = []
  /// One word per mentor position (not per band position): in its low 32
  /// bits the list rules' tally, required lists passed times ``hit`` plus
  /// scored points, or about ``excluded`` when a constraint rules the
  /// mentor out; in its high 32 bits the mentor's codes for the index's two
  /// column rules (``CandidateIndex/columnCodes``, bits 32–47 and 48–63),
  /// which the band pass compares with the mentee's instead of adding those
  /// rules' lists over the band. One word, so each position the pass bounds
  /// costs one read for all three. The tallies are all zero between
  /// searches, as `covered`; the codes are written once, for the index
  /// ``slotsOwner``.
  var slots: [UInt64]
  /// The index whose codes `slots` holds and whose coverage is carried.
  var owner: ObjectIdentifier?
  /// The coverage of each picked mentor (parallel to `picked`).
  var carried: [Int]
  /// Band positions the band pass keeps for exact scoring, in band order,
  /// and their score bounds.
  var picked: [Int32]
  var pickedBounds: [Int]
  /// Offsets of a stretch of the band whose coverage reaches the floor
  /// (``BandGather``), with room for eight more.
  var gathered: [Int32]
  /// Deduplication stamps (one rule or one wanted skill); see ``nextMark(_:_:)``.
  var marks: [UInt32]
  var mark: UInt32 = 0
  var histogram: [Int32] = []
  /// The band positions a constraint ruled out in this search (see
  /// ``CandidateIndex/searchDense(_:k:band:scratch:)``).
  var excluded: [Int32] = []

  /// The list rules (`same`, `different`, `contains`) a tally can count:
  /// fewer than this many, whose points add up to less than
  /// ``listPointsLimit``. Other rule sets take the sparse path
  /// (``CandidateIndex/denseFits``), which gives the same lists.
  static let listRuleLimit = 64
  /// The list rules' points must add up to less than this (2²², about 4.2
  /// million; a rule pays at most 1,000,000).
  static let listPointsLimit = 1 << 22
  /// One required list passed: above twice any sum of points (±2²²), so the
  /// points are read back from the low bits.
  static let hit: Int32 = 1 << 23
  /// Far enough below zero that no sum of hits and points brings it back:
  /// −2³⁰ plus at most 63 hits (under 2²⁹) and 2²² points stays below −2²⁹,
  /// and −2³⁰ less 2²² points stays above `Int32.min`.
  static let excluded: Int32 = Int32.min / 2

  init(mentors: Int) {
    covered = Array(repeating: 0, count: mentors)
    wideCovered = []
    slots = Array(repeating: 0, count: mentors)
    carried = Array(repeating: 0, count: mentors)
    picked = Array(repeating: 0, count: mentors)
    pickedBounds = Array(repeating: 0, count: mentors)
    gathered = Array(repeating: 0, count: mentors + 16)
    marks = Array(repeating: 0, count: mentors)
  }

  /// A column code no mentor holds: a mentee's value no mentor has, or a
  /// column the mentee does not read.
  static let noMentorCode: UInt16 = 0xFFFE
  /// A mentor's code for a blank value.
  static let blankCode: UInt16 = 0xFFFF
  /// The codes' half of a slot, kept whenever the tally changes.
  static let codesMask: UInt64 = 0xFFFF_FFFF_0000_0000

  /// The tally in a slot.
  @inline(__always)
  static func tally(_ slot: UInt64) -> Int32 { Int32(truncatingIfNeeded: slot) }

  /// The slot with its tally replaced, its codes kept.
  @inline(__always)
  static func slot(_ slot: UInt64, tally: Int32) -> UInt64 { (slot & codesMask) | UInt64(UInt32(bitPattern: tally)) }

  /// Adds `add` to the tally of the slot at `pos`.
  @inline(__always)
  static func add(_ add: Int32, at pos: Int, _ slots: inout MutableSpan<UInt64>) {
    slots[pos] = slot(slots[pos], tally: tally(slots[pos]) &+ add)
  }

  /// Whether a tally passes `required` required lists and no constraint
  /// failed. Read in 64 bits, where the band pass adds its column rules'
  /// terms (``ColumnTerms``) to the stored word.
  @inline(__always)
  static func eligible(_ tally: Int, required: Int) -> Bool { tally >= required * Int(hit) - Int(hit / 2) }

  /// The scored points of an eligible tally.
  @inline(__always)
  static func points(_ tally: Int) -> Int { ((tally &+ Int(hit / 2)) & Int(hit - 1)) &- Int(hit / 2) }

  /// A fresh stamp for `marks`; stamps from earlier searches (at other band
  /// offsets) never equal it, and on wrap-around every mark is cleared.
  static func nextMark(_ mark: inout UInt32, _ marks: inout MutableSpan<UInt32>) -> UInt32 {
    if mark == UInt32.max {
      for x in marks.indices { marks[x] = 0 }
      mark = 0
    }
    mark += 1
    return mark
  }
}
