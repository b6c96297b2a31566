#!/usr/bin/env bash
# Lost updates: N trials (default 100) of two `extract --into` runs started together on one
# timeline, each adding a different article. A trial loses an update when the file ends up
# without both articles' sources. Prints the count; exits 1 if any trial lost one.
#
# Usage: scripts/reliability/concurrent-into.sh [TRIALS]   (RASHOMON_BIN: the binary to try;
# by default the release build, built first)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
trials=${1:-100}
if [ -n "${RASHOMON_BIN:-}" ]; then
  bin=$RASHOMON_BIN
else
  . "$root/eval/build.sh"
  bin=$(rashomon_bin)
fi
a="$root/tests/fixtures/market/daily.txt"
b="$root/tests/fixtures/market/wire.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lost=0
failed=0
for i in $(seq 1 "$trials"); do
  t="$tmp/t$i.yaml"
  printf 'title: Markets\n' > "$t"
  "$bin" extract "$a" --into "$t" >/dev/null 2>"$tmp/a.err" & pa=$!
  "$bin" extract "$b" --into "$t" >/dev/null 2>"$tmp/b.err" & pb=$!
  ca=0; cb=0
  wait $pa || ca=$?
  wait $pb || cb=$?
  if [ $ca -ne 0 ] || [ $cb -ne 0 ]; then
    failed=$((failed + 1))
    cat "$tmp/a.err" "$tmp/b.err" >&2
  fi
  if ! { grep -q '^  - id: daily$' "$t" && grep -q '^  - id: wire$' "$t"; }; then
    lost=$((lost + 1))
  fi
done
echo "$trials trials of two concurrent extract --into: $lost lost an update, $failed had a run fail"
[ "$lost" -eq 0 ] && [ "$failed" -eq 0 ]
