#!/usr/bin/env bash
# The engines at scale (issue 10, point 5): the same generated ledger of ROWS rows (with its
# budget and hr files) imported into each store, SQLite, PostgreSQL and ClickHouse (two shards),
# and the cube of the year read back, timed. A tool, not a test: times are printed, never asserted.
#
#   tests/bench/run_engines.sh [ROWS] [DATA]      (default 10000000 rows, data in /tmp/namnd-bench)
#
# Uses the servers in NAMND_TEST_POSTGRESQL / NAMND_TEST_CLICKHOUSE when set; otherwise run it as
#   scripts/db-servers.sh run tests/bench/run_engines.sh 10000000
# For each engine, in a new scope of the server (a new file for SQLite):
#   import   `namnd import`: read, check and hash the files, build the cube, store it
#            (wall seconds and peak RSS from /usr/bin/time; the store's own share is the
#            difference to SQLite's import, which writes a few blocks)
#   kub      `namnd_bench_store --las`: open the store and loadCube of the year (the GROUP BY
#            over every stored cell of the scope's year on the server), median of 3
# and checks that every engine's cube has the same cells and Σ öre (the bench prints both).
set -euo pipefail
cd "$(dirname "$0")/../.."

rows="${1:-10000000}"
data="${2:-${TMPDIR:-/tmp}/namnd-bench}"
build="${NAMND_BUILD:-build}"
cmake --build "$build" --target namnd namnd_bench_ingest namnd_bench_store >&2
namnd="$build/namnd"

"$build/tests/bench/namnd_bench_ingest" --rader "$rows" --ut "$data" --format csv --bara-generera \
  --korning --mallar templates >/dev/null
run="$data/korning-$rows"
stamp="$(date +%Y%m%d%H%M%S)-$$"

engines=("sqlite:$run/lager-engines-$stamp.sqlite")
[ -n "${NAMND_TEST_POSTGRESQL:-}" ] && engines+=("$NAMND_TEST_POSTGRESQL")
[ -n "${NAMND_TEST_CLICKHOUSE:-}" ] && engines+=("$NAMND_TEST_CLICKHOUSE")
[ ${#engines[@]} -eq 1 ] && echo "Inga servrar (NAMND_TEST_POSTGRESQL, NAMND_TEST_CLICKHOUSE): bara SQLite mäts." >&2

printf '%-11s %10s %9s %12s %12s %s\n' motor "import s" "RSS MB" "kub s" "celler" "Σ öre"
for uri in "${engines[@]}"; do
  engine="${uri%%:*}"
  config="$run/namnd-$engine-$stamp.json"
  python3 - "$run/namnd.json" "$config" "$uri" "bench-$stamp" <<'EOF'
import json, sys
config = json.load(open(sys.argv[1]))
config["lager"] = sys.argv[3]
config["lagerdel"] = sys.argv[4]
json.dump(config, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
EOF
  "$namnd" db init --config "$config" >/dev/null
  /usr/bin/time -f '%e %M' -o "$run/time-$engine" "$namnd" import --config "$config" >/dev/null
  read -r seconds rss <"$run/time-$engine"
  line="$("$build/tests/bench/namnd_bench_store" --las "$uri" --lagerdel "bench-$stamp" --ar 2025 \
    --upprepningar 3)"
  read -r cubeSeconds cells ore <<<"$line"
  printf '%-11s %10s %9s %12s %12s %s\n' "$engine" "$seconds" "$((rss / 1024))" "$cubeSeconds" \
    "$cells" "$ore"
  rm -f "$config" "$run/time-$engine"
done
rm -f "$run"/lager-engines-"$stamp".sqlite*
