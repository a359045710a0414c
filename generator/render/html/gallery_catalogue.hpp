#pragma once
// What the gallery says about each report it found: a title, its kind and its period, and the
// order it lists them in — by kind in the order of a nämnd's year (the list "slag" in
// templates/text/galleri.json), then by period, newest first.

#include <cstdint>
#include <string>
#include <vector>

#include "core/period.hpp"
#include "render/html/gallery_scan.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct GalleryEntry {
  ReportFiles files;
  std::string title;         // the HTML page's title, else the file name (valid UTF-8)
  std::string kind;          // "Månadsrapport" …, or the texts' "ovrigt" for anything else
  std::size_t kindRank = 0;  // position in "slag"; other kinds after them all
  std::string periodLabel;  // "oktober 2025", "31 augusti 2025", "första halvåret 2025"; or empty
  std::int64_t periodEnd = 0;  // the period's last day as YYYYMMDD; 0 when the name has none
};

// The kind comes from the file name's first word ("manadsrapport-202510" → "Månadsrapport"),
// else from the title's first word; the period from the first later word of the file name that
// reads as one: ÅÅÅÅMM, ÅÅÅÅMMDD, ÅÅÅÅH1, ÅÅÅÅH2 or ÅÅÅÅ. Throws ConfigError for texts missing
// from `texts`.
std::vector<GalleryEntry> catalogueReports(std::vector<ReportFiles> reports,
                                           const ReportTexts& texts);

// A month as the gallery writes periods: "oktober 2025" (the texts' "perioder.manad").
std::string galleryMonthLabel(Period month, const ReportTexts& texts);

}  // namespace namnd
