#include "aggregate/avvikelse_counts.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "aggregate/avvikelse_units.hpp"
#include "core/category_name.hpp"

namespace namnd {

AvvikelseDel avvikelseDel(const AvvikelseRecord& record) {
  switch (record.typ) {
    case AvvikelseTyp::LexSarah:
      return AvvikelseDel::SolLss;
    case AvvikelseTyp::LexMaria:
    case AvvikelseTyp::Extern:
      return AvvikelseDel::Hsl;
    case AvvikelseTyp::Avvikelse:
    case AvvikelseTyp::Klagomal:
      break;
  }
  return record.lagrum == Lagrum::HSL ? AvvikelseDel::Hsl : AvvikelseDel::SolLss;
}

std::optional<OversiktTyp> oversiktTyp(const AvvikelseRecord& record) {
  if (avvikelseDel(record) != AvvikelseDel::SolLss) return std::nullopt;
  switch (record.typ) {
    case AvvikelseTyp::Avvikelse:
      return OversiktTyp::Avvikelse;
    case AvvikelseTyp::Klagomal:
      return OversiktTyp::Klagomal;
    default:
      return OversiktTyp::LexSarah;
  }
}

bool isHslAvvikelse(const AvvikelseRecord& record) {
  return record.typ == AvvikelseTyp::Avvikelse && record.lagrum == Lagrum::HSL;
}

bool registeredIn(const AvvikelseRecord& record, const HalfYearPeriod& span) {
  return span.contains(record.registrerad);
}

std::optional<CalendarDate> firstRegistered(std::span<const AvvikelseRecord> records,
                                            std::optional<AvvikelseDel> del) {
  std::optional<CalendarDate> first;
  for (const AvvikelseRecord& r : records)
    if ((!del || avvikelseDel(r) == *del) && (!first || r.registrerad < *first))
      first = r.registrerad;
  return first;
}

bool reachedFrom(const std::optional<CalendarDate>& first, const HalfYearPeriod& span) {
  return first && !(span.last() < *first);
}

HalfYearPeriod sameSpanYearBefore(HalfYearPeriod span) { return {span.year - 1, span.half}; }

std::vector<HalfYearPeriod> oversiktSpans(HalfYearPeriod period, int earlierYears) {
  std::vector<HalfYearPeriod> spans;
  for (int back = std::max(earlierYears, 0); back >= 1; --back) {
    const int year = period.year - back;
    if (back == 1 && period.half != 0) spans.push_back({year, period.half});
    spans.push_back({year, 0});
  }
  spans.push_back(period);
  return spans;
}

std::int64_t OversiktCounts::rowSum(std::size_t span) const {
  std::int64_t sum = 0;
  for (std::int64_t n : byTyp.at(span)) sum += n;
  return sum;
}

OversiktCounts countOversikt(std::span<const AvvikelseRecord> records,
                             const std::vector<HalfYearPeriod>& spans) {
  OversiktCounts counts;
  counts.spans = spans;
  counts.byTyp.assign(spans.size(), {});
  counts.solLssRecords.assign(spans.size(), 0);
  for (const AvvikelseRecord& r : records) {
    const std::optional<OversiktTyp> typ = oversiktTyp(r);
    for (std::size_t s = 0; s < spans.size(); ++s) {
      if (!registeredIn(r, spans[s])) continue;
      if (avvikelseDel(r) == AvvikelseDel::SolLss) ++counts.solLssRecords[s];
      if (typ) ++counts.byTyp[s][static_cast<std::size_t>(*typ)];
    }
  }
  return counts;
}

AvvikelseTotals countTotals(std::span<const AvvikelseRecord> records, const HalfYearPeriod& span) {
  AvvikelseTotals totals;
  for (const AvvikelseRecord& r : records) {
    if (!registeredIn(r, span)) continue;
    if (avvikelseDel(r) == AvvikelseDel::SolLss) {
      ++totals.solLss;
      continue;
    }
    switch (r.typ) {
      case AvvikelseTyp::Avvikelse:
        ++totals.hslAvvikelser;
        break;
      case AvvikelseTyp::Klagomal:
        ++totals.hslKlagomal;
        break;
      case AvvikelseTyp::LexMaria:
        ++totals.lexMaria;
        break;
      case AvvikelseTyp::Extern:
        if (r.riktning == Riktning::FranKommunen) ++totals.externFranKommunen;
        if (r.riktning == Riktning::TillKommunen) ++totals.externTillKommunen;
        break;
      case AvvikelseTyp::LexSarah:
        break;
    }
  }
  return totals;
}

std::int64_t countRegisteredAfter(std::span<const AvvikelseRecord> records,
                                  const HalfYearPeriod& period, std::optional<AvvikelseDel> del) {
  const CalendarDate last = period.last();
  return std::count_if(records.begin(), records.end(), [&](const AvvikelseRecord& r) {
    return last < r.registrerad && r.handelse && *r.handelse <= last &&
           (!del || avvikelseDel(r) == *del);
  });
}

bool hasColumn(const AvvikelseRecord& record, AvvikelseColumn column) {
  return (record.columns & column) != 0;
}

ColumnCoverage columnCoverage(std::span<const AvvikelseRecord> records, AvvikelseColumn column,
                              const std::function<bool(const AvvikelseRecord&)>& counted) {
  ColumnCoverage coverage;
  for (const AvvikelseRecord& r : records) {
    if (!counted(r)) continue;
    ++coverage.records;
    if (hasColumn(r, column)) continue;
    ++coverage.without;
    if (std::find(coverage.filesWithout.begin(), coverage.filesWithout.end(), r.source) ==
        coverage.filesWithout.end())
      coverage.filesWithout.push_back(r.source);
  }
  return coverage;
}

std::vector<KategoriCount> countHslKategorier(std::span<const AvvikelseRecord> records,
                                              const HalfYearPeriod& span) {
  const HalfYearPeriod before = sameSpanYearBefore(span);
  std::map<std::string, KategoriCount> byName;
  for (const AvvikelseRecord& r : records) {
    if (!isHslAvvikelse(r)) continue;
    const bool now = registeredIn(r, span);
    const bool then = registeredIn(r, before);
    if (!now && !then) continue;
    KategoriCount& k = byName[r.kategori];
    k.kategori = r.kategori;
    k.current += now ? 1 : 0;
    k.previous += then ? 1 : 0;
  }
  std::vector<KategoriCount> result;
  for (auto& [name, count] : byName) result.push_back(count);
  std::sort(result.begin(), result.end(), [](const KategoriCount& a, const KategoriCount& b) {
    return std::make_tuple(a.kategori.empty(), -a.current, -a.previous, a.kategori) <
           std::make_tuple(b.kategori.empty(), -b.current, -b.previous, b.kategori);
  });
  return result;
}

bool sameKategori(std::string_view a, std::string_view b) {
  return foldCategoryName(a) == foldCategoryName(b);
}

FallFacts countFall(std::span<const AvvikelseRecord> records, const HalfYearPeriod& span,
                    std::string_view fallKategori) {
  FallFacts facts;
  std::set<std::uint64_t> persons;
  for (const AvvikelseRecord& r : records) {
    if (!isHslAvvikelse(r) || !registeredIn(r, span) || !sameKategori(r.kategori, fallKategori))
      continue;
    ++facts.count;
    if (r.person != 0)
      persons.insert(r.person);
    else if (hasColumn(r, kColumnPerson))
      ++facts.withoutPerson;
    if (r.flags & kHoftbyxa) ++facts.hoftbyxa;
    if (r.flags & kGanghjalpmedel) ++facts.ganghjalpmedel;
    if (r.flags & kFraktur) ++facts.fraktur;
  }
  facts.persons = static_cast<std::int64_t>(persons.size());
  return facts;
}

std::vector<ExternCount> countExterna(std::span<const AvvikelseRecord> records,
                                      const HalfYearPeriod& span) {
  // Keyed (no column, name): named parts in name order, "" (not given) after them, and the
  // records of files without the column last.
  std::map<std::pair<bool, std::string>, ExternCount> byPart;
  for (const AvvikelseRecord& r : records) {
    if (r.typ != AvvikelseTyp::Extern || !registeredIn(r, span)) continue;
    const bool saknas = !hasColumn(r, kColumnExternPart);
    ExternCount& c = byPart[{saknas, saknas ? std::string() : r.externPart}];
    c.part = saknas ? std::string() : r.externPart;
    c.partSaknas = saknas;
    if (!hasColumn(r, kColumnRiktning)) {
      ++c.riktningSaknas;
      continue;
    }
    switch (r.riktning) {
      case Riktning::FranKommunen:
        ++c.franKommunen;
        break;
      case Riktning::TillKommunen:
        ++c.tillKommunen;
        break;
      case Riktning::Ingen:
        ++c.utanRiktning;
        break;
    }
  }
  std::vector<ExternCount> result;
  for (auto& [key, count] : byPart)
    if (!key.first && !key.second.empty()) result.push_back(count);
  for (const auto& key : {std::pair<bool, std::string>{false, ""}, {true, ""}})
    if (const auto found = byPart.find(key); found != byPart.end()) result.push_back(found->second);
  return result;
}

std::int64_t wholePercentHalfUp(std::int64_t count, std::int64_t total) {
  return (200 * count + total) / (2 * total);
}

Shares wholePercentShares(const std::map<std::string, std::int64_t>& counts) {
  Shares shares;
  for (const auto& [name, count] : counts) {
    if (count <= 0) continue;
    shares.items.push_back({name, count, 0});
    shares.total += count;
  }
  std::sort(shares.items.begin(), shares.items.end(), [](const Share& a, const Share& b) {
    return a.count != b.count ? a.count > b.count : swedishLess(a.name, b.name);
  });
  for (Share& s : shares.items) {
    s.percent = wholePercentHalfUp(s.count, shares.total);
    shares.percentSum += s.percent;
  }
  return shares;
}

}  // namespace namnd
