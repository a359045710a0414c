#include "ingest/hr_reader.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "core/number_parse.hpp"
#include "support/csv_text_source.hpp"
#include "support/import_expectations.hpp"

namespace namnd {
namespace {

HrImport readHrText(const std::string& text) {
  testing::CsvTextSource source(text, "hr.csv");
  return readHr(source, "cafe");
}

using HrRow = std::tuple<std::string, int, HrKind, std::int64_t, std::int64_t>;

std::vector<HrRow> rowsOf(const HrTable& hours) {
  std::vector<HrRow> rows;
  for (const auto& [key, amount] : hours)
    rows.emplace_back(key.ansvar, key.period.code(), key.kind, amount.centihours, amount.ore);
  return rows;
}

using testing::Rejection;
using testing::rejections;

TEST(HrReader, ReadsHoursExactlyAndSumsRowsOfOneKey) {
  const HrImport hr = readHrText(
      "period;ansvar;typ;timmar;belopp\n"
      "202501;2110;Övertid;12,25;4 532,50\n"  // 1 225 centihours
      "202501;2110;overtid;0,75;250\n"        // the same key: summed
      "202501;2110;Ej tillsatt;8;\n"
      "202501;2210;ej-tillsatt;1.5;\n"  // decimal point too
      "202502;2210;TIMAVLÖNAD;310;\n"
      "202502;3120;Inhyrd;160,00;152 000\n"
      "202502;2210;Frånvaro;-4,5;\n");  // a correction
  const std::vector<HrRow> expected = {
      {"2110", 202501, HrKind::Overtid, 1'225 + 75, 453'250 + 25'000},
      {"2110", 202501, HrKind::EjTillsatt, 800, 0},
      {"2210", 202501, HrKind::EjTillsatt, 150, 0},
      {"2210", 202502, HrKind::Timavlonad, 31'000, 0},
      {"2210", 202502, HrKind::Franvaro, -450, 0},
      {"3120", 202502, HrKind::Inhyrd, 16'000, 15'200'000},
  };
  EXPECT_EQ(rowsOf(hr.hours), expected);

  const ImportSummary& summary = hr.summary;
  EXPECT_EQ(summary.kind, SourceKind::Hr);
  EXPECT_EQ(summary.sourcePath, "hr.csv");
  EXPECT_EQ(summary.fileHash, "cafe");
  EXPECT_EQ(summary.rowsRead, 7);
  EXPECT_EQ(summary.rowsAccepted, 7);
  EXPECT_TRUE(summary.rejected.empty());
  EXPECT_EQ(summary.acceptedOre, 453'250 + 25'000 + 15'200'000);
  EXPECT_EQ(summary.rejectedOre, 0);
  ASSERT_EQ(summary.periodTotals.size(), 2u);
  EXPECT_EQ(summary.periodTotals[0].period, 202501);
  EXPECT_EQ(summary.periodTotals[0].rows, 4);
  EXPECT_EQ(summary.periodTotals[0].ore, 478'250);
  EXPECT_EQ(summary.periodTotals[1].rows, 3);
  EXPECT_EQ(summary.periodTotals[1].ore, 15'200'000);
  // 12,25 + 0,75 + 8 + 1,5 + 310 + 160 − 4,5 = 488 h, by kind in the order of the design.
  EXPECT_EQ(summary.notes,
            std::vector<std::string>{
                "Timmar: Σ 488,00\u00A0h i godkända rader (övertid 13,00\u00A0h, timavlönade "
                "310,00\u00A0h, inhyrd personal 160,00\u00A0h, ej tillsatt tid 9,50\u00A0h, "
                "frånvaro -4,50\u00A0h)."});
  EXPECT_EQ(summary.warnings,
            std::vector<std::string>{"Rader med negativa timmar: 1 (Σ -4,50\u00A0h); de räknas som "
                                     "rättelser och dras av från summan."});
}

TEST(HrReader, RejectsBadRowsWithPlaceAndSwedishReason) {
  const HrImport hr = readHrText(
      "period;ansvar;typ;timmar;belopp\n"
      "202501;2110;semester;8;\n"          // line 2: unknown typ
      "202501;2110;overtid;12,345;\n"      // line 3: three decimals
      "202501;2110;overtid;;\n"            // line 4: no hours
      "2025-01;2110;overtid;1;\n"          // line 5: not YYYYMM
      "202501;;overtid;1;\n"               // line 6: no ansvar
      "202501;2110;overtid;2;tio\n"        // line 7: belopp unreadable
      "202501;2110;mertid;5,5;1 000,50\n"  // line 8: accepted
      "202501;2110;;3;100\n");             // line 9: no typ; its 100 kr and 3 h are counted
  const ImportSummary& summary = hr.summary;
  EXPECT_EQ(rejections(summary), (std::vector<Rejection>{{"hr.csv", 2, "typ"},
                                                         {"hr.csv", 3, "timmar"},
                                                         {"hr.csv", 4, "timmar"},
                                                         {"hr.csv", 5, "period"},
                                                         {"hr.csv", 6, "ansvar"},
                                                         {"hr.csv", 7, "belopp"},
                                                         {"hr.csv", 9, "typ"}}));
  std::string threeDecimals;
  ASSERT_FALSE(parseAmountOre("12,345", &threeDecimals));
  std::string notANumber;
  ASSERT_FALSE(parseAmountOre("tio", &notANumber));
  std::vector<std::string> reasons;
  for (const RejectedRow& row : summary.rejected) reasons.push_back(row.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{
                         "okänd typ \"semester\" (tillåtna: overtid, mertid, timavlonad, inhyrd, "
                         "ej_tillsatt, arbetad, franvaro)",
                         "ogiltigt antal timmar \"12,345\": " + threeDecimals,
                         "timmar saknas",
                         "ogiltig period \"2025-01\" (ÅÅÅÅMM väntades)",
                         "ansvar saknas",
                         "ogiltigt belopp \"tio\": " + notANumber,
                         "typ saknas",
                     }));
  EXPECT_EQ(summary.rowsRead, 8);
  EXPECT_EQ(summary.rowsAccepted, 1);
  EXPECT_EQ(summary.acceptedOre, 100'050);
  EXPECT_EQ(summary.rejectedOre, 10'000);
  EXPECT_EQ(rowsOf(hr.hours), (std::vector<HrRow>{{"2110", 202501, HrKind::Mertid, 550, 100'050}}));
  // Readable hours of rejected rows: 8 + 1 + 1 + 2 + 3 = 15 h.
  EXPECT_EQ(summary.notes,
            std::vector<std::string>{"Timmar: Σ 5,50\u00A0h i godkända rader (mertid 5,50\u00A0h); "
                                     "Σ 15,00\u00A0h i avvisade rader."});
  EXPECT_TRUE(summary.warnings.empty());
}

TEST(HrReader, KindIsFoldedAsExportsWriteIt) {
  const std::vector<std::pair<std::string, HrKind>> spellings = {
      {"overtid", HrKind::Overtid},         {"Övertid", HrKind::Overtid},
      {"ÖVERTID", HrKind::Overtid},         {"Mertid", HrKind::Mertid},
      {"Timavlönad", HrKind::Timavlonad},   {"timavlonad", HrKind::Timavlonad},
      {"Inhyrd", HrKind::Inhyrd},           {"Ej tillsatt", HrKind::EjTillsatt},
      {"ej-tillsatt", HrKind::EjTillsatt},  {"EJ_TILLSATT", HrKind::EjTillsatt},
      {"ej  tillsatt", HrKind::EjTillsatt}, {"Arbetad", HrKind::Arbetad},
      {"Frånvaro", HrKind::Franvaro},       {"FRÅNVARO", HrKind::Franvaro},
  };
  for (const auto& [text, kind] : spellings)
    EXPECT_EQ(hrKindFromExport(text), std::optional<HrKind>(kind)) << text;
  for (const char* text : {"", "semester", "övertid2", "ejtillsatt", "över tid", "tim-avlönad"})
    EXPECT_EQ(hrKindFromExport(text), std::nullopt) << text;
}

TEST(HrReader, AliasedHeadersAndNoBeloppColumn) {
  const HrImport hr = readHrText(
      "Månad;Ansvarskod;Tidtyp;Antal timmar\n"
      "202503;5310;Mertid;7,25\n");
  EXPECT_EQ(rowsOf(hr.hours), (std::vector<HrRow>{{"5310", 202503, HrKind::Mertid, 725, 0}}));
  EXPECT_EQ(hr.summary.acceptedOre, 0);
}

TEST(HrReader, MissingHoursColumnRefusesTheFile) {
  const auto error = testing::thrown<InputError>(
      [] { readHrText("period;ansvar;typ;belopp\n202501;2110;overtid;100\n"); });
  EXPECT_TRUE(testing::mentions(error, {"hr.csv", "timmar"}));
}

}  // namespace
}  // namespace namnd
