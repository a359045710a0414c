# hledger peer: turns the generated huvudbok CSV into an hledger journal, plus the helår budget
# as a monthly periodic transaction, so that `hledger balance --budget -M` sees the same rows.
# Each voucher (Verifikation) becomes one transaction; each row an unbalanced virtual posting
# (ansvar:report row) — the CSV holds result accounts only, as the other peers read it. The
# report row is the konto's longest leading-digit range in kontoplan.csv.
#
#   awk -f hledger_journal.awk KONTOPLAN.csv BUDGET.csv HUVUDBOK.csv > huvudbok.journal
#
# BUDGET.csv: ar;ansvar;konto;belopp (helår, kr), spread evenly over the twelve months.

BEGIN { FS = ";" }

function rad(konto,   i, prefix, best, bestLength) {
  if (konto in radCache) return radCache[konto]
  best = "(ej placerat)"; bestLength = 0
  for (i = 1; i <= ranges; i++) {
    if (length(from[i]) <= bestLength || length(konto) < length(from[i])) continue
    prefix = substr(konto, 1, length(from[i]))
    if (prefix >= from[i] && prefix <= to[i]) { best = row[i]; bestLength = length(from[i]) }
  }
  return radCache[konto] = best
}

# "-1234,5" → "-1234.5": the journal takes a decimal point.
function amount(text) { sub(/,/, ".", text); return text }

{ sub(/\r$/, "") }
FNR == 1 { file++; next }

file == 1 { ranges++; from[ranges] = $1; to[ranges] = $2; row[ranges] = $3; next }

file == 2 {
  key = $2 ":" rad($3)
  if (!(key in budget)) order[++budgetKeys] = key
  budget[key] += amount($4)
  next
}

file == 3 && !started {
  started = 1
  print "~ monthly from " substr($1, 1, 4) "-01-01 to " (substr($1, 1, 4) + 1) "-01-01  budget"
  for (i = 1; i <= budgetKeys; i++) printf "    (%s)  %.2f\n", order[i], budget[order[i]] / 12
  print ""
}

# Period;Bokföringsdatum;Ansvar;Konto;Verksamhet;Projekt;Belopp;Verifikation;Text
file == 3 {
  if ($8 != voucher || $2 != date) {
    if (voucher != "") print ""
    voucher = $8; date = $2
    print date " " voucher
  }
  print "    (" $3 ":" rad($4) ")  " amount($7)
}
