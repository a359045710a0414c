#include "ingest/prognos_reader.hpp"

#include <gtest/gtest.h>

#include "support/csv_text_source.hpp"

#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace namnd {
namespace {

struct PrognosText {
  std::string text;
};
PrognosText prognosFile(std::string text) { return {std::move(text)}; }
PrognosImport readPrognos(const PrognosText& prognos) {
  testing::CsvTextSource source(prognos.text, "prognos.csv");
  return readPrognos(source, "beef");
}

TEST(PrognosReader, SnapshotsGroupedByPeriodInAscendingOrder) {
  const PrognosImport prognos = readPrognos(
      prognosFile("prognosperiod;ansvar;prognos;avvikelse;kommentar;atgard\n"
                  "202510;100;900;;;\n"
                  "202508;100;1 000;;Ökade kostnader för inhyrd personal;Översyn av schema\n"
                  "202508;AO;;-250,50;;\n"));
  ASSERT_EQ(prognos.snapshots.size(), 2u);

  const PrognosSnapshot& august = prognos.snapshots[0];
  EXPECT_EQ(august.period, Period(2025, 8));
  ASSERT_EQ(august.entries.size(), 2u);
  EXPECT_EQ(august.entries[0].node, "100");
  EXPECT_EQ(august.entries[0].prognosOre, std::optional<std::int64_t>(100'000));
  EXPECT_EQ(august.entries[0].avvikelseOre, std::nullopt);
  EXPECT_EQ(august.entries[0].kommentar, "Ökade kostnader för inhyrd personal");
  EXPECT_EQ(august.entries[0].atgard, "Översyn av schema");
  EXPECT_EQ(august.entries[1].node, "AO");
  EXPECT_EQ(august.entries[1].prognosOre, std::nullopt);
  EXPECT_EQ(august.entries[1].avvikelseOre, std::optional<std::int64_t>(-25'050));

  const PrognosSnapshot& october = prognos.snapshots[1];
  EXPECT_EQ(october.period, Period(2025, 10));
  ASSERT_EQ(october.entries.size(), 1u);
  EXPECT_EQ(october.entries[0].prognosOre, std::optional<std::int64_t>(90'000));

  EXPECT_EQ(prognos.summary.kind, SourceKind::Prognos);
  EXPECT_EQ(prognos.summary.rowsRead, 3);
  EXPECT_EQ(prognos.summary.rowsAccepted, 3);
  EXPECT_EQ(prognos.summary.acceptedOre, 90'000 + 100'000 - 25'050);
  EXPECT_TRUE(prognos.summary.rejected.empty());
}

TEST(PrognosReader, BothOrNeitherValueIsRejected) {
  const PrognosImport prognos =
      readPrognos(prognosFile("prognosperiod;ansvar;prognos;avvikelse\n"
                              "202508;100;;\n"       // line 2: neither
                              "202508;100;5;5\n"     // line 3: both
                              "202513;100;5;\n"      // line 4: bad period
                              "202508;;5;\n"         // line 5: no org node
                              "202508;100;fem;\n"    // line 6: bad amount
                              "202508;200;;-7\n"));  // line 7: accepted
  const auto& rejected = prognos.summary.rejected;
  ASSERT_EQ(rejected.size(), 5u);
  EXPECT_EQ(rejected[0].where.line, 2);
  EXPECT_EQ(rejected[1].where.line, 3);
  EXPECT_NE(rejected[0].reason, rejected[1].reason);  // each says what is wrong
  EXPECT_EQ(rejected[2].where.line, 4);
  EXPECT_EQ(rejected[2].where.column, "prognosperiod");
  EXPECT_EQ(rejected[3].where.line, 5);
  EXPECT_EQ(rejected[3].where.column, "ansvar");
  EXPECT_EQ(rejected[4].where.line, 6);
  EXPECT_EQ(rejected[4].where.column, "prognos");
  for (const RejectedRow& row : rejected) EXPECT_EQ(row.where.file, "prognos.csv");
  EXPECT_EQ(prognos.summary.rowsRead, 6);
  EXPECT_EQ(prognos.summary.rowsAccepted, 1);
  ASSERT_EQ(prognos.snapshots.size(), 1u);
  EXPECT_EQ(prognos.snapshots[0].entries[0].avvikelseOre, std::optional<std::int64_t>(-700));
}

TEST(PrognosReader, AliasesAndOnlyOneValueColumn) {
  const PrognosImport prognos =
      readPrognos(prognosFile("Period,Enhet,Helårsprognos\n"
                              "202508,HT,\"-27 800\"\n"));
  ASSERT_EQ(prognos.snapshots.size(), 1u);
  EXPECT_EQ(prognos.snapshots[0].entries[0].node, "HT");
  EXPECT_EQ(prognos.snapshots[0].entries[0].prognosOre, std::optional<std::int64_t>(-2'780'000));
}

TEST(PrognosReader, FileWithoutPrognosOrAvvikelseColumnIsRefused) {
  EXPECT_THROW(readPrognos(prognosFile("prognosperiod;ansvar;kommentar\n202508;100;x\n")),
               InputError);
  EXPECT_THROW(readPrognos(prognosFile("ansvar;prognos\n100;5\n")), InputError);
}

}  // namespace
}  // namespace namnd
