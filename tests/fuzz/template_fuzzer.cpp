// The template renderer: a Mustache page template (templates/html/*.mustache) rendered over a
// small document with every kind of section, and the placeholder expansion of text templates
// (core/placeholders). The input is the page template; after a NUL byte, a placeholder text.

#include <cstdint>
#include <string>

#include "core/placeholders.hpp"
#include "fuzz_support.hpp"
#include "render/html/html_renderer.hpp"

namespace {

namnd::Document sampleDocument() {
  using namespace namnd;
  Document doc;
  doc.kind = "manadsrapport";
  doc.title = "Månadsrapport oktober 2025 <script>alert(\"&\")</script>";
  doc.meta = {"Exempelby kommun",
              "Socialnämnden",
              "Socialförvaltningen",
              "Controller",
              "Oktober 2025",
              "2025-10-31",
              {{"Diarienummer", "SN 2025/112"}}};
  Table table;
  table.id = "omraden";
  table.title = "Verksamhetsområden";
  table.unitNote = "Belopp i tkr";
  table.columns = {{"Område", ColumnKind::Text, 0},
                   {"Budget", ColumnKind::Amount, 0},
                   {"Andel", ColumnKind::Percent, 1},
                   {"Timmar", ColumnKind::Decimal, 2},
                   {"Antal", ColumnKind::Count, 0}};
  table.rows = {
      {RowKind::Item,
       1,
       {std::string("Äldreomsorg & <HSL>"), std::int64_t{-1234}, 0.154, 12.5, std::int64_t{7}}},
      {RowKind::Total,
       0,
       {std::string("Summa"), std::int64_t{98765}, std::monostate{}, -0.5, std::int64_t{0}}}};
  table.footnotes = {"Not \"1\""};
  TextSection text{"analys", "Analys", {"Första stycket.", "Andra & sista."}, {"punkt <1>"}};
  CheckSection checks{"kontroller",
                      "Kontroller",
                      {{"Σ huvudbok", "1 kr = 1 kr", CheckStatus::Ok},
                       {"Omappat", "2 konton", CheckStatus::Warning}}};
  Chart chart;
  chart.id = "overtid";
  chart.title = "Övertid";
  chart.description = "Timmar per månad";
  chart.valueAxis = "Timmar";
  chart.categories = {"jan", "feb", "mar"};
  chart.series = {{"Övertid", {1.0, std::nullopt, 3.5}}, {"Inhyrd", {0.0, 2.0, -1.0}}};
  doc.sections = {table, text, checks, chart};
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view input = namnd::fuzz::asText(data, size);
  const std::size_t nul = input.find('\0');
  const std::string_view page = input.substr(0, nul);
  const std::string_view placeholderText =
      nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);

  static const namnd::Document doc = sampleDocument();
  const auto templates = namnd::fuzz::scratchDir() / "templates";
  namnd::fuzz::writeScratchFile("templates/html/document.mustache", page);
  namnd::fuzz::writeScratchFile("templates/html/style.css", "body { margin: 0 }\n");
  namnd::fuzz::expectTypedErrors("template_fuzzer", [&] {
    namnd::renderHtml(doc, templates, namnd::fuzz::scratchDir() / "ut" / "rapport.html");
  });

  namnd::PlaceholderValues values = {{"namnd", "Socialnämnden"}, {"kommun", "Exempelby"}};
  namnd::addPeriodPlaceholders(values, "period", namnd::Period(2025, 10));
  namnd::addPeriodPlaceholders(values, "per", namnd::Period(2025, 8));
  namnd::fuzz::expectTypedErrors("template_fuzzer", [&] {
    const std::string expanded = namnd::expandPlaceholders(placeholderText, values);
    // A text without braces has nothing to expand: it comes out as it went in.
    if (placeholderText.find_first_of("{}") == std::string_view::npos &&
        expanded != placeholderText)
      namnd::fuzz::finding("template_fuzzer", "text utan klamrar ändrades: " + expanded);
  });
  return 0;
}
