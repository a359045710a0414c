#include "support/sample_document.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <variant>

namespace namnd::testing {

Document sampleDocument() {
  Document doc;
  doc.kind = "testrapport";
  doc.title = "Månadsrapport oktober 2025";
  doc.meta = {"Exempelkommun",   "Socialnämnden", "Socialförvaltningen",
              "Anna Controller", "Oktober 2025",  "2025-10-31"};

  Table t;
  t.id = "omraden";
  t.title = "Verksamhetsområden";
  t.unitNote = "Belopp i tkr";
  t.columns = {{"Område", ColumnKind::Text, 0},       {"Ack budget", ColumnKind::Amount, 0},
               {"Ack utfall", ColumnKind::Amount, 0}, {"Avvikelse", ColumnKind::Amount, 0},
               {"Förbrukat", ColumnKind::Percent, 1}, {"Antal", ColumnKind::Count, 0}};
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  t.rows = {
      {RowKind::Item,
       1,
       {std::string("Äldreomsorg <script>alert(1)</script> & \"citat\""), std::int64_t{100'225},
        std::int64_t{123'379}, std::int64_t{-23'154}, 1.231, std::int64_t{1'042}}},
      {RowKind::Item,
       1,
       {std::string("Individ- och familjeomsorg"), std::int64_t{50'225}, std::int64_t{38'512},
        std::int64_t{11'713}, std::monostate{}, std::string("–")}},
      {RowKind::Item,
       2,
       {std::string("=2+3"), std::int64_t{0}, std::int64_t{-62'876}, std::int64_t{62'876}, nan,
        std::int64_t{3}}},
      {RowKind::Subtotal,
       0,
       {std::string("Summa verksamhet"), std::int64_t{150'451}, std::int64_t{99'015},
        std::int64_t{51'436}, 0.658, std::int64_t{1'045}}},
      {RowKind::Total,
       0,
       {std::string("Nämnden totalt"), std::int64_t{150'452}, std::int64_t{99'015},
        std::int64_t{51'437}, -0.0154, std::int64_t{1'045}}},
  };
  t.footnotes = {"Prognosen lämnades 202508.", "Färre än 5 personer visas som –."};
  doc.sections.emplace_back(t);

  doc.sections.emplace_back(TextSection{"kommentar",
                                        "Kommentar",
                                        {"Prognosen visar ett underskott på 23 mnkr."},
                                        {"Åtgärdsplan <b>beslutad</b>"}});
  doc.sections.emplace_back(
      CheckSection{"kontroller",
                   "Kontroller",
                   {{"Σ huvudbok = Σ redovisat", "173 605 400,00 kr", CheckStatus::Ok},
                    {"Ej mappade konton", "2 konton", CheckStatus::Warning},
                    {"Periodens budget saknas", "ansvar 4100", CheckStatus::Error}}});
  return doc;
}

Chart sampleChart() {
  Chart chart;
  chart.id = "overtid_inhyrd";
  chart.title = "Övertid och inhyrd personal KPV";
  chart.description =
      "Timmar per månad januari–oktober 2025: övertidsersättning och inhyrd bemanning.";
  chart.valueAxis = "Timmar";
  chart.kind = ChartKind::Column;
  chart.decimals = 0;
  chart.categories = {"Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt"};
  chart.series = {
      {"Övertidsersättning, timmar",
       {1853, 1204, 980, 1100, 1500, 2877, 3012, 2100, std::nullopt, 1450}},
      {"Inhyrd bemanning, timmar", {400, 350, 300, 280, 500, 900, 1200, 800, 600, 550}},
  };
  chart.footnotes = {"Uppgift om övertid för september saknas."};
  return chart;
}

Document chartDocument(const Chart& chart) {
  Document doc;
  doc.kind = "testrapport";
  doc.title = "Månadsrapport oktober 2025";
  doc.meta = {"Exempelkommun",   "Socialnämnden", "Socialförvaltningen",
              "Anna Controller", "Oktober 2025",  "2025-10-31"};
  doc.sections.emplace_back(chart);
  return doc;
}

}  // namespace namnd::testing
