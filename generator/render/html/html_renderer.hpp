#pragma once
// Document → one self-contained HTML page (inline CSS and SVG, no scripts, no external
// resources), printable on A4: portrait, and landscape pages for tables too wide for portrait
// (estimated from their widest cells and header words).
// The page comes from templates/html/<doc.kind>.mustache when it exists, else
// templates/html/document.mustache; templates/html/style.css and templates/html/logo.svg (when it
// exists) are inlined. The title is the page's h1; a part of the document (PartHeading) is an h2
// with its sections as h3, and a section outside any part is an h2. Every text from the Document
// goes through Mustache's HTML escaping. Numbers are formatted the Swedish way (NBSP thousands
// separator, decimal comma, hyphen-minus).

#include <filesystem>

#include "reports/model/document.hpp"

namespace namnd {

// Writes atomically (temp file + rename). OutputError when a template or the style sheet is
// missing or does not parse, when the logo is not a plain SVG image, or when writing fails.
void renderHtml(const Document& doc, const std::filesystem::path& templatesDir,
                const std::filesystem::path& outFile);

}  // namespace namnd
