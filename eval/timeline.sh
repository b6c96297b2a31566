#!/usr/bin/env bash
# Extracts the seed corpus (../shared/corpus/seeds) into a timeline, scores it against the
# hand-made gold with ../shared/gold/score_timeline.py, and fails when any figure falls
# below its floor in eval/timeline-floors.txt.
#
# Usage: eval/timeline.sh [--verbose]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
if [ ! -d "$shared/corpus/seeds" ] || [ ! -f "$shared/gold/score_timeline.py" ]; then
  echo "timeline eval: skipped (no ../shared/corpus and ../shared/gold next to the repository)"
  exit 0
fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml

. "$root/eval/build.sh"
bin=$(rashomon_bin)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract "$shared/corpus/seeds" -o "$tmp/seeds.yaml" --quiet 2>"$tmp/stderr" \
  || { cat "$tmp/stderr"; exit 1; }
"$bin" check "$tmp/seeds.yaml" >/dev/null
python3 "$shared/gold/score_timeline.py" "$tmp/seeds.yaml" "$shared/gold/seeds.yaml" "$shared/corpus/seeds" ${1:-} \
  | tee "$tmp/score.txt"
python3 "$shared/gold/score_timeline.py" "$tmp/seeds.yaml" "$shared/gold/seeds.yaml" "$shared/corpus/seeds" --json \
  > "$tmp/score.json"

python3 - "$tmp/score.json" "$root/eval/timeline-floors.txt" <<'PY'
import json, sys
got = json.load(open(sys.argv[1]))
fail = False
for line in open(sys.argv[2]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, floor = line.split()
    value = got[name]
    ok = value + 1e-9 >= float(floor)
    print(f"{name:20} {value:.2f}  (floor {float(floor):.2f}){'' if ok else '  FAIL'}")
    fail |= not ok
sys.exit(1 if fail else 0)
PY
