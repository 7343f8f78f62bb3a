// The candidate search's band pass, gathering the positions whose skill
// coverage (32-bit words) reaches the floor with no branch per position:
// sixteen a step with AVX-512F (one compare into a mask, the mask's offsets
// packed and stored), eight with AVX2 (one compare, a table of packed
// offsets), one elsewhere;
// chosen at run time, so that the binary still runs on any x86-64 or other
// processor. Whether a position reaches
// the floor is unpredictable (about 60 % of eight-position steps hold none),
// so a branch on it costs more than the positions it skips.
#include "CBandPass.h"

// One position a step, from offset `from` on, after `found` offsets already
// gathered: the whole gather without vector instructions, and the vector
// loops' tails. Stores every offset and advances the count by the comparison.
static size_t gather_plain(const int32_t *covered, size_t from, size_t count, int32_t floor, int32_t *out, size_t found) {
  for (size_t i = from; i < count; i++) {
    out[found] = (int32_t)i;
    found += covered[i] >= floor;
  }
  return found;
}

// The same over 64-bit coverages.
static size_t gather_plain64(const long *covered, size_t from, size_t count, long floor, int32_t *out, size_t found) {
  for (size_t i = from; i < count; i++) {
    out[found] = (int32_t)i;
    found += covered[i] >= floor;
  }
  return found;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx512f")))
static size_t gather_avx512(const int32_t *covered, size_t count, int32_t floor, int32_t *out) {
  size_t found = 0;
  size_t i = 0;
  const __m512i limit = _mm512_set1_epi32(floor);
  const __m512i step = _mm512_set1_epi32(16);
  __m512i offsets = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  for (; i + 16 <= count; i += 16) {
    __m512i values = _mm512_loadu_si512((const void *)(covered + i));
    __mmask16 reached = _mm512_cmpge_epi32_mask(values, limit);
    // Packed in a register and stored whole: a compress straight to memory
    // is microcoded and slow on some processors.
    __m512i packed = _mm512_maskz_compress_epi32(reached, offsets);
    _mm512_storeu_si512((void *)(out + found), packed);
    found += (size_t)__builtin_popcount((unsigned)reached);
    offsets = _mm512_add_epi32(offsets, step);
  }
  return gather_plain(covered, i, count, floor, out, found);
}

// Eight 64-bit coverages a step.
__attribute__((target("avx512f")))
static size_t gather_avx512_64(const long *covered, size_t count, long floor, int32_t *out) {
  size_t found = 0;
  size_t i = 0;
  const __m512i limit = _mm512_set1_epi64(floor);
  const __m512i step = _mm512_set1_epi64(8);
  __m512i offsets = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7);
  for (; i + 8 <= count; i += 8) {
    __m512i values = _mm512_loadu_si512((const void *)(covered + i));
    __mmask8 reached = _mm512_cmpge_epi64_mask(values, limit);
    // Packed in a register and stored whole: a compress straight to memory
    // is microcoded and slow on some processors.
    __m512i packed = _mm512_maskz_compress_epi64(reached, offsets);
    _mm256_storeu_si256((__m256i *)(out + found), _mm512_cvtepi64_epi32(packed));
    found += (size_t)__builtin_popcount((unsigned)reached);
    offsets = _mm512_add_epi64(offsets, step);
  }
  return gather_plain64(covered, i, count, floor, out, found);
}

