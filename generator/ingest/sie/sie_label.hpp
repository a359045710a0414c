#pragma once
// The record labels of SIE 4 (#FLAGGA … #VER). Readers must skip labels they do not know, so
// an unknown label is a value of its own rather than an error.

#include <cstdint>
#include <string_view>

namespace namnd {

enum class SieLabel : std::uint8_t {
  Unknown,
  // Identification and file information.
  Flagga,
  Format,
  Sietyp,
  Program,
  Gen,
  Ksumma,
  Prosa,
  Ftyp,
  Fnr,
  Orgnr,
  Bkod,
  Adress,
  Fnamn,
  Rar,
  Taxar,
  Omfattn,
  Kptyp,
  Valuta,
  // Chart of accounts and dimensions.
  Konto,
  Ktyp,
  Enhet,
  Sru,
  Dim,
  Underdim,
  Objekt,
  // Balances, results, period balances and budgets.
  Ib,
  Ub,
  Oib,
  Oub,
  Res,
  Psaldo,
  Pbudget,
  // Verifications and their rows.
  Ver,
  Trans,
  Rtrans,
  Btrans,
};

// "#TRANS" → SieLabel::Trans. Case-insensitive; anything else (also without '#') → Unknown.
SieLabel sieLabel(std::string_view word);

}  // namespace namnd
