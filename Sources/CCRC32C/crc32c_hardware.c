// CRC-32C with the CPU's own instruction where there is one; the Swift side keeps the table fallback.
#include "crc32c_hardware.h"

#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int gaidesk_crc32c_hardware_available(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse4.2") ? 1 : 0;
}

__attribute__((target("sse4.2"))) uint32_t gaidesk_crc32c_hardware(uint32_t crc, const void *bytes,
                                                                     size_t count) {
  const uint8_t *next = bytes;
  uint64_t wide = crc;
  while (count >= 8) {
    uint64_t word;
    memcpy(&word, next, 8);
    wide = _mm_crc32_u64(wide, word);
    next += 8;
    count -= 8;
  }
  uint32_t narrow = (uint32_t)wide;
  while (count > 0) {
    narrow = _mm_crc32_u8(narrow, *next);
    next += 1;
    count -= 1;
  }
  return narrow;
}

#else

int gaidesk_crc32c_hardware_available(void) { return 0; }

uint32_t gaidesk_crc32c_hardware(uint32_t crc, const void *bytes, size_t count) {
  (void)bytes;
  (void)count;
  return crc;
}

#endif
