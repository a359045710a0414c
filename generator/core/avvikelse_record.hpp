#pragma once
// One reported incident (avvikelse, klagomål, lex Sarah, lex Maria, extern avvikelse) as the
// report counts it: the source system's own category names already mapped through the config's
// taxonomy. Free text never gets here (the reader does not read those columns), and the person
// is a keyed hash, only for counting unique persons.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar_date.hpp"

namespace namnd {

enum class Lagrum : std::uint8_t { SoL, LSS, HSL };

// The report's typ (notes 004 §3.7): SoL/LSS Översikt rows are Avvikelse, Klagomal and
// LexSarah; HSL has Avvikelse, Klagomal, LexMaria and Extern.
enum class AvvikelseTyp : std::uint8_t { Avvikelse, Klagomal, LexSarah, LexMaria, Extern };

// For an extern avvikelse: sent to the kommun by another vårdgivare, or from the kommun to one.
enum class Riktning : std::uint8_t { Ingen, TillKommunen, FranKommunen };

// Attribute flags (fall: "hoftbyxa", "ganghjalpmedel", "fraktur" columns, ja/nej/1/0/x).
enum AvvikelseFlag : std::uint8_t {
  kHoftbyxa = 1u << 0,
  kGanghjalpmedel = 1u << 1,
  kFraktur = 1u << 2,
};

// The optional columns of a register. A file without one of them cannot say what a figure that
// depends on it would count: such a figure reads "uppgift saknas", or is footnoted when only some
// of the records it counts come from files without the column.
enum AvvikelseColumn : std::uint16_t {
  kColumnHandelsedatum = 1u << 0,
  kColumnKategori = 1u << 1,
  kColumnHandelsetyp = 1u << 2,
  kColumnPerson = 1u << 3,
  kColumnExternPart = 1u << 4,
  kColumnRiktning = 1u << 5,
  kColumnStatus = 1u << 6,
  kColumnHoftbyxa = 1u << 7,
  kColumnGanghjalpmedel = 1u << 8,
  kColumnFraktur = 1u << 9,
};
inline constexpr std::uint16_t kAllAvvikelseColumns = (1u << 10) - 1;
// The canonical column names, in bit order (as README and the reader's spec name them).
inline constexpr std::array<std::string_view, 10> kAvvikelseColumnNames = {
    "handelsedatum", "kategori", "handelsetyp", "person",         "extern_part",
    "riktning",      "status",   "hoftbyxa",    "ganghjalpmedel", "fraktur"};

// One register file as read: its name in messages, its data rows, and which optional columns
// its header had (AvvikelseColumn bits; 0 when it had no data rows to tell).
struct AvvikelseRegisterFile {
  std::string name;
  std::int64_t rowsRead = 0;
  std::int64_t duplicates = 0;  // rows whose id an earlier row of this file had; not counted again
  std::uint16_t columns = 0;
  // The config's own header names for it ("kolumner": canonical → header), for messages.
  std::vector<std::pair<std::string, std::string>> configuredHeaders;
};

struct AvvikelseRecord {
  std::string id;  // the system's id, unique within its file (a repeat is counted once)
  CalendarDate registrerad;
  std::optional<CalendarDate> handelse;  // händelsedatum, when the export has it
  std::string org;                       // org code (ansvar or enhet) as in the org tree
  Lagrum lagrum = Lagrum::SoL;
  AvvikelseTyp typ = AvvikelseTyp::Avvikelse;
  std::string kategori;      // the report's kategori (HSL: "Fall/fallolycka"); "" = none
  std::string handelsetyp;   // the report's händelsetyp ("Trygghet"); "" = none
  std::uint64_t person = 0;  // keyed hash of the pseudonym; 0 = not given
  std::uint8_t flags = 0;    // AvvikelseFlag bits
  std::string externPart;    // the other vårdgivare of an extern avvikelse
  Riktning riktning = Riktning::Ingen;
  std::string status;  // lex Sarah / lex Maria: "anmäld till IVO" …, mapped text; "" = none
  std::string source;  // display name of the file it came from, for messages
  long line = 0;       // its line in that file, for messages
  // The optional columns its file had (AvvikelseColumn bits).
  std::uint16_t columns = kAllAvvikelseColumns;
};

}  // namespace namnd