// The lanes of each 8-bit mask, lowest first, as offsets (the rest 0).
static const int32_t packed_lanes8[256][8] = {
  {0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0},
  {2, 0, 0, 0, 0, 0, 0, 0}, {0, 2, 0, 0, 0, 0, 0, 0}, {1, 2, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 0, 0, 0, 0, 0},
  {3, 0, 0, 0, 0, 0, 0, 0}, {0, 3, 0, 0, 0, 0, 0, 0}, {1, 3, 0, 0, 0, 0, 0, 0}, {0, 1, 3, 0, 0, 0, 0, 0},
  {2, 3, 0, 0, 0, 0, 0, 0}, {0, 2, 3, 0, 0, 0, 0, 0}, {1, 2, 3, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 0, 0, 0, 0},
  {4, 0, 0, 0, 0, 0, 0, 0}, {0, 4, 0, 0, 0, 0, 0, 0}, {1, 4, 0, 0, 0, 0, 0, 0}, {0, 1, 4, 0, 0, 0, 0, 0},
  {2, 4, 0, 0, 0, 0, 0, 0}, {0, 2, 4, 0, 0, 0, 0, 0}, {1, 2, 4, 0, 0, 0, 0, 0}, {0, 1, 2, 4, 0, 0, 0, 0},
  {3, 4, 0, 0, 0, 0, 0, 0}, {0, 3, 4, 0, 0, 0, 0, 0}, {1, 3, 4, 0, 0, 0, 0, 0}, {0, 1, 3, 4, 0, 0, 0, 0},
  {2, 3, 4, 0, 0, 0, 0, 0}, {0, 2, 3, 4, 0, 0, 0, 0}, {1, 2, 3, 4, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 0, 0, 0},
  {5, 0, 0, 0, 0, 0, 0, 0}, {0, 5, 0, 0, 0, 0, 0, 0}, {1, 5, 0, 0, 0, 0, 0, 0}, {0, 1, 5, 0, 0, 0, 0, 0},
  {2, 5, 0, 0, 0, 0, 0, 0}, {0, 2, 5, 0, 0, 0, 0, 0}, {1, 2, 5, 0, 0, 0, 0, 0}, {0, 1, 2, 5, 0, 0, 0, 0},
  {3, 5, 0, 0, 0, 0, 0, 0}, {0, 3, 5, 0, 0, 0, 0, 0}, {1, 3, 5, 0, 0, 0, 0, 0}, {0, 1, 3, 5, 0, 0, 0, 0},
  {2, 3, 5, 0, 0, 0, 0, 0}, {0, 2, 3, 5, 0, 0, 0, 0}, {1, 2, 3, 5, 0, 0, 0, 0}, {0, 1, 2, 3, 5, 0, 0, 0},
  {4, 5, 0, 0, 0, 0, 0, 0}, {0, 4, 5, 0, 0, 0, 0, 0}, {1, 4, 5, 0, 0, 0, 0, 0}, {0, 1, 4, 5, 0, 0, 0, 0},
  {2, 4, 5, 0, 0, 0, 0, 0}, {0, 2, 4, 5, 0, 0, 0, 0}, {1, 2, 4, 5, 0, 0, 0, 0}, {0, 1, 2, 4, 5, 0, 0, 0},
  {3, 4, 5, 0, 0, 0, 0, 0}, {0, 3, 4, 5, 0, 0, 0, 0}, {1, 3, 4, 5, 0, 0, 0, 0}, {0, 1, 3, 4, 5, 0, 0, 0},
  {2, 3, 4, 5, 0, 0, 0, 0}, {0, 2, 3, 4, 5, 0, 0, 0}, {1, 2, 3, 4, 5, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 0, 0},
  {6, 0, 0, 0, 0, 0, 0, 0}, {0, 6, 0, 0, 0, 0, 0, 0}, {1, 6, 0, 0, 0, 0, 0, 0}, {0, 1, 6, 0, 0, 0, 0, 0},
  {2, 6, 0, 0, 0, 0, 0, 0}, {0, 2, 6, 0, 0, 0, 0, 0}, {1, 2, 6, 0, 0, 0, 0, 0}, {0, 1, 2, 6, 0, 0, 0, 0},
  {3, 6, 0, 0, 0, 0, 0, 0}, {0, 3, 6, 0, 0, 0, 0, 0}, {1, 3, 6, 0, 0, 0, 0, 0}, {0, 1, 3, 6, 0, 0, 0, 0},
  {2, 3, 6, 0, 0, 0, 0, 0}, {0, 2, 3, 6, 0, 0, 0, 0}, {1, 2, 3, 6, 0, 0, 0, 0}, {0, 1, 2, 3, 6, 0, 0, 0},
  {4, 6, 0, 0, 0, 0, 0, 0}, {0, 4, 6, 0, 0, 0, 0, 0}, {1, 4, 6, 0, 0, 0, 0, 0}, {0, 1, 4, 6, 0, 0, 0, 0},
  {2, 4, 6, 0, 0, 0, 0, 0}, {0, 2, 4, 6, 0, 0, 0, 0}, {1, 2, 4, 6, 0, 0, 0, 0}, {0, 1, 2, 4, 6, 0, 0, 0},
  {3, 4, 6, 0, 0, 0, 0, 0}, {0, 3, 4, 6, 0, 0, 0, 0}, {1, 3, 4, 6, 0, 0, 0, 0}, {0, 1, 3, 4, 6, 0, 0, 0},
  {2, 3, 4, 6, 0, 0, 0, 0}, {0, 2, 3, 4, 6, 0, 0, 0}, {1, 2, 3, 4, 6, 0, 0, 0}, {0, 1, 2, 3, 4, 6, 0, 0},
  {5, 6, 0, 0, 0, 0, 0, 0}, {0, 5, 6, 0, 0, 0, 0, 0}, {1, 5, 6, 0, 0, 0, 0, 0}, {0, 1, 5, 6, 0, 0, 0, 0},
  {2, 5, 6, 0, 0, 0, 0, 0}, {0, 2, 5, 6, 0, 0, 0, 0}, {1, 2, 5, 6, 0, 0, 0, 0}, {0, 1, 2, 5, 6, 0, 0, 0},
  {3, 5, 6, 0, 0, 0, 0, 0}, {0, 3, 5, 6, 0, 0, 0, 0}, {1, 3, 5, 6, 0, 0, 0, 0}, {0, 1, 3, 5, 6, 0, 0, 0},
  {2, 3, 5, 6, 0, 0, 0, 0}, {0, 2, 3, 5, 6, 0, 0, 0}, {1, 2, 3, 5, 6, 0, 0, 0}, {0, 1, 2, 3, 5, 6, 0, 0},
  {4, 5, 6, 0, 0, 0, 0, 0}, {0, 4, 5, 6, 0, 0, 0, 0}, {1, 4, 5, 6, 0, 0, 0, 0}, {0, 1, 4, 5, 6, 0, 0, 0},
  {2, 4, 5, 6, 0, 0, 0, 0}, {0, 2, 4, 5, 6, 0, 0, 0}, {1, 2, 4, 5, 6, 0, 0, 0}, {0, 1, 2, 4, 5, 6, 0, 0},
  {3, 4, 5, 6, 0, 0, 0, 0}, {0, 3, 4, 5, 6, 0, 0, 0}, {1, 3, 4, 5, 6, 0, 0, 0}, {0, 1, 3, 4, 5, 6, 0, 0},
  {2, 3, 4, 5, 6, 0, 0, 0}, {0, 2, 3, 4, 5, 6, 0, 0}, {1, 2, 3, 4, 5, 6, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 0},
  {7, 0, 0, 0, 0, 0, 0, 0}, {0, 7, 0, 0, 0, 0, 0, 0}, {1, 7, 0, 0, 0, 0, 0, 0}, {0, 1, 7, 0, 0, 0, 0, 0},
  {2, 7, 0, 0, 0, 0, 0, 0}, {0, 2, 7, 0, 0, 0, 0, 0}, {1, 2, 7, 0, 0, 0, 0, 0}, {0, 1, 2, 7, 0, 0, 0, 0},
  {3, 7, 0, 0, 0, 0, 0, 0}, {0, 3, 7, 0, 0, 0, 0, 0}, {1, 3, 7, 0, 0, 0, 0, 0}, {0, 1, 3, 7, 0, 0, 0, 0},
  {2, 3, 7, 0, 0, 0, 0, 0}, {0, 2, 3, 7, 0, 0, 0, 0}, {1, 2, 3, 7, 0, 0, 0, 0}, {0, 1, 2, 3, 7, 0, 0, 0},
  {4, 7, 0, 0, 0, 0, 0, 0}, {0, 4, 7, 0, 0, 0, 0, 0}, {1, 4, 7, 0, 0, 0, 0, 0}, {0, 1, 4, 7, 0, 0, 0, 0},
  {2, 4, 7, 0, 0, 0, 0, 0}, {0, 2, 4, 7, 0, 0, 0, 0}, {1, 2, 4, 7, 0, 0, 0, 0}, {0, 1, 2, 4, 7, 0, 0, 0},
  {3, 4, 7, 0, 0, 0, 0, 0}, {0, 3, 4, 7, 0, 0, 0, 0}, {1, 3, 4, 7, 0, 0, 0, 0}, {0, 1, 3, 4, 7, 0, 0, 0},
  {2, 3, 4, 7, 0, 0, 0, 0}, {0, 2, 3, 4, 7, 0, 0, 0}, {1, 2, 3, 4, 7, 0, 0, 0}, {0, 1, 2, 3, 4, 7, 0, 0},
  {5, 7, 0, 0, 0, 0, 0, 0}, {0, 5, 7, 0, 0, 0, 0, 0}, {1, 5, 7, 0, 0, 0, 0, 0}, {0, 1, 5, 7, 0, 0, 0, 0},
  {2, 5, 7, 0, 0, 0, 0, 0}, {0, 2, 5, 7, 0, 0, 0, 0}, {1, 2, 5, 7, 0, 0, 0, 0}, {0, 1, 2, 5, 7, 0, 0, 0},
  {3, 5, 7, 0, 0, 0, 0, 0}, {0, 3, 5, 7, 0, 0, 0, 0}, {1, 3, 5, 7, 0, 0, 0, 0}, {0, 1, 3, 5, 7, 0, 0, 0},
  {2, 3, 5, 7, 0, 0, 0, 0}, {0, 2, 3, 5, 7, 0, 0, 0}, {1, 2, 3, 5, 7, 0, 0, 0}, {0, 1, 2, 3, 5, 7, 0, 0},
  {4, 5, 7, 0, 0, 0, 0, 0}, {0, 4, 5, 7, 0, 0, 0, 0}, {1, 4, 5, 7, 0, 0, 0, 0}, {0, 1, 4, 5, 7, 0, 0, 0},
  {2, 4, 5, 7, 0, 0, 0, 0}, {0, 2, 4, 5, 7, 0, 0, 0}, {1, 2, 4, 5, 7, 0, 0, 0}, {0, 1, 2, 4, 5, 7, 0, 0},
  {3, 4, 5, 7, 0, 0, 0, 0}, {0, 3, 4, 5, 7, 0, 0, 0}, {1, 3, 4, 5, 7, 0, 0, 0}, {0, 1, 3, 4, 5, 7, 0, 0},
  {2, 3, 4, 5, 7, 0, 0, 0}, {0, 2, 3, 4, 5, 7, 0, 0}, {1, 2, 3, 4, 5, 7, 0, 0}, {0, 1, 2, 3, 4, 5, 7, 0},
  {6, 7, 0, 0, 0, 0, 0, 0}, {0, 6, 7, 0, 0, 0, 0, 0}, {1, 6, 7, 0, 0, 0, 0, 0}, {0, 1, 6, 7, 0, 0, 0, 0},
  {2, 6, 7, 0, 0, 0, 0, 0}, {0, 2, 6, 7, 0, 0, 0, 0}, {1, 2, 6, 7, 0, 0, 0, 0}, {0, 1, 2, 6, 7, 0, 0, 0},
  {3, 6, 7, 0, 0, 0, 0, 0}, {0, 3, 6, 7, 0, 0, 0, 0}, {1, 3, 6, 7, 0, 0, 0, 0}, {0, 1, 3, 6, 7, 0, 0, 0},
  {2, 3, 6, 7, 0, 0, 0, 0}, {0, 2, 3, 6, 7, 0, 0, 0}, {1, 2, 3, 6, 7, 0, 0, 0}, {0, 1, 2, 3, 6, 7, 0, 0},
  {4, 6, 7, 0, 0, 0, 0, 0}, {0, 4, 6, 7, 0, 0, 0, 0}, {1, 4, 6, 7, 0, 0, 0, 0}, {0, 1, 4, 6, 7, 0, 0, 0},
  {2, 4, 6, 7, 0, 0, 0, 0}, {0, 2, 4, 6, 7, 0, 0, 0}, {1, 2, 4, 6, 7, 0, 0, 0}, {0, 1, 2, 4, 6, 7, 0, 0},
  {3, 4, 6, 7, 0, 0, 0, 0}, {0, 3, 4, 6, 7, 0, 0, 0}, {1, 3, 4, 6, 7, 0, 0, 0}, {0, 1, 3, 4, 6, 7, 0, 0},
  {2, 3, 4, 6, 7, 0, 0, 0}, {0, 2, 3, 4, 6, 7, 0, 0}, {1, 2, 3, 4, 6, 7, 0, 0}, {0, 1, 2, 3, 4, 6, 7, 0},
  {5, 6, 7, 0, 0, 0, 0, 0}, {0, 5, 6, 7, 0, 0, 0, 0}, {1, 5, 6, 7, 0, 0, 0, 0}, {0, 1, 5, 6, 7, 0, 0, 0},
  {2, 5, 6, 7, 0, 0, 0, 0}, {0, 2, 5, 6, 7, 0, 0, 0}, {1, 2, 5, 6, 7, 0, 0, 0}, {0, 1, 2, 5, 6, 7, 0, 0},
  {3, 5, 6, 7, 0, 0, 0, 0}, {0, 3, 5, 6, 7, 0, 0, 0}, {1, 3, 5, 6, 7, 0, 0, 0}, {0, 1, 3, 5, 6, 7, 0, 0},
  {2, 3, 5, 6, 7, 0, 0, 0}, {0, 2, 3, 5, 6, 7, 0, 0}, {1, 2, 3, 5, 6, 7, 0, 0}, {0, 1, 2, 3, 5, 6, 7, 0},
  {4, 5, 6, 7, 0, 0, 0, 0}, {0, 4, 5, 6, 7, 0, 0, 0}, {1, 4, 5, 6, 7, 0, 0, 0}, {0, 1, 4, 5, 6, 7, 0, 0},
  {2, 4, 5, 6, 7, 0, 0, 0}, {0, 2, 4, 5, 6, 7, 0, 0}, {1, 2, 4, 5, 6, 7, 0, 0}, {0, 1, 2, 4, 5, 6, 7, 0},
  {3, 4, 5, 6, 7, 0, 0, 0}, {0, 3, 4, 5, 6, 7, 0, 0}, {1, 3, 4, 5, 6, 7, 0, 0}, {0, 1, 3, 4, 5, 6, 7, 0},
  {2, 3, 4, 5, 6, 7, 0, 0}, {0, 2, 3, 4, 5, 6, 7, 0}, {1, 2, 3, 4, 5, 6, 7, 0}, {0, 1, 2, 3, 4, 5, 6, 7},
};

