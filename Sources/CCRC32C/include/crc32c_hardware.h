#ifndef GAIDESK_CRC32C_HARDWARE_H
#define GAIDESK_CRC32C_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has a CRC-32C instruction GAIDesk uses (x86-64 SSE 4.2), checked at run time.
int gaidesk_crc32c_hardware_available(void);

/// Continues the CRC-32C register `crc` over `count` bytes with the CPU's instruction (no initial or final
/// inversion). Only to be called when gaidesk_crc32c_hardware_available() returned 1.
uint32_t gaidesk_crc32c_hardware(uint32_t crc, const void *bytes, size_t count);

#endif
