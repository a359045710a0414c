#pragma once
// The gallery page (output/index.html): every report in a folder with links to its HTML page,
// workbook and PDF, so that a new user sees at once what the tool makes. Self-contained like the
// reports: templates/html/galleri.mustache with templates/html/style.css inlined, texts from
// templates/text/galleri.json. The same reports give the same bytes (no sizes, no times).

#include <filesystem>
#include <string>
#include <vector>

#include "render/html/gallery_catalogue.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// Who the page is for. Without a config both names are empty and the heading names the folder.
struct GalleryHeading {
  std::string kommun;
  std::string namnd;
  std::string folderLabel;  // the folder as the user named it: "output"
};

// A table of reports under one caption: one per run of `namnd kor` (kommun, nämnd and period),
// and one for the reports outside every run (gallery_runs.hpp).
struct GalleryGroup {
  std::string caption;
  std::vector<GalleryEntry> entries;
};

// The page for `groups` (each in gallery order; a group without entries is left out). OutputError
// when the template or the style sheet is missing or does not parse; ConfigError for texts
// missing from `texts`.
std::string galleryPage(const std::vector<GalleryGroup>& groups, const GalleryHeading& heading,
                        const ReportTexts& texts, const std::filesystem::path& templatesDir);

// A relative path as a URL path: every byte but A–Z a–z 0–9 - . _ ~ and '/' percent-encoded, so
// that spaces, å and a ':' in a file name neither break the link nor make it a scheme.
std::string relativeHref(std::string_view relativePath);

}  // namespace namnd
