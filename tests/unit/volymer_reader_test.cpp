// The volymer file: values per mått, ansvar and month, exact in hundredths; a bad row refuses
// the file with file, line, column and a Swedish reason.

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

VolymImport readCsv(const testing::TempDir& dir, const std::string& csv) {
  testing::writeFile(dir / "volymer.csv", csv);
  InputFile file;
  file.path = dir / "volymer.csv";
  file.displayName = "volymer.csv";
  const auto source = openTabularSource(file);
  return readVolymer(*source);
}

std::optional<InputError> badRow(const std::string& csv) {
  testing::TempDir dir;
  return testing::thrown<InputError>([&] { readCsv(dir, csv); });
}

TEST(VolymMeasureCode, FoldsCaseSwedishLettersAndSeparators) {
  EXPECT_EQ(volymMeasureCode("Utförd tid"), "utford_tid");
  EXPECT_EQ(volymMeasureCode("  Anställda "), "anstallda");
  EXPECT_EQ(volymMeasureCode("heltids-anställda"), "heltids_anstallda");
  EXPECT_EQ(volymMeasureCode("Invånare"), "invanare");
  EXPECT_EQ(volymMeasureCode("placeringsdygn"), "placeringsdygn");
  EXPECT_FALSE(volymMeasureCode("andel(x)"));
  EXPECT_FALSE(volymMeasureCode("   "));
}

TEST(VolymerReader, ReadsValuesExactlyWithAndWithoutAnsvar) {
  testing::TempDir dir;
  const VolymImport read = readCsv(dir,
                                   "Period;Mått;Ansvar;Värde\n"
                                   "202508;Anställda;2110;52\n"
                                   "202508;anstallda;2120;30\n"
                                   "202508;Utförd tid;2210;5 123,75\n"
                                   "202508;Invånare;;9 412\n"
                                   "202507;utford_tid;2210;4987.5\n");
  EXPECT_EQ(read.summary.rowsRead, 5);
  EXPECT_EQ(read.summary.rowsAccepted, 5);
  const VolymTable& table = read.table;
  EXPECT_EQ(table.size(), 5u);
  EXPECT_EQ(table.value("anstallda", "2110", Period(2025, 8)), 5'200);  // hundredths
  EXPECT_EQ(table.value("utford_tid", "2210", Period(2025, 8)), 512'375);
  EXPECT_EQ(table.value("utford_tid", "2210", Period(2025, 7)), 498'750);
  EXPECT_EQ(table.value("invanare", "", Period(2025, 8)), 941'200);
  EXPECT_EQ(table.totalAt("anstallda", Period(2025, 8)), (52 + 30) * 100);
  EXPECT_FALSE(table.totalAt("anstallda", Period(2025, 7)));
  EXPECT_EQ(table.measures(), (std::vector<std::string>{"anstallda", "invanare", "utford_tid"}));
  EXPECT_EQ(table.periods("utford_tid"), (std::vector<Period>{Period(2025, 7), Period(2025, 8)}));
}

TEST(VolymerReader, AnsvarIsOptional) {
  testing::TempDir dir;
  const VolymImport read = readCsv(dir, "period;matt;varde\n202501;invanare;9468\n");
  EXPECT_EQ(read.table.value("invanare", "", Period(2025, 1)), 946'800);
}

TEST(VolymerReader, EachBadRowNamesFileLineColumnAndReason) {
  const std::string header = "period;matt;ansvar;varde\n";
  struct Case {
    std::string rows;
    std::int64_t line;
    std::string column;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"2025-08;anstallda;2110;52\n", 2, "period", "ogiltig period \"2025-08\" (ÅÅÅÅMM väntades)"},
      {"202508;;2110;52\n", 2, "matt", "matt saknas"},
      {"202508;anställda (st);2110;52\n", 2, "matt",
       "ogiltigt mått \"anställda (st)\" (bokstäver, siffror, mellanslag och _)"},
      {"202508;anstallda;2110;\n", 2, "varde", "varde saknas"},
      {"202508;anstallda;2110;femtio\n", 2, "varde",
       "ogiltigt värde \"femtio\": inte ett tal (en siffra väntades)"},
      {"202508;anstallda;2110;52\n202508;Anställda;2110;53\n", 3, "matt",
       "måttet anstallda för ansvar 2110 och period 202508 finns redan på rad 2"},
      {"202508;invanare;;9412\n202508;invanare;;9413\n", 3, "matt",
       "måttet invanare utan ansvar för period 202508 finns redan på rad 2"},
      {"202508;invanare;;9412\n202508;invanare;2110;12\n", 3, "ansvar",
       "måttet invanare har för period 202508 både rader med och utan ansvar (rad 2): summan "
       "över ansvar skulle räkna totalen två gånger"},
      {"202508;anstallda;2110;52\n202513;anstallda;2110;5\n202508;;2120;3\n", 3, "period",
       "ogiltig period \"202513\" (ÅÅÅÅMM väntades) (och 1 rader till med fel)"},
  };
  for (const Case& c : cases) {
    const auto error = badRow(header + c.rows);
    ASSERT_TRUE(error) << c.rows;
    EXPECT_EQ(error->where().file, "volymer.csv") << c.rows;
    EXPECT_EQ(error->where().line, c.line) << c.rows;
    EXPECT_EQ(error->where().column, c.column) << c.rows;
    EXPECT_EQ(error->reason(), c.reason) << c.rows;
  }
}

TEST(VolymerReader, AMissingColumnIsAnErrorOnTheHeader) {
  const auto error = badRow("period;matt;ansvar\n202508;anstallda;2110\n");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().line, 1);
  EXPECT_TRUE(testing::mentions(error->what(), {"volymer.csv", "varde"}));
}

}  // namespace
}  // namespace namnd
