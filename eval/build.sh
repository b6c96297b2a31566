# Sourced by the evaluation scripts: `rashomon_bin` builds the release binary and prints its
# path as cargo reports it, so that CARGO_TARGET_DIR is honoured and a stale binary in
# target/ is never the one scored. With `--no-build`, the path without building.
rashomon_bin() {
  local manifest="$root/Cargo.toml"
  if [ "${1:-}" = "--no-build" ]; then
    cargo metadata --format-version 1 --no-deps --manifest-path "$manifest" |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"] + "/release/rashomon")'
    return
  fi
  cargo build --release --quiet --manifest-path "$manifest" --bin rashomon --message-format=json |
    python3 -c '
import json, sys
path = None
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "rashomon":
        path = m["executable"]
if path is None:
    sys.exit("rashomon_bin: cargo built no rashomon binary")
print(path)'
}
