#pragma once
// Counting avvikelser for the halvårsrapport (notes 004 §3): every count is by REGISTRATION date
// (a report registered after the period's end belongs to the next report even if the event
// happened earlier), over a half year or a whole year, and the same spans of earlier years.
// Pure functions over records already mapped through the taxonomy; no text, no rounding of money.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/avvikelse_record.hpp"
#include "core/calendar_date.hpp"

namespace namnd {

// The part of the report a record is counted in. SoL/LSS: avvikelser and klagomål under SoL or
// LSS, and every lex Sarah (a SoL/LSS matter whatever lagrum the export gave). HSL: avvikelser and
// klagomål under HSL, every lex Maria and every extern avvikelse.
enum class AvvikelseDel { SolLss, Hsl };
AvvikelseDel avvikelseDel(const AvvikelseRecord& record);

// The rows of the SoL/LSS Översikt, in their order.
enum class OversiktTyp { Avvikelse = 0, Klagomal = 1, LexSarah = 2 };
constexpr std::size_t kOversiktTyper = 3;
// nullopt for a record of the HSL part.
std::optional<OversiktTyp> oversiktTyp(const AvvikelseRecord& record);

// An HSL avvikelse proper (typ Avvikelse under HSL): what "avvikelser enligt HSL" counts and
// what the HSL kategorier divide.
bool isHslAvvikelse(const AvvikelseRecord& record);

bool registeredIn(const AvvikelseRecord& record, const HalfYearPeriod& span);

// The earliest registration date of the records (of one part, or of all): where the registers
// start. A span that ends before it is not reached by them, and a count of it would read 0 as if
// nothing had happened. nullopt when there is no such record.
std::optional<CalendarDate> firstRegistered(std::span<const AvvikelseRecord> records,
                                            std::optional<AvvikelseDel> del = std::nullopt);
// Whether registers starting at `first` reach `span` (its last day is on or after `first`).
bool reachedFrom(const std::optional<CalendarDate>& first, const HalfYearPeriod& span);

// The same half (or whole) year one year earlier.
HalfYearPeriod sameSpanYearBefore(HalfYearPeriod span);

// The Översikt's columns in chronological order: Helår of each of the `earlierYears` years before
// the period, the same half-year of the year before placed just before that year's Helår, then
// the period itself. 2022H1 with 3 earlier years: Helår 2019, Helår 2020, Halvår 2021, Helår
// 2021, Halvår 2022. A whole-year period has only Helår columns.
std::vector<HalfYearPeriod> oversiktSpans(HalfYearPeriod period, int earlierYears);

struct OversiktCounts {
  std::vector<HalfYearPeriod> spans;
  std::vector<std::array<std::int64_t, kOversiktTyper>> byTyp;  // one per span
  // Every SoL/LSS record registered in the span, counted apart from the rows (for the check
  // that the rows add up to it).
  std::vector<std::int64_t> solLssRecords;
  std::int64_t rowSum(std::size_t span) const;
};
OversiktCounts countOversikt(std::span<const AvvikelseRecord> records,
                             const std::vector<HalfYearPeriod>& spans);

// The totals of one span for the Sammanfattning. The grand total is the SoL/LSS part (the
// Översikt's Totalt) plus the HSL avvikelser; HSL klagomål, lex Maria and externa are reported
// on their own and are not in it.
struct AvvikelseTotals {
  std::int64_t solLss = 0;
  std::int64_t hslAvvikelser = 0;
  std::int64_t hslKlagomal = 0;
  std::int64_t lexMaria = 0;
  std::int64_t externFranKommunen = 0;  // sent by the kommun to another vårdgivare
  std::int64_t externTillKommunen = 0;  // received from another vårdgivare
  std::int64_t grand() const { return solLss + hslAvvikelser; }
};
AvvikelseTotals countTotals(std::span<const AvvikelseRecord> records, const HalfYearPeriod& span);

// Records registered after the period's end whose händelsedatum is on or before it: they are
// counted in the next report, and the footnote says how many. With `del`, only the records of
// that part (each table's footnote counts its own register's late reports).
std::int64_t countRegisteredAfter(std::span<const AvvikelseRecord> records,
                                  const HalfYearPeriod& period,
                                  std::optional<AvvikelseDel> del = std::nullopt);

// Which of a set of records come from a register without an optional column: a figure that
// depends on the column cannot count those. `none()`: not one record of the set can tell (the
// figure reads "uppgift saknas"); `partial()`: some can (the figure counts them, footnoted).
struct ColumnCoverage {
  std::int64_t records = 0;
  std::int64_t without = 0;               // records whose file lacks the column
  std::vector<std::string> filesWithout;  // those files, in the order first met
  bool none() const { return records > 0 && without == records; }
  bool partial() const { return without > 0 && without < records; }
};
bool hasColumn(const AvvikelseRecord& record, AvvikelseColumn column);
ColumnCoverage columnCoverage(std::span<const AvvikelseRecord> records, AvvikelseColumn column,
                              const std::function<bool(const AvvikelseRecord&)>& counted);

// HSL avvikelser per kategori, this span and the same span a year earlier. Ordered by the
// current count (most first), then the earlier count, then name; the records without a kategori
// ("") come last.
struct KategoriCount {
  std::string kategori;
  std::int64_t current = 0;
  std::int64_t previous = 0;
};
std::vector<KategoriCount> countHslKategorier(std::span<const AvvikelseRecord> records,
                                              const HalfYearPeriod& span);

// Kategori names are compared folded (core/category_name.hpp): "fall/fallolycka" =
// "Fall/Fallolycka".
bool sameKategori(std::string_view a, std::string_view b);

// Facts of the HSL avvikelser of one kategori (fall) in a span. Unique persons count the
// distinct non-zero person hashes; records without a person (the file has the column, the cell
// is empty) are counted apart. A record from a file without the person column or a flag column
// is in none of those counts (see columnCoverage).
struct FallFacts {
  std::int64_t count = 0;
  std::int64_t persons = 0;
  std::int64_t withoutPerson = 0;
  std::int64_t hoftbyxa = 0;
  std::int64_t ganghjalpmedel = 0;
  std::int64_t fraktur = 0;
};
FallFacts countFall(std::span<const AvvikelseRecord> records, const HalfYearPeriod& span,
                    std::string_view fallKategori);

// Externa avvikelser of a span per other vårdgivare, in name order ("" = not given, last).
// Records from a file without the extern_part column are one entry with partSaknas set (last);
// those from a file without the riktning column are counted in riktningSaknas.
struct ExternCount {
  std::string part;
  bool partSaknas = false;
  std::int64_t franKommunen = 0;
  std::int64_t tillKommunen = 0;
  std::int64_t utanRiktning = 0;    // the file has the riktning column, the cell is empty
  std::int64_t riktningSaknas = 0;  // the file has no riktning column
};
std::vector<ExternCount> countExterna(std::span<const AvvikelseRecord> records,
                                      const HalfYearPeriod& span);

// Whole-percent shares. Each share is rounded on its own, half up (45,24 → 45, 11,9 → 12), so
// every printed share is the nearest whole percent of its own count; the shares may then sum to
// 99 or 101, which `percentSum` shows for a footnote. Items ordered by count (most first), then
// name in Swedish alphabetical order.
struct Share {
  std::string name;
  std::int64_t count = 0;
  std::int64_t percent = 0;
};
struct Shares {
  std::vector<Share> items;
  std::int64_t total = 0;
  std::int64_t percentSum = 0;
};
Shares wholePercentShares(const std::map<std::string, std::int64_t>& counts);
// count / total in whole percent, half up; total > 0.
std::int64_t wholePercentHalfUp(std::int64_t count, std::int64_t total);

}  // namespace namnd
