-- The GROUP BY every peer runs, in DuckDB and in SQLite alike: Σ öre per (ansvar, report row,
-- period), where the report row is the konto's longest leading-digit range in kontoplan (as
-- namnd's AccountMap decides it). Expects the tables or views huvudbok(ansvar, konto, period,
-- ore) and kontoplan(konto_fran, konto_till, rad), all text except ore.
-- Like namnd, it first sums per konto (the cube) and maps the few distinct konton afterwards.
WITH kub AS MATERIALIZED (
  SELECT ansvar, konto, period, sum(ore) AS ore
  FROM huvudbok
  GROUP BY ansvar, konto, period
),
karta AS (
  SELECT konto, rad
  FROM (
    SELECT k.konto, p.rad,
           row_number() OVER (PARTITION BY k.konto ORDER BY length(p.konto_fran) DESC) AS n
    FROM (SELECT DISTINCT konto FROM kub) AS k
    JOIN kontoplan AS p
      ON substr(k.konto, 1, length(p.konto_fran)) BETWEEN p.konto_fran AND p.konto_till
  ) AS traffar
  WHERE n = 1
)
SELECT kub.ansvar AS ansvar, coalesce(karta.rad, '(ej placerat)') AS rad,
       kub.period AS period, sum(kub.ore) AS ore
FROM kub LEFT JOIN karta ON karta.konto = kub.konto
GROUP BY kub.ansvar, coalesce(karta.rad, '(ej placerat)'), kub.period
ORDER BY 1, 2, 3
