#ifndef MENTORMATCH_CBANDPASS_H
#define MENTORMATCH_CBANDPASS_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the 512-bit vector instructions (AVX-512F)
/// that mentormatch_band_gather can use, else 0. Asks the processor each
/// time: call it once.
int mentormatch_band_gather_vectorisable(void);

/// Writes to `out`, in increasing order, every offset i in [0, count) with
/// covered[i] >= floor (signed), and returns how many. `out` must have room
/// for count + 8 entries (the vector loop stores eight at a time), and
/// count must fit in an int32_t. With
/// `vectorised` (only where mentormatch_band_gather_vectorisable() is 1),
/// eight positions a step on AVX-512F; else a plain loop. Same result.
size_t mentormatch_band_gather(const long *covered, size_t count, long floor, int32_t *out, int vectorised);

#endif
