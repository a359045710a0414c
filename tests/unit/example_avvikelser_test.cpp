#include "cli/example_avvikelser.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "ingest/avvikelse/avvikelse_reader.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/table/csv_source.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::TempDir;

OrgTree exampleOrg() {
  CsvSource source(testing::repoPath("data/exempel/org.csv"), "org.csv");
  return readOrgTree(source);
}

// The registers as namnd.json names them: the workbook's sheet and its "Lagstöd" column.
AvvikelserSettings exampleSettings(const std::filesystem::path& dir) {
  AvvikelserSettings settings;
  settings.taxonomy = exampleAvvikelseTaxonomy();
  InputFile hsl;
  hsl.path = dir / "avvikelser-hsl.csv";
  hsl.displayName = "avvikelser-hsl.csv";
  InputFile sol;
  sol.path = dir / "avvikelser-sol-lss.xlsx";
  sol.displayName = "avvikelser-sol-lss.xlsx";
  sol.sheet = kExampleSolLssSheet;
  sol.columns = {{"lagrum", kExampleSolLssLagrumHeader}};
  settings.registers = {hsl, sol};
  return settings;
}

class ExampleAvvikelser : public ::testing::Test {
 protected:
  // Written and read once for the suite.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    writeExampleAvvikelser(dir_->path());
    registers_ = std::make_unique<AvvikelseRegisters>(
        readAvvikelseRegisters(exampleSettings(dir_->path()), exampleOrg()));
  }
  static void TearDownTestSuite() {
    registers_.reset();
    dir_.reset();
  }
  static const std::vector<AvvikelseRecord>& records() { return registers_->records; }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<AvvikelseRegisters> registers_;
};

bool isHsl(const AvvikelseRecord& r) { return r.lagrum == Lagrum::HSL; }

TEST_F(ExampleAvvikelser, SameBytesOnEveryRun) {
  TempDir other;
  writeExampleAvvikelser(other.path() / "ny-mapp");  // a missing folder is created
  for (const char* name : {"avvikelser-hsl.csv", "avvikelser-sol-lss.xlsx"})
    EXPECT_EQ(testing::readFile(dir_->path() / name),
              testing::readFile(other.path() / "ny-mapp" / name))
        << name;
  EXPECT_EQ(testing::entriesIn(other.path() / "ny-mapp"), 2);  // no temp file left behind
}

// Reading succeeds only when the example taxonomy maps every category spelling of both exports
// (the reader lists anything unmapped in an InputError), and every id is unique (no notes).
TEST_F(ExampleAvvikelser, EveryCategoryIsMappedAndEveryIdUnique) {
  EXPECT_TRUE(registers_->notes.empty());
  std::set<std::string> kategorier;
  std::set<std::string> handelsetyper;
  std::set<std::string> statuses;
  for (const AvvikelseRecord& r : records()) {
    if (isHsl(r) && r.typ == AvvikelseTyp::Avvikelse) {
      EXPECT_FALSE(r.kategori.empty()) << r.source << " rad " << r.line;
      kategorier.insert(r.kategori);
    }
    if (!isHsl(r)) {
      EXPECT_FALSE(r.handelsetyp.empty()) << r.source << " rad " << r.line;
      handelsetyper.insert(r.handelsetyp);
    }
    if (r.typ == AvvikelseTyp::LexMaria)  // the lex Maria list shows its HSL kategori
      EXPECT_FALSE(r.kategori.empty()) << r.source << " rad " << r.line;
    if (r.typ == AvvikelseTyp::LexSarah || r.typ == AvvikelseTyp::LexMaria) {
      EXPECT_FALSE(r.status.empty()) << r.source << " rad " << r.line;
      statuses.insert(r.status);
    }
  }
  EXPECT_EQ(kategorier,
            (std::set<std::string>{"Fall/fallolycka", "Läkemedel", "Medicinteknisk produkt/Rehab",
                                   "Informationshantering internt"}));
  EXPECT_GE(handelsetyper.size(), 10u);  // Herrljunga's list has 13 (notes 004 §3.7)
  EXPECT_TRUE(handelsetyper.contains("Trygghet"));
  EXPECT_TRUE(handelsetyper.contains("Larm och telefoni"));
  EXPECT_TRUE(handelsetyper.contains("Insats ej utförd"));
  EXPECT_EQ(statuses, (std::set<std::string>{"Under utredning", "Anmäld till IVO", "Avslutad"}));
}

