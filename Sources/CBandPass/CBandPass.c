// The candidate search's band pass, gathering the positions whose skill
// coverage reaches the floor: eight positions per step with AVX-512F (one
// compare into a mask, the mask's offsets packed and stored, no branch per
// position), chosen at run time so that the binary still runs on any x86-64
// or other processor. Whether a position reaches the floor is unpredictable
// (about 60 % of eight-position steps hold none), so a branch on it costs
// more than the positions it skips.
#include "CBandPass.h"

static size_t gather_plain(const long *covered, size_t count, long floor, int32_t *out) {
  size_t found = 0;
  for (size_t i = 0; i < count; i++) {
    out[found] = (int32_t)i;
    found += covered[i] >= floor;
  }
  return found;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx512f")))
static size_t gather_avx512(const long *covered, size_t count, long floor, int32_t *out) {
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
  for (; i < count; i++) {
    out[found] = (int32_t)i;
    found += covered[i] >= floor;
  }
  return found;
}

int mentormatch_band_gather_vectorisable(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") ? 1 : 0;
}

size_t mentormatch_band_gather(const long *covered, size_t count, long floor, int32_t *out, int vectorised) {
  return vectorised ? gather_avx512(covered, count, floor, out) : gather_plain(covered, count, floor, out);
}
#else
int mentormatch_band_gather_vectorisable(void) { return 0; }

size_t mentormatch_band_gather(const long *covered, size_t count, long floor, int32_t *out, int vectorised) {
  (void)vectorised;
  return gather_plain(covered, count, floor, out);
}
#endif
