#pragma once
// The gallery's tables when `namnd kor` has made runs (issue 11): each run folder
// output/<kommun>/<nämnd>/<period>/ holds its run record (.namnd-korning.json), and the page shows
// the reports of each run as a table of their own, newest period first, so that a nämnd secretary
// finds this month's set at the top. Reports outside every run folder keep the one table the page
// has always had; a folder without runs gives exactly the page it gave before.

#include <filesystem>
#include <vector>

#include "render/html/gallery_page.hpp"
#include "render/html/gallery_scan.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// `reports` as findReports(folder) found them, grouped by run: a report belongs to the run of the
// nearest folder above it (up to and including `folder`) that holds a readable run record; a
// damaged record is no run. One group per run folder, captioned by the texts' "tabell.korning"
// ({kommun}, {namnd}, {period} = "oktober 2025"), ordered by period (newest first), kommun and
// nämnd (Swedish alphabetical order), then folder; the reports in no run folder last, under
// "tabell.rubrik". Inside a group the gallery's order (catalogueReports). Throws ConfigError for
// texts missing from `texts`.
std::vector<GalleryGroup> galleryGroups(const std::filesystem::path& folder,
                                        std::vector<ReportFiles> reports, const ReportTexts& texts);

}  // namespace namnd
