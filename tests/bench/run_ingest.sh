#!/usr/bin/env bash
# The ingest benchmark, start to finish: builds namnd_bench_ingest in Release, generates a
# huvudbok of N rows (default 1 000 000) as CSV, XLSX and SIE, times each format in a process of
# its own (under /usr/bin/time -v when it is installed, apt package `time`) and prints one table.
# Then the CSV's peak memory at 100 000 and at N rows: it should stay flat up to the cube.
#
#   tests/bench/run_ingest.sh [N]
#
# Environment: NAMND_BENCH_BUILD (build dir, default build-bench), NAMND_BENCH_DATA (generated
# files, default <build>/bench-data), NAMND_BENCH_REPS (repetitions per format, default 3).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-1000000}
build=${NAMND_BENCH_BUILD:-$repo/build-bench}
data=${NAMND_BENCH_DATA:-$build/bench-data}
reps=${NAMND_BENCH_REPS:-3}
small=100000

case $rows in '' | *[!0-9]*) echo "run_ingest.sh: N ska vara ett heltal, inte \"$rows\"" >&2; exit 2 ;; esac

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
if [ "$build_type" != Release ]; then
  echo "run_ingest.sh: $build är byggd som \"$build_type\"; mät bara Release" >&2
  exit 1
fi
if ! cmake --build "$build" --target namnd_bench_ingest; then
  echo "run_ingest.sh: bygget misslyckades (saknas add_subdirectory(tests/bench) i CMakeLists.txt?)" >&2
  exit 1
fi
bench=$build/tests/bench/namnd_bench_ingest

# Generate first, in a process of its own, so that no measured process pays for it.
"$bench" --rader "$rows" --ut "$data" --bara-generera
"$bench" --rader "$small" --ut "$data" --format csv --bara-generera

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timing=$work/timing.tsv
memory=$work/memory.tsv
: >"$timing"
: >"$memory"
failed=0
if [ -x /usr/bin/time ]; then timer=/usr/bin/time; else timer=""; fi

# run FORMAT ROWS REPS TSV → the process's output in $work/FORMAT-ROWS-REPS.out and its maximum
# RSS in kB by /usr/bin/time -v (or "-") in $work/FORMAT-ROWS-REPS.rss.
run() {
  local name=$work/$1-$2-$3
  local args=(--rader "$2" --ut "$data" --format "$1" --upprepningar "$3" --tsv "$4")
  echo "Mäter $1, $2 rader, $3 upprepning(ar) …" >&2
  if [ -n "$timer" ]; then
    "$timer" -v -o "$name.time" "$bench" "${args[@]}" >"$name.out" 2>/dev/null || failed=1
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$name.time" >"$name.rss"
  else
    "$bench" "${args[@]}" >"$name.out" 2>/dev/null || failed=1
    echo - >"$name.rss"
  fi
  if grep -q "MISSLYCKADES\|FEL:" "$name.out"; then
    failed=1
    cat "$name.out" >&2
  fi
}

for format in csv xlsx sie; do run "$format" "$rows" "$reps" "$timing"; done
run csv "$small" 1 "$memory"
run csv "$rows" 1 "$memory"

rss() { cat "$work/$1-$2-$3.rss" 2>/dev/null || echo -; }

# Swedish figures: decimal comma, space between thousands.
awk_lib='
function sv(x, d,   s) { s = sprintf("%." d "f", x); sub(/\./, ",", s); return s }
function grp(n,   s, r) { s = sprintf("%.0f", n); r = ""
  while (length(s) > 3) { r = " " substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
  return s r }
function mb(kb) { return kb == "-" ? "-" : sv(kb / 1024, 1) }
'

echo
echo "Inläsning av huvudbok, $(awk "$awk_lib BEGIN { print grp($rows) }") rader, median av $reps" \
  "upprepningar, varje format i en egen process ($(nproc) kärnor, belastning" \
  "$(cut -d' ' -f1-3 /proc/loadavg)):"
echo
{
  printf 'format\tfil MB\trader\tmedian s\tmin s\tmax s\trader/s\tMB/s\tVmHWM MB\ttime -v MB\tkubceller\tΣ öre\n'
  while IFS=$'\t' read -r format n bytes med lo hi hwm _ cells ore _; do
    awk -v f="$format" -v n="$n" -v b="$bytes" -v med="$med" -v lo="$lo" -v hi="$hi" \
      -v hwm="$hwm" -v tv="$(rss "$format" "$n" "$reps")" -v cells="$cells" -v ore="$ore" \
      "$awk_lib"'BEGIN {
        printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f, sv(b / 1e6, 1), grp(n),
          sv(med, 3), sv(lo, 3), sv(hi, 3), grp(n / med), sv(b / 1e6 / med, 1), mb(hwm), mb(tv),
          grp(cells), grp(ore) }'
  done <"$timing"
} | column -t -s $'\t' -R 2,3,4,5,6,7,8,9,10,11,12
echo
grep -h "^Golv för CSV" "$work/csv-$rows-$reps.out" || true
sha=$(for format in csv xlsx sie; do
  sed -n 's/^SHA-256 av filen.*: \(.*\)\.$/\1/p' "$work/$format-$rows-$reps.out"
done | paste -sd';' - | sed 's/;/, /g')
echo "SHA-256 av filen (importen hashar varje fil innan den läses; ingår inte i tiderna): $sha."

# The same cube from every format: Σ öre and the cube's fingerprint must agree.
if [ "$(cut -f9-11 "$timing" | sort -u | wc -l)" -eq 1 ] && [ "$(wc -l <"$timing")" -eq 3 ]; then
  echo "Kontroll: Σ öre och kubens fingeravtryck är identiska i alla tre format" \
    "($(awk "$awk_lib"'{ print grp($10) " öre, " grp($9) " celler"; exit }' "$timing"))."
else
  echo "KONTROLLEN MISSLYCKADES: formaten gav olika kuber:" >&2
  cut -f1,9-11 "$timing" >&2
  failed=1
fi

echo
echo "Minne, CSV, en upprepning per process (ska vara platt upp till kuben):"
{
  printf 'rader\tVmHWM MB\ttime -v MB\tkubceller\n'
  while IFS=$'\t' read -r format n bytes med lo hi hwm _ cells ore _; do
    awk -v n="$n" -v hwm="$hwm" -v tv="$(rss "$format" "$n" 1)" -v cells="$cells" \
      "$awk_lib"'BEGIN { printf "%s\t%s\t%s\t%s\n", grp(n), mb(hwm), mb(tv), grp(cells) }'
  done <"$memory"
} | column -t -s $'\t' -R 1,2,3,4
[ -n "$timer" ] || echo "(/usr/bin/time saknas: apt-get install time; VmHWM visas ändå.)"

exit "$failed"
