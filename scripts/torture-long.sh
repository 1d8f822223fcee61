#!/bin/sh
# The long torture run (RELIABILITY.md): 5,000 SIGKILLs, 1,000 bit flips, 100,000 fuzz inputs per decoder.
# Usage: scripts/torture-long.sh [extra swift test arguments]
# Counts can be overridden one by one: TORTURE_KILLS, TORTURE_FLIPS, TORTURE_FUZZ, TORTURE_FUZZ_SLOTS,
# TORTURE_SNAPSHOTS; replay a failure with the printed TORTURE_SEED.
set -eu
cd "$(dirname "$0")/.."
swift build --scratch-path .build-bench --product gaidesk-bench
TORTURE_LONG=1 swift test --scratch-path .build-bench --filter JournalTortureTests "$@" 2>&1 | tee .build-bench/torture-long.log
grep '\[torture\]' .build-bench/torture-long.log
