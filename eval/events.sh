#!/usr/bin/env bash
# Dated events on general news: `rashomon mentions --jsonl` over ../shared/eval/events/dev.jsonl
# (TimeBank/AQUAINT documents, each event word linked to the date it happened), scored by
# ../shared/eval/events/score.py --max-span 40. Fails when F1 falls below the floor in
# eval/events-floors.txt.
#
# Usage: eval/events.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/eval/events"
if [ ! -f "$data/dev.jsonl" ] || [ ! -f "$data/score.py" ]; then
  echo "events eval: skipped (no ../shared/eval/events next to the repository)"
  exit 0
fi
. "$root/eval/build.sh"
bin=$(rashomon_bin)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" mentions --jsonl < "$data/dev.jsonl" > "$tmp/pred.jsonl"
python3 "$data/score.py" "$tmp/pred.jsonl" "$data/dev.jsonl" --max-span 40 --json > "$tmp/score.json"
python3 - "$tmp/score.json" "$root/eval/events-floors.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
floor = next(float(l.split()[0]) for l in open(sys.argv[2]) if l.strip() and not l.startswith("#"))
f1 = 100 * r["f1"]
print("dated events: recall %.1f  dated precision %.1f  F1 %.1f  (floor %.1f)"
      % (100 * r["recall"], 100 * r["dated_precision"], f1, floor))
if f1 + 1e-9 < floor:
    print("FAIL: dated-event F1 below its floor")
    sys.exit(1)
PY
