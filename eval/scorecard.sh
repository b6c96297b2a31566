#!/usr/bin/env bash
# The whole extraction scorecard in one table: every gold set (the seeds and MH17 in
# ../shared/gold, and the five stories of tests/fixtures/stories), each figure of
# ../shared/gold/score_timeline.py, then dated events on general news
# (../shared/eval/events, --max-span 40). A change's effect is seen everywhere at once.
#
# Usage: eval/scorecard.sh [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
. "$root/eval/build.sh"
bin=$(rashomon_bin "${1:-}")
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sets=()
[ -d "$shared/corpus/seeds" ] && sets+=("seeds|$shared/corpus/seeds|$shared/gold/seeds.yaml")
[ -d "$shared/corpus/mh17" ] && sets+=("mh17|$shared/corpus/mh17|$shared/gold/mh17.yaml")
for g in "$root"/tests/fixtures/stories/*.yaml; do
  k=$(basename "$g" .yaml)
  sets+=("$k|$root/tests/fixtures/stories/$k|$g")
done

printf '%-18s %7s %7s %7s %7s %7s %7s %7s\n' set events prec dates accts grouped claim disput
: > "$tmp/rows"
for s in "${sets[@]}"; do
  IFS='|' read -r name corpus gold <<<"$s"
  if ! "$bin" extract "$corpus" -o "$tmp/$name.yaml" --quiet 2>"$tmp/$name.err"; then
    echo "$name: extract failed"; cat "$tmp/$name.err"; continue
  fi
  python3 "$shared/gold/score_timeline.py" "$tmp/$name.yaml" "$gold" "$corpus" --json \
    | python3 -c '
import json, sys
r = json.load(sys.stdin)
keys = ["event_recall", "event_precision", "date_accuracy", "account_recall",
        "account_grouping", "claimant_accuracy", "dispute_recall"]
print("%-18s " % sys.argv[1] + " ".join("%7.2f" % r[k] for k in keys))' "$name" | tee -a "$tmp/rows"
done
awk '{for (i = 2; i <= NF; i++) s[i] += $i; n++} END {printf "%-18s", "mean"; for (i = 2; i <= 8; i++) printf " %7.2f", s[i] / n; print ""}' "$tmp/rows"
echo "goal on every set:     0.85    0.75    0.85    0.90    0.80    0.85    0.70"

if [ -f "$shared/eval/events/dev.jsonl" ]; then
  "$bin" mentions --jsonl < "$shared/eval/events/dev.jsonl" > "$tmp/events.jsonl"
  python3 "$shared/eval/events/score.py" "$tmp/events.jsonl" "$shared/eval/events/dev.jsonl" \
    --max-span 40 --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("dated events (general news, --max-span 40): recall %.2f  precision %.2f  F1 %.2f  (goal F1 50)"
      % (100 * r["recall"], 100 * r["dated_precision"], 100 * r["f1"]))'
fi
