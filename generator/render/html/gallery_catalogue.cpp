#include "render/html/gallery_catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <tuple>

#include "core/period.hpp"
#include "core/placeholders.hpp"
#include "render/html/utf8_text.hpp"

namespace namnd {
namespace {

struct PeriodOfName {
  std::string label;
  std::int64_t end = 0;
};

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

int number(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool isYear(std::string_view text) {
  return text.size() == 4 && allDigits(text) && number(text) >= 1900 && number(text) <= 2999;
}

// One word of a file name as a period, or nullopt when it is none.
std::optional<PeriodOfName> periodOf(std::string_view word, const ReportTexts& texts) {
  PlaceholderValues values;
  if (word.size() == 6 && allDigits(word)) {  // ÅÅÅÅMM
    const auto period = Period::parse(word);
    if (!period) return std::nullopt;
    return PeriodOfName{galleryMonthLabel(*period, texts),
                        std::int64_t{period->code()} * 100 + period->lastDay()};
  }
  if (word.size() == 8 && allDigits(word)) {  // ÅÅÅÅMMDD
    const std::string iso = std::string(word.substr(0, 4)) + "-" + std::string(word.substr(4, 2)) +
                            "-" + std::string(word.substr(6, 2));
    const auto period = Period::fromIsoDate(iso);
    if (!period) return std::nullopt;
    addPeriodPlaceholders(values, "period", *period);
    values["dag"] = std::to_string(number(word.substr(6, 2)));
    return PeriodOfName{texts.text("perioder.dag", values), number(word)};
  }
  if (word.size() == 6 && isYear(word.substr(0, 4)) && (word[4] == 'H' || word[4] == 'h') &&
      (word[5] == '1' || word[5] == '2')) {  // ÅÅÅÅH1, ÅÅÅÅH2
    const int year = number(word.substr(0, 4));
    values["ar"] = std::to_string(year);
    const bool first = word[5] == '1';
    return PeriodOfName{texts.text(first ? "perioder.halvar_1" : "perioder.halvar_2", values),
                        std::int64_t{year} * 10000 + (first ? 630 : 1231)};
  }
  if (isYear(word)) {  // ÅÅÅÅ
    values["ar"] = std::string(word);
    return PeriodOfName{texts.text("perioder.helar", values),
                        std::int64_t{number(word)} * 10000 + 1231};
  }
  return std::nullopt;
}

std::vector<std::string_view> words(std::string_view name, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = name.find(separator);
    parts.push_back(name.substr(0, at));
    if (at == std::string_view::npos) return parts;
    name.remove_prefix(at + 1);
  }
}

}  // namespace

std::string galleryMonthLabel(Period month, const ReportTexts& texts) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", month);
  return texts.text("perioder.manad", values);
}

std::vector<GalleryEntry> catalogueReports(std::vector<ReportFiles> reports,
                                           const ReportTexts& texts) {
  // (file-name word, the kind's name), in the order of a nämnd's year.
  const auto kinds = texts.pairs("slag", "filnamn", "namn");
  const std::string otherKind = texts.text("ovrigt", {});

  std::vector<GalleryEntry> entries;
  entries.reserve(reports.size());
  for (ReportFiles& files : reports) {
    GalleryEntry entry;
    const std::string_view name = lastPathPart(files.stem);
    const std::vector<std::string_view> nameWords = words(name, '-');
    const std::string_view titleWord = words(files.title, ' ').front();

    entry.kindRank = kinds.size();
    entry.kind = otherKind;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      if (nameWords.front() == kinds[k].first) {
        entry.kindRank = k;
        entry.kind = kinds[k].second;
        break;
      }
    }
    for (std::size_t k = 0; entry.kindRank == kinds.size() && k < kinds.size(); ++k) {
      if (!titleWord.empty() && titleWord == kinds[k].second) {
        entry.kindRank = k;
        entry.kind = kinds[k].second;
      }
    }
    for (std::size_t w = 1; w < nameWords.size(); ++w) {
      if (const auto period = periodOf(nameWords[w], texts)) {
        entry.periodLabel = period->label;
        entry.periodEnd = period->end;
        break;
      }
    }
    entry.title = files.title.empty() ? withValidUtf8(name) : files.title;
    entry.files = std::move(files);
    entries.push_back(std::move(entry));
  }

  std::sort(entries.begin(), entries.end(), [](const GalleryEntry& a, const GalleryEntry& b) {
    return std::tie(a.kindRank, b.periodEnd, a.files.stem) <
           std::tie(b.kindRank, a.periodEnd, b.files.stem);
  });
  return entries;
}

}  // namespace namnd
