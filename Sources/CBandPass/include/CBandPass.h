#ifndef MENTORMATCH_CBANDPASS_H
#define MENTORMATCH_CBANDPASS_H

#include <stddef.h>
#include <stdint.h>

/// What this processor can run mentormatch_band_gather on: 2 with AVX-512F
/// (sixteen positions a step), 1 with AVX2 (eight, by a table), 0 otherwise
/// (one). Asks the processor each time: call it once.
int mentormatch_band_gather_level(void);

/// Writes to `out`, in increasing order, every offset i in [0, count) with
/// covered[i] >= floor (signed), and returns how many. `out` must have room
/// for count + 16 entries (the vector loops store several at a time), and
/// count must fit in an int32_t. `level` is at most what
/// mentormatch_band_gather_level() gave; every level gives the same result.
size_t mentormatch_band_gather(const int32_t *covered, size_t count, int32_t floor, int32_t *out, int level);

/// mentormatch_band_gather over 64-bit coverages (eight a step with
/// AVX-512F or AVX2), for a band whose coverages do not fit 32 bits.
size_t mentormatch_band_gather64(const long *covered, size_t count, long floor, int32_t *out, int level);

#endif
