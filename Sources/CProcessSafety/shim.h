#ifndef GAIDESK_CPROCESSSAFETY_SHIM_H
#define GAIDESK_CPROCESSSAFETY_SHIM_H
// Process hardening calls Swift cannot make: prctl(2) is variadic.
#include <sys/prctl.h>
#include <sys/resource.h>

/// Forbids core dumps of this process (RLIMIT_CORE 0, not dumpable); 0 on success, else -1.
static inline int gd_disable_core_dumps(void) {
  struct rlimit none = {0, 0};
  int limit = setrlimit(RLIMIT_CORE, &none);
  int dumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  return (limit == 0 && dumpable == 0) ? 0 : -1;
}
#endif