// Eight positions a step on AVX2 (most x86-64 processors since 2013 that
// lack AVX-512F): two compares give the lanes under the floor, and a table
// packs the others' offsets, stored eight at a time.
__attribute__((target("avx2,popcnt")))
static size_t gather_avx2(const int32_t *covered, size_t count, int32_t floor, int32_t *out) {
  size_t found = 0;
  size_t i = 0;
  const __m256i limit = _mm256_set1_epi32(floor);
  for (; i + 8 <= count; i += 8) {
    __m256i values = _mm256_loadu_si256((const __m256i *)(covered + i));
    // floor > covered[i] lane by lane: the positions that do not reach it.
    int under = _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(limit, values)));
    int reached = ~under & 255;
    __m256i lanes = _mm256_loadu_si256((const __m256i *)packed_lanes8[reached]);
    _mm256_storeu_si256((__m256i *)(out + found), _mm256_add_epi32(lanes, _mm256_set1_epi32((int32_t)i)));
    found += (size_t)__builtin_popcount((unsigned)reached);
  }
  return gather_plain(covered, i, count, floor, out, found);
}

// Eight 64-bit coverages a step, in two compares.
__attribute__((target("avx2,popcnt")))
static size_t gather_avx2_64(const long *covered, size_t count, long floor, int32_t *out) {
  size_t found = 0;
  size_t i = 0;
  const __m256i limit = _mm256_set1_epi64x(floor);
  for (; i + 8 <= count; i += 8) {
    __m256i low = _mm256_loadu_si256((const __m256i *)(covered + i));
    __m256i high = _mm256_loadu_si256((const __m256i *)(covered + i + 4));
    // floor > covered[i] lane by lane: the positions that do not reach it.
    int under = _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(limit, low)))
      | _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(limit, high))) << 4;
    int reached = ~under & 255;
    __m256i lanes = _mm256_loadu_si256((const __m256i *)packed_lanes8[reached]);
    _mm256_storeu_si256((__m256i *)(out + found), _mm256_add_epi32(lanes, _mm256_set1_epi32((int32_t)i)));
    found += (size_t)__builtin_popcount((unsigned)reached);
  }
  return gather_plain64(covered, i, count, floor, out, found);
}

int mentormatch_band_gather_level(void) {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return 2;
  if (__builtin_cpu_supports("avx2")) return 1;
  return 0;
}

size_t mentormatch_band_gather(const int32_t *covered, size_t count, int32_t floor, int32_t *out, int level) {
  if (level >= 2) return gather_avx512(covered, count, floor, out);
  if (level == 1) return gather_avx2(covered, count, floor, out);
  return gather_plain(covered, 0, count, floor, out, 0);
}

size_t mentormatch_band_gather64(const long *covered, size_t count, long floor, int32_t *out, int level) {
  if (level >= 2) return gather_avx512_64(covered, count, floor, out);
  if (level == 1) return gather_avx2_64(covered, count, floor, out);
  return gather_plain64(covered, 0, count, floor, out, 0);
}
#else
int mentormatch_band_gather_level(void) { return 0; }

size_t mentormatch_band_gather(const int32_t *covered, size_t count, int32_t floor, int32_t *out, int level) {
  (void)level;
  return gather_plain(covered, 0, count, floor, out, 0);
}

size_t mentormatch_band_gather64(const long *covered, size_t count, long floor, int32_t *out, int level) {
  (void)level;
  return gather_plain64(covered, 0, count, floor, out, 0);
}
#endif
