#!/usr/bin/env bash
# Run the fuzz targets: each for SECONDS (default 7), one job, seeded from the repository's
# own fixtures. Needs a nightly toolchain and cargo-fuzz; says so and does nothing without.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
#   FUZZ_FLAGS: more libFuzzer flags, e.g. "-fork=1 -ignore_crashes=1" for long runs that
#   collect every crash in fuzz/artifacts/ instead of stopping at the first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
seconds=${1:-7}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(timeline_load check ingest_text ingest_html dates syntax extract merge)
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzzing skipped: no nightly toolchain (rustup toolchain install nightly --profile minimal)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzzing skipped: cargo-fuzz is not installed (cargo install cargo-fuzz)"
  exit 0
fi

# Seeds: the repository's own fixtures (never ../shared), copied once per target.
seed() {
  local target=$1 dir="$here/corpus/$1"
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return
  local f
  case $target in
    timeline_load | check)
      for f in "$root"/timelines/*.yaml "$root"/tests/fixtures/check/*.yaml \
        "$root"/tests/fixtures/merge/*.yaml "$root"/tests/fixtures/render/*.yaml; do
        [ -f "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
      done ;;
    merge)
      local m="$root/tests/fixtures/merge"
      for pair in "timeline.yaml candidate.yaml" "hand_made.yaml hand_candidate.yaml" \
        "anchored.yaml candidate.yaml" "flow_event.yaml candidate.yaml" "odd.yaml candidate.yaml"; do
        set -- $pair
        { cat "$m/$1"; printf '\n===\n'; cat "$m/$2"; } > "$dir/${1%.yaml}+${2%.yaml}"
      done ;;
    ingest_html)
      for f in "$root"/tests/fixtures/ingest/*.html "$root"/tests/fixtures/stories/*/*.html; do
        [ -f "$f" ] && cp "$f" "$dir/"
      done ;;
    ingest_text | extract | syntax)
      for f in "$root"/tests/fixtures/ingest/*.txt "$root"/tests/fixtures/ingest/*.md \
        "$root"/tests/fixtures/attribution/*.md "$root"/tests/fixtures/market/*; do
        [ -f "$f" ] && head -c 8192 "$f" > "$dir/$(basename "$f")"
      done ;;
    dates)
      for f in "$root"/tests/fixtures/dates/*.txt; do
        # Two bytes choose the document date (see fuzz/src/lib.rs).
        { printf '\x74\x05'; head -c 8192 "$f"; } > "$dir/$(basename "$f")"
      done ;;
  esac
}

cd "$here"
for t in "${targets[@]}"; do
  seed "$t"
  dict=()
  [ -f "$here/dict/$t.dict" ] && dict=("-dict=$here/dict/$t.dict")
  echo "== fuzz $t for ${seconds}s"
  # The full output goes to a log; the summary lines are shown. A run that fails without
  # leaving an artifact (a build error, a flag or dictionary libFuzzer refuses) fails too:
  # it would otherwise pass having fuzzed nothing.
  log="${TMPDIR:-/tmp}/rashomon-fuzz-$t.log"
  set +e
  # shellcheck disable=SC2086
  cargo +nightly fuzz run "$t" -O --debug-assertions -s none "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    "${dict[@]}" ${FUZZ_FLAGS:-} >"$log" 2>&1
  status=$?
  set -e
  grep -E "^(#[0-9]+ +DONE|==[0-9]+== ERROR|SUMMARY|Done |INFO: fuzzed for)|panicked|artifact_prefix|Test unit written" "$log" || true
  if ! grep -qE "^Done [0-9]+ runs|INFO: fuzzed for|Test unit written" "$log"; then
    echo "fuzz $t: did not run (cargo fuzz exited $status); the end of $log:"
    tail -n 15 "$log"
    failed=1
  fi
  if compgen -G "$here/artifacts/$t/crash-*" >/dev/null || compgen -G "$here/artifacts/$t/timeout-*" >/dev/null ||
    compgen -G "$here/artifacts/$t/oom-*" >/dev/null; then
    echo "fuzz $t: found problems, see fuzz/artifacts/$t/"
    failed=1
  fi
done
exit ${failed:-0}
