#!/usr/bin/env bash
# SQLite peer: the sqlite3 CLI `.import`s the generated huvudbok (';', decimal comma) into an
# in-memory table and runs the GROUP BY of rapportrader.sql, written as a ';' CSV
# (ansvar;rad;period;ore).
#
#   sqlite_rapportrader.sh HUVUDBOK.csv KONTOPLAN.csv UT.csv
#
# SQLite has no decimal type: belopp becomes öre as round(REAL × 100), exact for any amount
# below 90 000 000 000 kr.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "Användning: sqlite_rapportrader.sh HUVUDBOK.csv KONTOPLAN.csv UT.csv" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
# .import takes a path in double quotes; a path holding one cannot be passed.
for f in "$@"; do
  case $f in *'"'*) echo "sqlite_rapportrader.sh: sökvägen får inte innehålla \"" >&2; exit 2 ;; esac
done
{
  cat <<SQL
.bail on
CREATE TABLE huvudbok_rad(period TEXT, datum TEXT, ansvar TEXT, konto TEXT, verksamhet TEXT,
                          projekt TEXT, belopp TEXT, vernr TEXT, text TEXT);
CREATE TABLE kontoplan(konto_fran TEXT, konto_till TEXT, rad TEXT);
.mode csv
.separator ;
.import --skip 1 "$1" huvudbok_rad
.import --skip 1 "$2" kontoplan
CREATE VIEW huvudbok AS
  SELECT ansvar, konto, period,
         CAST(round(CAST(replace(belopp, ',', '.') AS REAL) * 100) AS INTEGER) AS ore
  FROM huvudbok_rad;
.mode list
.separator ;
.headers on
.once "$3"
SQL
  cat "$here/rapportrader.sql"
  echo ";"
} | sqlite3 -batch
