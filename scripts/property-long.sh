#!/usr/bin/env bash
# The fold's property test at length: many more random multi-origin cases than `swift test` runs.
# Usage: scripts/property-long.sh [CASES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export GAIDESK_PROPERTY_CASES="${1:-5000}"
export GAIDESK_PROPERTY_SEED="${2:-$(date +%s)}"
echo "property test: $GAIDESK_PROPERTY_CASES cases from seed $GAIDESK_PROPERTY_SEED"
swift test --filter OriginFoldPropertyTests
