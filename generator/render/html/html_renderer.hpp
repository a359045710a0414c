#pragma once
// Document → one self-contained HTML page (inline CSS, no scripts, no external resources),
// printable on A4 landscape. The page comes from templates/html/<doc.kind>.mustache when it
// exists, else templates/html/document.mustache; templates/html/style.css is inlined. Every text
// from the Document goes through Mustache's HTML escaping. Numbers are formatted the Swedish way
// (NBSP thousands separator, decimal comma, hyphen-minus).

#include <filesystem>

#include "reports/model/document.hpp"

namespace namnd {

// Writes atomically (temp file + rename). OutputError when a template or the style sheet is
// missing or does not parse, or when writing fails.
void renderHtml(const Document& doc, const std::filesystem::path& templatesDir,
                const std::filesystem::path& outFile);

}  // namespace namnd
