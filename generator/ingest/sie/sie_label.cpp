#include "ingest/sie/sie_label.hpp"

#include <utility>

namespace namnd {

SieLabel sieLabel(std::string_view word) {
  static constexpr std::pair<std::string_view, SieLabel> kLabels[] = {
      {"#TRANS", SieLabel::Trans},   {"#VER", SieLabel::Ver},
      {"#RTRANS", SieLabel::Rtrans}, {"#BTRANS", SieLabel::Btrans},
      {"#PSALDO", SieLabel::Psaldo}, {"#PBUDGET", SieLabel::Pbudget},
      {"#KONTO", SieLabel::Konto},   {"#KTYP", SieLabel::Ktyp},
      {"#SRU", SieLabel::Sru},       {"#OBJEKT", SieLabel::Objekt},
      {"#IB", SieLabel::Ib},         {"#UB", SieLabel::Ub},
      {"#OIB", SieLabel::Oib},       {"#OUB", SieLabel::Oub},
      {"#RES", SieLabel::Res},       {"#ENHET", SieLabel::Enhet},
      {"#DIM", SieLabel::Dim},       {"#UNDERDIM", SieLabel::Underdim},
      {"#FLAGGA", SieLabel::Flagga}, {"#FORMAT", SieLabel::Format},
      {"#SIETYP", SieLabel::Sietyp}, {"#PROGRAM", SieLabel::Program},
      {"#GEN", SieLabel::Gen},       {"#KSUMMA", SieLabel::Ksumma},
      {"#PROSA", SieLabel::Prosa},   {"#FTYP", SieLabel::Ftyp},
      {"#FNR", SieLabel::Fnr},       {"#ORGNR", SieLabel::Orgnr},
      {"#BKOD", SieLabel::Bkod},     {"#ADRESS", SieLabel::Adress},
      {"#FNAMN", SieLabel::Fnamn},   {"#RAR", SieLabel::Rar},
      {"#TAXAR", SieLabel::Taxar},   {"#OMFATTN", SieLabel::Omfattn},
      {"#KPTYP", SieLabel::Kptyp},   {"#VALUTA", SieLabel::Valuta},
  };
  constexpr std::size_t kLongest = 9;  // "#UNDERDIM"
  if (word.size() < 3 || word.size() > kLongest || word[0] != '#') return SieLabel::Unknown;
  // Upper-case into a small buffer: labels are short, and most files already write them so.
  char upper[kLongest];
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    upper[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  const std::string_view key(upper, word.size());
  for (const auto& [name, label] : kLabels)  // the most frequent labels come first
    if (name == key) return label;
  return SieLabel::Unknown;
}

}  // namespace namnd
