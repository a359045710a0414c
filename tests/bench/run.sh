#!/usr/bin/env bash
# namnd beside DuckDB, SQLite and hledger on the same generated files. For each N it generates
# (once) a huvudbok of N rows with org, kontoplan, budget, hr, avvikelser and namnd.json
# (namnd_bench_ingest --korning), then times side by side, each run in a process of its own
# under /usr/bin/time -v:
#   - namnd import (CSV, and the same ledger as SIE): hash, parse, aggregate, store the cubes,
#     into a fresh store each time;
#   - the full report set on that store, each command timed alone and then all four in a row:
#     namnd manadsrapport --period P, delarsrapport --per <31 August of P's year, or the last day
#     of P when P is before August>, avvikelser --period <P's year>H1, kontroll --period P
#     (xlsx and html each);
#   - DuckDB (npm @duckdb/node-api, 2 threads): read_csv + GROUP BY + COPY TO csv;
#   - the sqlite3 CLI: .import into memory + the same GROUP BY, to a csv;
#   - hledger balance --budget -M on the ledger converted to a journal (N ≤ hledger limit);
# and prints one table: median, min–max, peak RSS and the ratio to namnd import, with the
# `wc -l` floor. Then it checks that DuckDB's and SQLite's Σ per (ansvar, rad, period) and per
# (ansvar, period) equal the generator's own sums (facit.csv), hledger's Σ per month too, and
# namnd's Σ as its kontroll report and delårsrapport state it, and the avvikelse report's count
# as avvikelser.csv has it.
#
#   tests/bench/run.sh [N ...]              (default: 100000 1000000)
#
# Installs the peers it lacks (as root: apt-get install time sqlite3 hledger; npm install
# @duckdb/node-api into a folder of the build dir). A peer that cannot be installed is skipped.
# Environment:
#   NAMND_BENCH_BUILD         build dir, Release (default build-peers; configured if missing)
#   NAMND_BENCH_DATA          generated files (default <build>/bench-data)
#   NAMND_BENCH_PEERS         npm folder for DuckDB (default <build>/peers)
#   NAMND_BENCH_REPS          repetitions per tool (default 3)
#   NAMND_BENCH_HLEDGER_MAX   largest N hledger runs at (default 100000: it is slow)
#   NAMND_BENCH_PERIOD        the reports' period ÅÅÅÅMM (default 202511; the data is of 2025)
#   NAMND_BENCH_INSTALL=0     install nothing (no apt-get, no npm, no network)
#   NAMND_BENCH_NAMND and NAMND_BENCH_INGEST: use these binaries and build nothing (ctest)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
peers_src=$repo/tests/bench/peers
build=${NAMND_BENCH_BUILD:-$repo/build-peers}
data=${NAMND_BENCH_DATA:-$build/bench-data}
peers=${NAMND_BENCH_PEERS:-$build/peers}
reps=${NAMND_BENCH_REPS:-3}
hledger_max=${NAMND_BENCH_HLEDGER_MAX:-100000}
period=${NAMND_BENCH_PERIOD:-202511}
install=${NAMND_BENCH_INSTALL:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

for n in "${sizes[@]}" "$reps" "$hledger_max" "$period"; do
  case $n in '' | *[!0-9]*) echo "run.sh: \"$n\" ska vara ett heltal" >&2; exit 2 ;; esac
done
case $period in
  [0-9][0-9][0-9][0-9]0[1-9] | [0-9][0-9][0-9][0-9]1[0-2]) ;;
  *) echo "run.sh: NAMND_BENCH_PERIOD \"$period\" ska vara ÅÅÅÅMM" >&2; exit 2 ;;
