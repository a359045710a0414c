#!/usr/bin/env bash
# make test-valgrind: the example kommun's whole run (as make report: every report and the gallery)
# under valgrind memcheck, from an empty
# store in a temp copy of the repository's data and templates (nothing in output/ is touched).
# Fails on any memcheck error or definite leak. Usage: scripts/valgrind-example.sh <namnd binary>
set -euo pipefail
binary=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
# make test-valgrind installs it first; run directly without it, this is an error, not a pass.
if ! command -v valgrind >/dev/null; then
  echo "valgrind saknas: kör make test-valgrind (som installerar det) eller apt-get install valgrind" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
cp -r "$repo/data/exempel" "$repo/data/kommunbas" "$work/data/"
cp -r "$repo/templates" "$work/"
rm -rf "$work/data/exempel/genererat"
config="$work/data/exempel/namnd.json"

run() {
  echo "valgrind: namnd $*"
  valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    "$binary" "$@" >"$work/last.log" 2>&1 || {
    cat "$work/last.log" >&2
    echo "valgrind hittade fel i: namnd $*" >&2
    exit 1
  }
}

run exempeldata --ut "$work/data/exempel/genererat"
run prognosunderlag --config "$config" --period 202510
run manadsrapport --config "$config" --period 202510
run delarsrapport --config "$config" --per 2025-08-31
run avvikelser --config "$config" --period 2025H1
run kontroll --config "$config" --period 202510
run nyckeltal --config "$config" --period 202412,202510 --format xlsx,html,csv
run galleri --config "$config"
# namnd kor for one nämnd runs in this process (the config's "rapporter"). A job's runs go to child
# processes started from /proc/self/exe, which under valgrind is valgrind itself, so `kor --jobb`
# is left to the tests (the batch acceptance test runs under ASan in make test-asan).
run kor --config "$config" --period 202510
echo "valgrind: inga fel och inga läckor i exempelkommunens körning"
