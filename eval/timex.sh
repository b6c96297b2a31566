#!/usr/bin/env bash
# TempEval-3 style evaluation of the temporal tagger on ../shared/eval/timex/dev.jsonl.
#
# Prints the scorer's figures for the whole set and for its two halves (documents split
# by crc32(id) % 2: half A is the one rules were developed on, half B was looked at
# only to check), then fails when value F1 or relaxed F1 on the whole set falls below
# the floors in eval/timex-floors.txt.
#
# Usage: eval/timex.sh [--errors N]     (N value mistakes listed, from half A)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/eval/timex"
if [ ! -f "$data/dev.jsonl" ] || [ ! -f "$data/score.py" ]; then
  echo "timex eval: skipped (no ../shared/eval/timex next to the repository)"
  exit 0
fi
errors=0
if [ "${1:-}" = "--errors" ]; then errors=${2:-20}; fi

. "$root/eval/build.sh"
bin=$(rashomon_bin)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" dates --jsonl < "$data/dev.jsonl" > "$tmp/pred.jsonl"

# The halves: gold subsets kept outside the repository, in the temporary folder.
python3 - "$data/dev.jsonl" "$tmp" <<'PY'
import json, sys, zlib
src, out = sys.argv[1], sys.argv[2]
halves = {0: open(out + "/gold-A.jsonl", "w"), 1: open(out + "/gold-B.jsonl", "w")}
for line in open(src, encoding="utf-8"):
    if line.strip():
        d = json.loads(line)
        halves[zlib.crc32(d["id"].encode()) % 2].write(line)
PY

score() { python3 "$data/score.py" "$tmp/pred.jsonl" "$1" "${@:2}" 2>/dev/null; }
score "$data/dev.jsonl" | tee "$tmp/all.txt" | sed 's/^== .* docs,/== all: &/; s/^== all: == [^:]*:/== all:/'
echo "-- half A (development)"
score "$tmp/gold-A.jsonl" --errors "$errors" | sed '1d'
echo "-- half B (check)"
score "$tmp/gold-B.jsonl" | sed '1d'

value=$(awk '/^  value /{print $NF}' "$tmp/all.txt")
relaxed=$(awk '/^  relaxed  P/{print $NF}' "$tmp/all.txt")
read -r floor_value floor_relaxed < <(awk '!/^#/ && NF {print $1, $2}' "$root/eval/timex-floors.txt")
echo "value F1 $value (floor $floor_value), relaxed F1 $relaxed (floor $floor_relaxed)"
fail=0
awk -v a="$value" -v b="$floor_value" 'BEGIN{exit !(a+0 < b+0)}' && { echo "FAIL: value F1 below its floor"; fail=1; }
awk -v a="$relaxed" -v b="$floor_relaxed" 'BEGIN{exit !(a+0 < b+0)}' && { echo "FAIL: relaxed F1 below its floor"; fail=1; }
exit $fail