// A few hundred reports a half-year (Herrljunga: 987 in H1 2022 for a somewhat larger
// organisation), about three-quarters of them under HSL.
TEST_F(ExampleAvvikelser, VolumesArePlausibleForEveryHalfYear) {
  for (int year = 2022; year <= 2025; ++year)
    for (int half = 1; half <= 2; ++half) {
      const HalfYearPeriod period{year, half};
      int hsl = 0;
      int solLss = 0;
      int externTill = 0;
      int externFran = 0;
      for (const AvvikelseRecord& r : records()) {
        if (!period.contains(r.registrerad)) continue;
        (isHsl(r) ? hsl : solLss) += 1;
        if (r.typ == AvvikelseTyp::Extern)
          (r.riktning == Riktning::TillKommunen ? externTill : externFran) += 1;
      }
      SCOPED_TRACE(period.code());
      EXPECT_GE(hsl, 200);
      EXPECT_LE(hsl, 400);
      EXPECT_GE(solLss, 90);
      EXPECT_LE(solLss, 220);
      EXPECT_GT(hsl, solLss);
      EXPECT_GE(externTill, 1);
      EXPECT_GE(externFran, 1);
    }
}

// Counting is by registration date: some reports are registered after a half-year ends about
// events before it, and the lex Maria of December 2024 was registered in January 2025.
TEST_F(ExampleAvvikelser, SomeReportsAreRegisteredAfterThePeriodTheyHappenedIn) {
  const HalfYearPeriod h1{2025, 1};
  int late = 0;
  for (const AvvikelseRecord& r : records())
    if (r.registrerad > h1.last() && r.handelse && *r.handelse <= h1.last()) ++late;
  EXPECT_GE(late, 3);
  EXPECT_LE(late, 30);

  std::vector<const AvvikelseRecord*> maria;
  for (const AvvikelseRecord& r : records())
    if (r.typ == AvvikelseTyp::LexMaria) maria.push_back(&r);
  ASSERT_EQ(maria.size(), 2u);
  EXPECT_TRUE(h1.contains(maria[1]->registrerad));
  ASSERT_TRUE(maria[1]->handelse);
  EXPECT_EQ(maria[1]->handelse->year, 2024);
}

// Falls: unique persons fewer than falls (some fall again and again, Herrljunga ≈ 3,2 per
// patient), and the attribute flags on a share of them (27 and 139 of 403 in notes 004 §3.2).
TEST_F(ExampleAvvikelser, FallsHavePersonsAndAttributes) {
  const HalfYearPeriod h1{2025, 1};
  int falls = 0;
  int hoftbyxa = 0;
  int ganghjalpmedel = 0;
  std::set<std::uint64_t> persons;
  for (const AvvikelseRecord& r : records()) {
    if (!h1.contains(r.registrerad) || r.kategori != "Fall/fallolycka") continue;
    ++falls;
    ASSERT_NE(r.person, 0u);
    persons.insert(r.person);
    if (r.flags & kHoftbyxa) ++hoftbyxa;
    if (r.flags & kGanghjalpmedel) ++ganghjalpmedel;
  }
  ASSERT_GT(falls, 80);
  EXPECT_LT(persons.size() * 5, static_cast<std::size_t>(falls) * 4);  // at least 1,25 per person
  EXPECT_GT(persons.size() * 4, static_cast<std::size_t>(falls));      // at most 4 per person
  EXPECT_GT(hoftbyxa, 0);
  EXPECT_LT(hoftbyxa * 5, falls);
  EXPECT_GT(ganghjalpmedel * 5, falls);
  EXPECT_LT(ganghjalpmedel * 2, falls);
}

// The under-reporting signal: Korttidsenheten Solbacken (2310) reports almost nothing and
// Dagverksamhet demens (2320) nothing at all under SoL, while similar units report dozens.
TEST_F(ExampleAvvikelser, OneUnitHardlyReports) {
  std::map<std::string, int> solLssByUnit;
  for (const AvvikelseRecord& r : records())
    if (!isHsl(r) && HalfYearPeriod{2025, 1}.contains(r.registrerad)) ++solLssByUnit[r.org];
  EXPECT_LE(solLssByUnit["2310"], 2);
  EXPECT_EQ(solLssByUnit.count("2320"), 0u);
  EXPECT_GE(solLssByUnit["2110"], 5);
}

// Every record sits on an ansvar (level 4) of the example organisation.
TEST_F(ExampleAvvikelser, EveryReportIsOnAnAnsvar) {
  const OrgTree org = exampleOrg();
  for (const AvvikelseRecord& r : records()) {
    const OrgNode* node = org.find(r.org);
    ASSERT_NE(node, nullptr) << r.org;
    EXPECT_EQ(node->level, 4) << r.org;
  }
}

// The free-text column is in the exports (so that the privacy tests have something to guard).
TEST_F(ExampleAvvikelser, TheExportsCarryFreeText) {
  const std::string csv = testing::readFile(dir_->path() / "avvikelser-hsl.csv");
  EXPECT_NE(csv.find(";Beskrivning\r\n"), std::string::npos);
  const auto rows = testing::readSheet(dir_->path() / "avvikelser-sol-lss.xlsx", "Avvikelser");
  ASSERT_GT(rows.size(), 4u);
  ASSERT_GT(rows[3].size(), 10u);
  EXPECT_EQ(rows[3][10].text, "Beskrivning");
}

// namnd.json's taxonomy, once the integrator has added the "avvikelser" block, is this one.
}  // namespace
}  // namespace namnd
