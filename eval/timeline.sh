#!/usr/bin/env bash
# Extracts each gold corpus (../shared/corpus/seeds and ../shared/corpus/mh17) into a
# timeline, scores it against the hand-made gold with ../shared/gold/score_timeline.py, and
# fails when any figure falls below its floor (eval/timeline-floors.txt for the seeds,
# eval/timeline-mh17-floors.txt for MH17).
#
# Usage: eval/timeline.sh [--verbose]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
if [ ! -f "$shared/gold/score_timeline.py" ]; then
  echo "timeline eval: skipped (no ../shared/corpus and ../shared/gold next to the repository)"
  exit 0
fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml

. "$root/eval/build.sh"
bin=$(rashomon_bin)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for set in seeds:timeline-floors.txt mh17:timeline-mh17-floors.txt; do
  name=${set%%:*}
  floors="$root/eval/${set#*:}"
  corpus="$shared/corpus/$name"
  gold="$shared/gold/$name.yaml"
  if [ ! -d "$corpus" ] || [ ! -f "$gold" ]; then
    echo "== $name: skipped (no $corpus or $gold)"
    continue
  fi
  echo "== $name"
  "$bin" extract "$corpus" -o "$tmp/$name.yaml" --quiet 2>"$tmp/stderr" \
    || { cat "$tmp/stderr"; exit 1; }
  "$bin" check "$tmp/$name.yaml" >/dev/null
  python3 "$shared/gold/score_timeline.py" "$tmp/$name.yaml" "$gold" "$corpus" ${1:-}
  python3 "$shared/gold/score_timeline.py" "$tmp/$name.yaml" "$gold" "$corpus" --json \
    > "$tmp/$name.json"
  python3 - "$tmp/$name.json" "$floors" <<'PY' || fail=1
import json, sys
got = json.load(open(sys.argv[1]))
# Grouping and claimants over every gold account, not only the found ones: a ratio over found
# accounts falls when recall rises with harder finds, and would punish the progress it measures.
c = got["counts"]
got["grouped_of_gold"] = c["acc_grouped"] / c["acc_req"]
got["claimant_of_gold"] = c["claim_ok"] / c["acc_req"]
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
done
exit $fail
