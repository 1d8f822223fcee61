#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer) of the segment scanner, event and state decoders, key slots and the
# sealed cache: the core's sources and Fuzz/ compiled with -sanitize=fuzzer, the dependencies' objects taken
# from the debug build. Usage: scripts/fuzz.sh [SECONDS] (default 600; CI runs 60). New inputs that add
# coverage go to .build/fuzz/corpus; the checked-in seeds stay in Fuzz/corpus. A crash leaves crash-* files.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}

swift build --product gaidesk >/dev/null
bin=$(swift build --show-bin-path)
out=.build/fuzz
mkdir -p "$out/corpus"
crypto=.build/checkouts/swift-crypto/Sources
objects=()
for module in GAIDeskResources TextWidth CCRC32C Crypto _CryptoExtras CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper \
  SwiftASN1; do
  while IFS= read -r file; do objects+=("$file"); done < <(find "$bin/$module.build" -name '*.o')
done
mapfile -t sources < <(find Sources/GAIDesk Fuzz -name '*.swift' | sort)
if [ ! -x "$out/gaidesk-fuzz" ] || [ -n "$(find "${sources[@]}" -newer "$out/gaidesk-fuzz" | head -1)" ]; then
  echo "fuzz: compiling ${#sources[@]} sources with -sanitize=fuzzer…" >&2
  swiftc -sanitize=fuzzer -parse-as-library -O -module-name GAIDeskFuzz -swift-version 6 \
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility -DSWIFT_PACKAGE \
    -I "$bin/Modules" \
    -Xcc -fmodule-map-file="$crypto/CCryptoBoringSSLShims/include/module.modulemap" \
    -Xcc -I -Xcc "$crypto/CCryptoBoringSSLShims/include" \
    -Xcc -fmodule-map-file="$crypto/CCryptoBoringSSL/include/module.modulemap" \
    -Xcc -I -Xcc "$crypto/CCryptoBoringSSL/include" \
    -Xcc -fmodule-map-file=Sources/COpenSSLCrypto/module.modulemap -Xcc -I -Xcc Sources/COpenSSLCrypto -lcrypto \
    -Xcc -fmodule-map-file=Sources/CCRC32C/include/module.modulemap -Xcc -I -Xcc Sources/CCRC32C/include \
    "${sources[@]}" "${objects[@]}" -o "$out/gaidesk-fuzz"
fi
SWIFT_BACKTRACE=enable=no "$out/gaidesk-fuzz" -artifact_prefix="$out/" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$out/corpus" Fuzz/corpus 2>&1 | tee "$out/last-run.log" | grep -E '^#|Done|stat::|ERROR|SUMMARY' || true
grep -q 'Done [0-9]* runs' "$out/last-run.log"