esac
year=${period:0:4}
month=$((10#${period:4:2}))
# The delårsrapport is per 31 August, or per the period's month-end when that comes first; the
# avvikelse report is of the first half-year.
per_month=$((month < 8 ? month : 8))
per=$(date -d "$year-$(printf %02d $per_month)-01 +1 month -1 day" +%F)
half=${year}H1

say() { echo "$*" >&2; }

# --- namnd and the generator ---------------------------------------------------------------
if [ -n "${NAMND_BENCH_NAMND:-}" ] || [ -n "${NAMND_BENCH_INGEST:-}" ]; then
  namnd=${NAMND_BENCH_NAMND:?run.sh: NAMND_BENCH_INGEST kräver även NAMND_BENCH_NAMND}
  ingest=${NAMND_BENCH_INGEST:?run.sh: NAMND_BENCH_NAMND kräver även NAMND_BENCH_INGEST}
else
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
  fi
  build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
  if [ "$build_type" != Release ]; then
    say "run.sh: $build är byggd som \"$build_type\"; mät bara Release"
    exit 1
  fi
  cmake --build "$build" --target namnd namnd_bench_ingest >&2
  namnd=$build/namnd
  ingest=$build/tests/bench/namnd_bench_ingest
fi

# --- the peers -----------------------------------------------------------------------------
if [ "$install" != 0 ]; then
  missing=()
  [ -x /usr/bin/time ] || missing+=(time)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v hledger >/dev/null || missing+=(hledger)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "Installerar ${missing[*]} (apt-get) …"
      apt-get install -y "${missing[@]}" >&2 || say "run.sh: apt-get install ${missing[*]} misslyckades"
    else
      say "run.sh: saknar ${missing[*]}; installera med apt-get install ${missing[*]} (som root)"
    fi
  fi
  if [ ! -d "$peers/node_modules/@duckdb/node-api" ]; then
    if command -v npm >/dev/null; then
      say "Installerar @duckdb/node-api i $peers (npm) …"
      mkdir -p "$peers"
      npm install --prefix "$peers" --no-audit --no-fund @duckdb/node-api >&2 ||
        say "run.sh: npm install @duckdb/node-api misslyckades"
    else
      say "run.sh: npm saknas; DuckDB hoppas över"
    fi
  fi
fi

if [ -x /usr/bin/time ]; then timer=/usr/bin/time; else
  timer=""
  say "run.sh: /usr/bin/time saknas (apt-get install time): topp-RSS visas inte"
fi
have_duckdb=0
if command -v node >/dev/null && [ -d "$peers/node_modules/@duckdb/node-api" ]; then
  have_duckdb=1
else
  say "run.sh: DuckDB hoppas över (node eller $peers/node_modules/@duckdb/node-api saknas)"
fi
have_sqlite=0
if command -v sqlite3 >/dev/null; then have_sqlite=1; else
  say "run.sh: sqlite3 hoppas över (apt-get install sqlite3)"
fi
have_hledger=0
if command -v hledger >/dev/null; then have_hledger=1; else
  say "run.sh: hledger hoppas över (apt-get install hledger)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# Swedish figures: decimal comma, space between thousands.
awk_lib='
function sv(x, d,   s) { s = sprintf("%." d "f", x); sub(/\./, ",", s); return s }
function grp(n,   s, r, sign) { s = sprintf("%.0f", n); sign = ""
  if (substr(s, 1, 1) == "-") { sign = "-"; s = substr(s, 2) }
  r = ""
  while (length(s) > 3) { r = " " substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
  return sign s r }
'
grp() { awk "$awk_lib"' BEGIN { print grp(ARGV[1]) }' "$1"; }

# measure LABEL PREPARE COMMAND: runs COMMAND (a bash snippet) $reps times, PREPARE (untimed)
# before each, and appends "label<TAB>median s<TAB>min s<TAB>max s<TAB>peak kB" to
# $work/table.tsv. The last run's output stays in $work/last.out.
measure() {
  local label=$1 prepare=$2 command=$3 i start end kb peak=0 seconds=()
  say "Mäter $label ($reps upprepningar) …"
  for ((i = 1; i <= reps; i++)); do
    eval "$prepare"
    start=$(date +%s%N)
    if [ -n "$timer" ]; then
      if ! "$timer" -v -o "$work/time.txt" bash -c "$command" >"$work/last.out" 2>&1; then
        say "run.sh: $label misslyckades:"; tail -20 "$work/last.out" >&2; failed=1; return 0
      fi
    elif ! bash -c "$command" >"$work/last.out" 2>&1; then
      say "run.sh: $label misslyckades:"; tail -20 "$work/last.out" >&2; failed=1; return 0
    fi
    end=$(date +%s%N)
    seconds+=("$(awk -v ns=$((end - start)) 'BEGIN { printf "%.4f", ns / 1e9 }')")
    if [ -n "$timer" ]; then
      kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt")
      [ "${kb:-0}" -gt "$peak" ] && peak=$kb
    fi
  done
  [ -n "$timer" ] || peak=-
  printf '%s\n' "${seconds[@]}" | sort -g | awk -v label="$label" -v peak="$peak" \
    '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
       printf "%s\t%s\t%s\t%s\t%s\n", label, m, t[1], t[NR], peak }' >>"$work/table.tsv"
}

# Σ öre per (ansvar, period) of an ansvar;rad;period;ore file, sorted.
per_ansvar_period() {
  awk -F';' 'NR > 1 { s[$1 ";" $3] += $4 } END { for (k in s) printf "%s;%.0f\n", k, s[k] }' "$1" |
    LC_ALL=C sort
}

# compare LABEL FILE FACIT: the whole file, then Σ per (ansvar, period), against the facit.
compare() {
  local label=$1 file=$2 facit=$3
  if [ ! -s "$file" ]; then
    say "KONTROLLEN MISSLYCKADES: $label skrev inget resultat"; failed=1; return
  fi
  if cmp -s "$file" "$facit"; then
    echo "Kontroll: $label = facit på öret i alla $(grp $(($(wc -l <"$facit") - 1))) celler" \
      "(ansvar, rad, period)."
    return
  fi
  say "KONTROLLEN MISSLYCKADES: $label skiljer sig från facit (ansvar;rad;period;ore):"
  diff "$facit" "$file" | head -10 >&2
  failed=1
  if [ "$(per_ansvar_period "$file")" = "$(per_ansvar_period "$facit")" ]; then
    echo "  … men Σ per (ansvar, period) är lika."
  else
    echo "  … och Σ per (ansvar, period) skiljer sig också."
  fi
}

# The number after TEXT in namnd's kontroll report (html), in öre; empty when not found.
kontroll_ore() {
  tr '\n' ' ' <"$1" | sed 's/<[^>]*>/ /g; s/\xc2\xa0//g; s/&nbsp;//g' | tr -s ' ' |
    grep -o -- "$2 -\?[0-9]*,[0-9][0-9]" | head -1 | grep -o -- '-\?[0-9]*,[0-9][0-9]$' |
    tr -d ','
}

echo "Maskin: $(nproc) kärnor, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
  "belastning vid start $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Versioner: namnd byggd $(date -r "$namnd" '+%Y-%m-%d %H:%M') (repo: $(git -C "$repo" \
  rev-parse --short HEAD 2>/dev/null || echo '?') och arbetskopian), sqlite3 $( ((have_sqlite)) && sqlite3 --version | cut -d' ' -f1 || echo -)," \
  "hledger $( ((have_hledger)) && hledger --version | cut -d' ' -f2 | tr -d , || echo -)," \
  "DuckDB $( ((have_duckdb)) && grep -m1 '"version"' \
    "$peers/node_modules/@duckdb/node-api/package.json" | cut -d'"' -f4 || echo -)."

for rows in "${sizes[@]}"; do
  # Generate first, in a process of its own, so that no measured process pays for it.
  line=$("$ingest" --rader "$rows" --ut "$data" --format csv,sie --bara-generera --korning \
    --mallar "$repo/templates" | grep '^korning')
  IFS=$'\t' read -r _ run _ ledger_ore budget_ore facit_rows <<<"$line"
  csv=$data/huvudbok-$rows.csv
  facit=$run/facit.csv
  out=$work/$rows
  mkdir -p "$out"
  : >"$work/table.tsv"

  measure "wc -l (golv)" "" "wc -l <'$csv'"
  floor=$(tail -1 "$work/table.tsv")
  : >"$work/table.tsv"
  measure "namnd import csv" "rm -f '$run'/lager.sqlite*" \
    "'$namnd' import --config '$run/namnd.json'"
  cp "$work/last.out" "$out/import.out"
  measure "namnd import sie" "rm -f '$run'/lager-sie.sqlite*" \
    "'$namnd' import --config '$run/namnd-sie.json'"
  reports=(
    "manadsrapport --period $period"
    "delarsrapport --per $per"
    "avvikelser --period $half"
    "kontroll --period $period"
  )
  all=""
  for report in "${reports[@]}"; do
    measure "namnd ${report%% *}" "" "'$namnd' $report --config '$run/namnd.json'"
    all+="${all:+ && }'$namnd' $report --config '$run/namnd.json'"
  done
  measure "namnd alla fyra" "" "$all"
  if ((have_duckdb)); then
    measure "DuckDB" "rm -f '$out/duckdb.csv'" \
      "NODE_PATH='$peers/node_modules' node '$peers_src/duckdb_rapportrader.js' '$csv' \
       '$run/kontoplan.csv' '$out/duckdb.csv'"
  fi
  if ((have_sqlite)); then
    measure "sqlite3" "rm -f '$out/sqlite.csv'" \
      "'$peers_src/sqlite_rapportrader.sh' '$csv' '$run/kontoplan.csv' '$out/sqlite.csv'"
  fi
  hledger_note=""
  if ((have_hledger)) && [ "$rows" -le "$hledger_max" ]; then
    start=$(date +%s%N)
    awk -f "$peers_src/hledger_journal.awk" "$run/kontoplan.csv" "$run/budget.csv" "$csv" \
      >"$out/huvudbok.journal"
    end=$(date +%s%N)
    hledger_note="hledger läser en journal som awk gjort av CSV-filen på \
$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }' | tr . ,) s (ingår inte)."
    measure "hledger" "rm -f '$out/hledger.csv'" \
      "hledger -f '$out/huvudbok.journal' balance --budget -M -O csv -o '$out/hledger.csv'"
  elif ((have_hledger)); then
    hledger_note="hledger hoppas över vid $(grp "$rows") rader (NAMND_BENCH_HLEDGER_MAX=$hledger_max)."
  fi

  echo
  echo "$(grp "$rows") rader ($(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }' |
    tr . ,) MB CSV), median av $reps upprepningar, varje körning i en egen process" \
    "(belastning $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo
  base=$(awk -F'\t' '$1 == "namnd import csv" { print $2 }' "$work/table.tsv")
  {
    printf 'verktyg\trader\tmedian s\tmin–max s\trader/s\ttopp-RSS MB\t× namnd import\n'
    awk -F'\t' -v rows="$rows" -v base="${base:-0}" "$awk_lib"'{
      rss = $5 == "-" ? "-" : sv($5 / 1024, 1)
      ratio = base > 0 ? sv($2 / base, 2) : "-"
      printf "%s\t%s\t%s\t%s–%s\t%s\t%s\t%s\n", $1, grp(rows), sv($2, 3), sv($3, 2), sv($4, 2),
        grp(rows / $2), rss, ratio }' "$work/table.tsv"
  } | column -t -s $'\t' -R 2,3,4,5,6,7
  echo
  echo "$floor" | awk -F'\t' -v base="${base:-0}" "$awk_lib"'{
    printf "Golv: wc -l på CSV-filen %s s (min–max %s–%s)", sv($2, 3), sv($3, 3), sv($4, 3)
    if (base > 0 && $2 > 0) printf "; namnd import tar %s gånger golvets tid", sv(base / $2, 1)
    print "." }'
  [ -z "$hledger_note" ] || echo "$hledger_note"
  echo "Rapporterna (xlsx och html, på lagret efter importen): manadsrapport $period, delarsrapport" \
    "per $per, avvikelser $half, kontroll $period; \"alla fyra\" kör dem i följd."
  awk -F'\t' -v base="${base:-0}" "$awk_lib"'
    $1 ~ /^namnd (manadsrapport|delarsrapport|avvikelser|kontroll)$/ { sum += $2 }
    $1 == "namnd alla fyra" { all = $2 }
    END { if (all > 0 && base > 0)
      printf "Hela rapportuppsättningen: %s s (summan av de fyra medianerna %s s) = %s × namnd import csv (mål: under 2×).\n",
        sv(all, 3), sv(sum, 3), sv(all / base, 2) }' "$work/table.tsv"

  # --- do the tools agree? -----------------------------------------------------------------
  echo "Facit (generatorns egna summor): Σ $(grp "$ledger_ore") öre i $(grp "$facit_rows") celler."
  ((have_duckdb)) && compare "DuckDB" "$out/duckdb.csv" "$facit"
  ((have_sqlite)) && compare "sqlite3" "$out/sqlite.csv" "$facit"
  if [ -s "$out/duckdb.csv" ] && [ -s "$out/sqlite.csv" ]; then
    if cmp -s "$out/duckdb.csv" "$out/sqlite.csv"; then
      echo "Kontroll: DuckDB och sqlite3 gav byte för byte samma fil."
    else
      say "KONTROLLEN MISSLYCKADES: DuckDB och sqlite3 gav olika filer"; failed=1
    fi
  fi
  if [ -s "$out/hledger.csv" ]; then
    # The "Total:" row: actual and budget per month, in kr with a decimal point.
    got=$(awk -F'","' '/^"Total:"/ { for (i = 2; i <= NF; i += 2) { gsub(/"/, "", $i)
            printf "%s;%.0f\n", 202500 + i / 2, $i * 100 } }' "$out/hledger.csv")
    want=$(awk -F';' 'NR > 1 { s[$3] += $4 } END { for (p in s) printf "%s;%.0f\n", p, s[p] }' \
      "$facit" | sort)
    if [ "$got" = "$want" ]; then
      echo "Kontroll: hledger = facit, Σ per månad på öret (12 månader)."
    else
      say "KONTROLLEN MISSLYCKADES: hledgers Σ per månad skiljer sig från facit:"
      diff <(echo "$want") <(echo "$got") | head -10 >&2
      failed=1
    fi
  fi
  # namnd's own line for the ledger: every row accepted, none rejected.
  accepted=$(grep -m1 "huvudbok" "$out/import.out" 2>/dev/null || true)
  case $accepted in
    *"$(grp "$rows") godkända, 0 avvisade"*) ;;
    *godkända*avvisade*)
      say "KONTROLLEN MISSLYCKADES: namnd godkände inte alla $(grp "$rows") rader: $accepted"
      failed=1 ;;
    *) echo "(namnds importrad kunde inte läsas: \"$accepted\")" ;;
  esac
  report=$run/utdata/kontroll-$period.html
  namnd_ore=$( [ -f "$report" ] && kontroll_ore "$report" "Σ godkänt" || true)
  namnd_ack=$( [ -f "$report" ] && kontroll_ore "$report" \
    "Avstämning ack utfall: Σ indata = Σ redovisat + Σ ej placerat OK" || true)
  want_ack=$(awk -F';' -v p="$period" 'NR > 1 && $3 <= p { s += $4 } END { printf "%.0f", s }' \
    "$facit")
  if [ -z "$namnd_ore" ] || [ -z "$namnd_ack" ]; then
    echo "(namnds Σ kunde inte läsas ur $report; ingen kontroll av namnd)"
  elif [ "$namnd_ore" = "$ledger_ore" ] && [ "$namnd_ack" = "$want_ack" ]; then
    echo "Kontroll: namnd kontroll = facit: Σ godkänt $(grp "$namnd_ore") öre," \
      "ack utfall t.o.m. $period $(grp "$namnd_ack") öre."
  else
    say "KONTROLLEN MISSLYCKADES: namnd kontroll säger Σ $namnd_ore öre och ack $namnd_ack öre," \
      "facit $ledger_ore och $want_ack öre"
    failed=1
  fi
  # The delårsrapport's own reconciliation of ack utfall January–per, against the facit.
  report=$run/utdata/delarsrapport-${per//-/}.html
  delar_ack=$( [ -f "$report" ] && kontroll_ore "$report" \
    "Avstämning ack utfall: Σ indata = Σ redovisat + Σ ej placerat OK" || true)
  want_delar=$(awk -F';' -v p="${per:0:4}${per:5:2}" \
    'NR > 1 && $3 <= p { s += $4 } END { printf "%.0f", s }' "$facit")
  if [ -z "$delar_ack" ]; then
    echo "(delårsrapportens ack utfall kunde inte läsas ur $report; ingen kontroll)"
  elif [ "$delar_ack" = "$want_delar" ]; then
    echo "Kontroll: namnd delarsrapport = facit: ack utfall t.o.m. $per $(grp "$delar_ack") öre."
  else
    say "KONTROLLEN MISSLYCKADES: delårsrapporten säger ack utfall $delar_ack öre, facit $want_delar"
    failed=1
  fi
  # The avvikelse report's total for the half-year against the rows of avvikelser.csv: HSL
  # avvikelser plus everything under SoL and LSS (synpunkter, klagomål and lex Sarah included),
  # as the report's summary counts them.
  report=$run/utdata/avvikelser-$half.html
  avv_count=$( [ -f "$report" ] && tr '\n' ' ' <"$report" |
    sed 's/<[^>]*>/ /g; s/\xc2\xa0//g; s/&nbsp;//g' | tr -s ' ' |
    grep -o 'har totalt [0-9 ]* avvikelser' | head -1 | tr -cd '0-9' || true)
  want_avv=$(awk -F';' -v y="$year" 'NR > 1 && substr($2, 1, 4) == y && substr($2, 6, 2) <= "06" &&
    ($4 != "HSL" || $5 == "Avvikelse")' "$run/avvikelser.csv" | wc -l)
  if [ -z "$avv_count" ]; then
    echo "(avvikelserapportens antal kunde inte läsas ur $report; ingen kontroll)"
  elif [ "$avv_count" = "$want_avv" ]; then
    echo "Kontroll: namnd avvikelser = avvikelser.csv: $(grp "$avv_count") avvikelser $half" \
      "(HSL-avvikelser och allt enligt SoL och LSS)."
  else
    say "KONTROLLEN MISSLYCKADES: avvikelserapporten räknar $avv_count rapporter $half," \
      "avvikelser.csv har $want_avv"
    failed=1
  fi
  echo "(budget Σ $(grp "$budget_ore") öre; hr.csv läses av namnd import (ingår i dess tid);" \
    "avvikelser.csv ($(grp "$(($(wc -l <"$run/avvikelser.csv") - 1))") rader) läses av namnd avvikelser.)"
done

exit "$failed"
