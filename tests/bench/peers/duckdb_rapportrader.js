// DuckDB peer: read_csv of the generated huvudbok (';', decimal comma) and the GROUP BY of
// rapportrader.sql, written with COPY … TO a ';' CSV (ansvar;rad;period;ore). Two threads, as
// the reference machine has two cores.
//
//   NODE_PATH=<dir>/node_modules node duckdb_rapportrader.js HUVUDBOK.csv KONTOPLAN.csv UT.csv
'use strict';

const fs = require('fs');
const path = require('path');
const { DuckDBInstance } = require('@duckdb/node-api');

function quoted(text) {
  return "'" + text.replace(/'/g, "''") + "'";
}

async function main() {
  const [ledger, kontoplan, out] = process.argv.slice(2);
  if (!out) {
    console.error('Användning: node duckdb_rapportrader.js HUVUDBOK.csv KONTOPLAN.csv UT.csv');
    process.exit(2);
  }
  const query = fs.readFileSync(path.join(__dirname, 'rapportrader.sql'), 'utf8');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run('SET threads = 2');
  // Every column named and typed, so nothing is sniffed; belopp is an exact decimal.
  await db.run(`CREATE VIEW huvudbok AS
    SELECT ansvar, konto, period, CAST(belopp * 100 AS BIGINT) AS ore
    FROM read_csv(${quoted(ledger)}, delim = ';', decimal_separator = ',', header = true,
                  quote = '"', columns = {
                    'period': 'VARCHAR', 'datum': 'VARCHAR', 'ansvar': 'VARCHAR',
                    'konto': 'VARCHAR', 'verksamhet': 'VARCHAR', 'projekt': 'VARCHAR',
                    'belopp': 'DECIMAL(18,2)', 'vernr': 'VARCHAR', 'text': 'VARCHAR'})`);
  await db.run(`CREATE TABLE kontoplan AS
    SELECT * FROM read_csv(${quoted(kontoplan)}, delim = ';', header = true, columns = {
      'konto_fran': 'VARCHAR', 'konto_till': 'VARCHAR', 'rad': 'VARCHAR'})`);
  await db.run(`COPY (${query}) TO ${quoted(out)} (HEADER, DELIMITER ';')`);
}

main().catch((error) => {
  console.error('DuckDB:', error.message);
  process.exit(1);
});
