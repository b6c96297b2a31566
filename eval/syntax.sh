#!/usr/bin/env bash
# Parses UD English-EWT test with the shipped model, on gold words, and scores it with
# ../shared/ud/score.py; fails when UPOS, UAS or LAS falls below its floor in
# eval/syntax-floors.txt. The model is tuned on dev only: test is for this gate.
#
# Usage: eval/syntax.sh [dev|test]      (default test)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ud="$root/../shared/ud"
part=${1:-test}
if [ ! -f "$ud/en_ewt-ud-$part.conllu" ] || [ ! -f "$ud/score.py" ]; then
  echo "syntax eval: skipped (no ../shared/ud next to the repository)"
  exit 0
fi
. "$root/eval/build.sh"
bin=$(rashomon_bin)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" parse --conllu < "$ud/en_ewt-ud-$part.conllu" > "$tmp/pred.conllu"
python3 "$ud/score.py" "$tmp/pred.conllu" "$ud/en_ewt-ud-$part.conllu" | tee "$tmp/score.txt"
if [ "$part" != test ]; then exit 0; fi
get() { awk -v k="$1" '$1 == k {gsub("%", "", $2); print $2}' "$tmp/score.txt"; }
read -r f_upos f_uas f_las < <(awk '!/^#/ && NF {print $1, $2, $3}' "$root/eval/syntax-floors.txt")
fail=0
for pair in "UPOS $f_upos" "UAS $f_uas" "LAS $f_las"; do
  set -- $pair
  got=$(get "$1")
  echo "$1 $got (floor $2)"
  awk -v a="$got" -v b="$2" 'BEGIN{exit !(a == "" || a+0 < b+0)}' && { echo "FAIL: $1 below its floor"; fail=1; }
done
exit $fail
