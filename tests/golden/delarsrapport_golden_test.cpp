// The Herrljunga socialnämnd's delårsrapport per 2022-08-31 (notes 004 §2.1–2.4, oracles O1–O5
// and O15), rebuilt from kr-level rows (tests/fixtures/herrljunga, written by its
// make_fixture.py) and read back from the written workbook and page. Expected cells are the
// published ones, typed from the document, with its ±1 differences under per-cell rounding; the
// Vård och omsorg block is the reconstructed one (O4), not the shifted PDF columns.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::TempDir;
using Cells = std::vector<std::optional<std::int64_t>>;  // nullopt = a blank cell
constexpr std::nullopt_t kBlank = std::nullopt;

struct PublishedRow {
  std::string name;
  Cells cells;
};

// §2.1. The component rows have no prognosis cells: the snapshot is per enhet, not per RSUM row.
const std::vector<PublishedRow> kRsum = {
    {"Intäkter", {-62'876, -40'021, -33'745, 6'276, -50'623, kBlank, kBlank}},
    {"Personalkostnader", {122'759, 131'854, 128'168, -3'686, 196'800, kBlank, kBlank}},
    {"Lokalkostnader, energi, VA", {7'569, 9'807, 9'554, -254, 14'332, kBlank, kBlank}},
    {"Övriga kostnader", {68'554, 46'225, 45'775, -450, 68'333, kBlank, kBlank}},
    {"Kapitalkostnad", {429, 506, 506, 0, 679, kBlank, kBlank}},
    {"Nettokostnad", {136'435, 148'370, 150'257, 1'887, 229'521, 229'521, 0}},
    {"Kommunbidrag", {141'228, 150'257, kBlank, kBlank, 229'521, 229'521, 0}},
    {"Resultat", {4'793, 1'887, kBlank, kBlank, 0, 0, kBlank}},
};

// §2.2, total row included.
const std::vector<PublishedRow> kAreas = {
    {"Nämnd", {300, 297, 372, 76, 559, 509, 50}},
    {"Förvaltningsledning", {5'983, 9'035, 10'917, 1'883, 16'429, 14'429, 2'000}},
    {"Individ och familjeomsorg", {23'369, 21'953, 24'087, 2'134, 36'938, 33'588, 3'350}},
    {"Vård och omsorg", {79'165, 86'213, 85'423, -790, 130'444, 131'694, -1'250}},
    {"Socialt stöd", {27'617, 30'873, 29'456, -1'416, 45'152, 49'302, -4'150}},
    {"Totalt", {136'435, 148'370, 150'257, 1'887, 229'521, 229'521, 0}},
};

// §2.3 columns: Utfall 2021-08-31, Utfall 2022-08-31, Budget 2022-08-31, Budget 2022, Prognos
// 2022, Avvikelse helår.
const std::vector<PublishedRow> kIfo = {
    {"Individ och familjeomsorg", {23'369, 21'953, 24'087, 36'938, 33'588, 3'350}},
    {"IFO övergripande", {116, -10, 186, 367, 717, -350}},
    {"IFO vuxen stöd o bistånd", {4'597, 4'593, 8'878, 13'582, 7'782, 5'800}},
    {"IFO barn och familj", {11'870, 11'261, 9'615, 14'672, 16'572, -1'900}},
    {"IFO bistånd stöd o administration", {6'786, 6'109, 5'408, 8'317, 8'517, -200}},
};
const std::vector<PublishedRow> kVoo = {
    // O4: the reconstructed block
    {"Vård och omsorg", {79'165, 86'213, 85'423, 130'444, 131'694, -1'250}},
    {"Vård och omsorg gem", {27'602, 4'471, 4'860, 7'406, 7'406, 0}},
    {"Korttid och bemanning", {7'376, 8'263, 7'912, 12'059, 12'309, -250}},
    {"Hagen säbo", {9'731, 11'331, 11'323, 17'239, 17'139, 100}},
    {"Hemgården demens", {10'584, 6'838, 6'793, 10'401, 10'401, 0}},
    {"Hälso- och sjukvård", {14'092, 14'747, 15'382, 23'601, 22'901, 700}},
    {"Hemgården omvårdnad", {5'532, 10'476, 10'690, 16'277, 16'277, 0}},
    {"Hemtjänst", {4'248, 30'087, 28'463, 43'461, 45'261, -1'800}},
};
const std::vector<PublishedRow> kSocialtStod = {
    // O5: children off by ±1 from the parent
    {"Socialt stöd", {27'617, 30'873, 29'456, 45'152, 49'302, -4'150}},
    {"Socialt stöd gem", {1'521, 1'972, 1'871, 2'921, 2'471, 450}},
    {"Funktionshinder 1", {10'032, 11'864, 9'280, 14'021, 19'371, -5'350}},
    {"Funktionshinder 2", {8'257, 8'251, 8'059, 12'191, 12'841, -650}},
    {"Stöd och resurs", {4'406, 4'732, 5'300, 8'164, 7'464, 700}},
    {"Sysselsättning", {3'402, 4'054, 4'947, 7'854, 7'154, 700}},
};

const std::string kNbsp = "\xC2\xA0";

std::string delarBlock(const std::string& handlaggare = "Linn Marinder",
                       const std::string& diarienummer = "SN 10/2022 7706",
                       const std::string& extra = "") {
  return R"({)" + extra + R"(
    "handlaggare": ")" +
         handlaggare + R"(",
    "handlaggare_titel": "Controller",
    "datum": "2022-09-19",
    "diarienummer": ")" +
         diarienummer + R"(",
    "beslutsunderlag": ["Tjänsteskrivelse i ärendet daterad 2022-09-19", "{rapport} per {per.datum}"],
    "forslag_till_beslut": "Socialnämnden godkänner {rapport.gemen}en.",
    "underskrifter": [{"namn": "Linn Marinder", "titel": "Controller"}],
    "expedieras_till": ["Kommunstyrelsen"]
  })";
}

std::string configJson(const std::string& rounding, const std::string& templates,
                       const std::string& delar) {
  return R"({
  "kommun": "Herrljunga kommun",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard", "investeringar.kommentar", "budgetram.kommentar"],
  "namnd": "Socialnämnden",
  "forvaltning": "Socialförvaltningen",
  "forfattare": "Testfall Herrljunga",
  "lager": "sqlite:lager/namnd.sqlite",
  "utdata": "ut",
  "mallar": ")" +
         templates + R"(",
  "avrundning": ")" +
         rounding + R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Ansvarsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2021.csv", "huvudbok-2022.csv"],
  "budget": ["budget-2021.csv", "budget-2022.csv"],
  "prognos": ["prognos-2022.csv"],
  "delarsrapport": )" +
         delar + R"(
})";
}

class HerrljungaDelarsrapport : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("herrljunga", dir.path());
    writeConfig("per_cell");
  }
  void writeConfig(const std::string& rounding, const std::string& delar = delarBlock(),
                   const std::string& templates = testing::repoPath("templates").string()) {
    testing::writeFile(dir / "namnd.json", configJson(rounding, templates, delar));
  }
  testing::RunResult report(const std::string& per = "2022-08-31") {
    return testing::runNamnd(
        {"delarsrapport", "--config", (dir / "namnd.json").string(), "--per", per});
  }
  std::filesystem::path output(const std::string& stamp, const std::string& ext) const {
    return dir / "ut" / ("delarsrapport-" + stamp + "." + ext);
  }
  // The rows of the sheet from its header row (first cell `firstHeader`) on.
  std::vector<std::vector<XlsxCell>> table(const std::string& sheet, const std::string& firstHeader,
                                           const std::string& stamp = "20220831") {
    const auto rows = testing::readSheet(output(stamp, "xlsx"), sheet);
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (!rows[i].empty() && rows[i][0].text == firstHeader)
        return {rows.begin() + static_cast<std::ptrdiff_t>(i), rows.end()};
    ADD_FAILURE() << "no header " << firstHeader << " on sheet " << sheet;
    return {};
  }
  static const std::vector<XlsxCell>* rowNamed(const std::vector<std::vector<XlsxCell>>& rows,
                                               const std::string& name) {
    for (const auto& row : rows)
      if (!row.empty() && row[0].text == name) return &row;
    ADD_FAILURE() << "no row " << name;
    return nullptr;
  }
  static std::optional<std::int64_t> value(const std::vector<XlsxCell>& row, std::size_t column) {
    if (column >= row.size() || row[column].type == XlsxCell::Type::Empty) return std::nullopt;
    EXPECT_EQ(row[column].type, XlsxCell::Type::Number) << row[0].text << " column " << column;
    return std::stoll(row[column].text);
  }
  static void expectRows(const std::vector<std::vector<XlsxCell>>& rows,
                         const std::vector<PublishedRow>& published) {
    for (const PublishedRow& expected : published) {
      const auto* row = rowNamed(rows, expected.name);
      if (!row) continue;
      for (std::size_t c = 0; c < expected.cells.size(); ++c)
        EXPECT_EQ(value(*row, c + 1), expected.cells[c]) << expected.name << " column " << c + 1;
    }
  }
  TempDir dir;
};

TEST_F(HerrljungaDelarsrapport, RsumTableReproducesThePublishedCellsUnderPerCellRounding) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("RSUM", "RSUM");
  ASSERT_FALSE(rows.empty());
  const std::vector<std::string> headers = {"RSUM",
                                            "Utfall 210831",
                                            "Utfall 220831",
                                            "Budget 220831",
                                            "Avvikelse utfall vs budget",
                                            "Budget 2022",
                                            "Prognos 2022",
                                            "Avvikelse prognos vs budget"};
  ASSERT_EQ(rows[0].size(), headers.size());
  for (std::size_t c = 0; c < headers.size(); ++c) EXPECT_EQ(rows[0][c].text, headers[c]);
  for (std::size_t r = 0; r < kRsum.size(); ++r) EXPECT_EQ(rows[r + 1][0].text, kRsum[r].name);
  expectRows(rows, kRsum);

  // The published ±1: the rounded rows add up to 148 371 and 150 258, the totals say 148 370 and
  // 150 257, and Lokalkostnader's avvikelse is −254 where 9 554 − 9 807 = −253.
  std::int64_t utfall = 0, budget = 0;
  for (std::size_t r = 0; r < 5; ++r) {
    utfall += *kRsum[r].cells[1];
    budget += *kRsum[r].cells[2];
  }
  EXPECT_EQ(utfall, 148'371);
  EXPECT_EQ(budget, 150'258);
}

TEST_F(HerrljungaDelarsrapport, AdditiveRoundingMakesEveryIdentityExact) {
  writeConfig("additiv");
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("RSUM", "RSUM");
  const auto* netto = rowNamed(rows, "Nettokostnad");
  const auto* kommunbidrag = rowNamed(rows, "Kommunbidrag");
  const auto* resultat = rowNamed(rows, "Resultat");
  ASSERT_TRUE(netto && kommunbidrag && resultat);
  // The totals are the rounded exact totals, as under per-cell rounding.
  EXPECT_EQ(value(*netto, 2), 148'370);
  EXPECT_EQ(value(*netto, 3), 150'257);
  EXPECT_EQ(value(*netto, 4), 1'887);
  for (std::size_t c : {1, 2, 3, 4, 5}) {
    std::int64_t sum = 0;
    for (std::size_t r = 1; r <= 5; ++r) sum += value(rows[r], c).value_or(0);
    EXPECT_EQ(sum, value(*netto, c)) << "column " << c;
  }
  for (std::size_t r = 1; r <= 6; ++r)
    EXPECT_EQ(value(rows[r], 4), *value(rows[r], 3) - *value(rows[r], 2)) << rows[r][0].text;
  EXPECT_EQ(*value(rows[1], 4), 6'276);
  EXPECT_EQ(*value(rows[3], 4), *value(rows[3], 3) - *value(rows[3], 2));
  for (std::size_t c : {1, 2, 5, 6})
    EXPECT_EQ(value(*resultat, c), *value(*kommunbidrag, c) - *value(*netto, c)) << c;

  // The bilaga: every area is the exact sum of its enheter, and the areas of the total.
  const auto bilaga = table("Bilaga ansvarsnivå", "Enhet");
  for (const auto* block : {&kIfo, &kVoo, &kSocialtStod}) {
    const auto* parent = rowNamed(bilaga, block->front().name);
    ASSERT_TRUE(parent);
    for (std::size_t c = 1; c <= 6; ++c) {
      std::int64_t sum = 0;
      for (std::size_t i = 1; i < block->size(); ++i)
        sum += value(*rowNamed(bilaga, (*block)[i].name), c).value_or(0);
      EXPECT_EQ(sum, value(*parent, c)) << block->front().name << " column " << c;
    }
  }
}

TEST_F(HerrljungaDelarsrapport, AreaTableReproducesThePublishedCells) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("Per verksamhet", "Ansvarsområde");
  ASSERT_GE(rows.size(), kAreas.size() + 1);
  for (std::size_t r = 0; r < kAreas.size(); ++r) EXPECT_EQ(rows[r + 1][0].text, kAreas[r].name);
  expectRows(rows, kAreas);
}

TEST_F(HerrljungaDelarsrapport, BilagaBlocksIfoExactVardOchOmsorgReconstructedSocialtStodOffByOne) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("Bilaga ansvarsnivå", "Enhet");
  ASSERT_FALSE(rows.empty());
  const std::vector<std::string> headers = {
      "Enhet",       "Utfall 2021-08-31", "Utfall 2022-08-31", "Budget 2022-08-31",
      "Budget 2022", "Prognos 2022",      "Avvikelse helår"};
  ASSERT_EQ(rows[0].size(), headers.size());
  for (std::size_t c = 0; c < headers.size(); ++c) EXPECT_EQ(rows[0][c].text, headers[c]);
  expectRows(rows, kIfo);
  expectRows(rows, kVoo);
  expectRows(rows, kSocialtStod);
  expectRows(rows, {{"Nämnd", {300, 297, 372, 559, 509, 50}},
                    {"Förvaltningsledning", {5'983, 9'035, 10'917, 16'429, 14'429, 2'000}},
                    {"Totalsumma", {136'435, 148'370, 150'257, 229'521, 229'521, 0}}});

  // O3: the IFO enheter add up exactly to IFO in all six columns; O5: Socialt stöd's do not.
  for (std::size_t c = 0; c < 6; ++c) {
    std::int64_t ifo = 0, ss = 0, voo = 0;
    for (std::size_t i = 1; i < kIfo.size(); ++i) ifo += *kIfo[i].cells[c];
    for (std::size_t i = 1; i < kSocialtStod.size(); ++i) ss += *kSocialtStod[i].cells[c];
    for (std::size_t i = 1; i < kVoo.size(); ++i) voo += *kVoo[i].cells[c];
    EXPECT_EQ(ifo, *kIfo[0].cells[c]) << c;
    EXPECT_EQ(voo, *kVoo[0].cells[c]) << c;
    EXPECT_LE(std::llabs(ss - *kSocialtStod[0].cells[c]), 1) << c;
  }
  // Stöd och resurs sat under IFO in 2021: its 2021 utfall shows under Socialt stöd, where the
  // ansvar is now, and IFO's 2021 column does not include it.
  const auto* ifoRow = rowNamed(rows, "Individ och familjeomsorg");
  ASSERT_TRUE(ifoRow);
  EXPECT_EQ(value(*ifoRow, 1), 23'369);
  // Indentation: the enheter one level in.
  const std::string html = testing::readFile(output("20220831", "html"));
  EXPECT_TRUE(testing::contains(html, "Bilaga fördelning per ansvarsnivå"));
  EXPECT_TRUE(testing::contains(html, "ansvar som har flyttats visas under sin nuvarande enhet"));
}

TEST_F(HerrljungaDelarsrapport, TjansteskrivelseSaysTheResultInWordsWithTheTableNumbers) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string html = testing::readFile(output("20220831", "html"));
  EXPECT_TRUE(testing::mentions(
      html,
      {"Socialnämnden visar ett överskott på 1" + kNbsp + "887 tkr per den siste augusti 2022.",
       "Prognosen för helåret visar en budget i balans.",
       "Delårsrapport per 2022-08-31 för Socialnämnden", "SN 10/2022 7706",
       "Linn Marinder, Controller", "2022-09-19", "Socialförvaltningen",
       "Socialnämnden godkänner delårsrapporten.", "Kommunstyrelsen",
       "Delårsrapport per 2022-08-31</li>", "Kommentar till utfall och prognos: Vård och omsorg",
       "Vård och omsorg visar ett underskott på 790 tkr per den siste augusti 2022.",
       "Prognosen för helåret visar ett underskott på 1" + kNbsp + "250 tkr.",
       "Individ och familjeomsorg visar ett överskott på 2" + kNbsp + "134 tkr per den siste",
       "Hemtjänst landsbygd -1 300"}));
  // The same words in the workbook.
  bool found = false;
  for (const auto& row : testing::readSheet(output("20220831", "xlsx"), "Tjänsteskrivelse"))
    for (const auto& cell : row)
      if (testing::contains(cell.text, "visar ett överskott på 1" + kNbsp + "887 tkr"))
        found = true;
  EXPECT_TRUE(found);
  const auto header = testing::readSheet(output("20220831", "xlsx"), "Tjänsteskrivelse huvud");
  bool dnr = false;
  for (const auto& row : header)
    if (row.size() >= 2 && row[0].text == "Diarienummer" && row[1].text == "SN 10/2022 7706")
      dnr = true;
  EXPECT_TRUE(dnr);
}

TEST_F(HerrljungaDelarsrapport, ChecksStateTheRoundingModeAndPass) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = testing::readSheet(output("20220831", "xlsx"), "Kontroller");
  bool mode = false, resultat = false, lokal = false;
  for (const auto& row : rows) {
    if (row.size() < 3) continue;
    if (row[0].text == "Avrundningsläge" && testing::contains(row[2].text, "per cell")) mode = true;
    if (row[0].text == "Resultat = Kommunbidrag − Nettokostnad") resultat = row[1].text == "OK";
    if (testing::contains(row[0].text, "Avvikelse = Budget − Utfall")) {
      EXPECT_EQ(row[1].text, "OK");
      lokal = testing::contains(row[2].text, "Lokalkostnader, energi, VA avvikelse -254");
    }
    if (row[1].text == "Fel") ADD_FAILURE() << row[0].text << ": " << row[2].text;
  }
  EXPECT_TRUE(mode);
  EXPECT_TRUE(resultat);
  EXPECT_TRUE(lokal);
}

// §2.1 as published, with the nämnd's prognosis per kostnadsslag given in whole tkr (kr in the
// file): each row's prognosis and its deviation from the exact year budget, per cell.
TEST_F(HerrljungaDelarsrapport, PrognosisPerKostnadsslagFillsTheComponentRows) {
  testing::writeFile(dir / "prognos-kostnadsslag-2022.csv",
                     "prognosperiod;rad;prognos\n"
                     "202208;Intäkter;-65093000\n"
                     "202208;Personalkostnader;201100000\n"
                     "202208;Lokalkostnader, energi, VA;14332000\n"
                     "202208;Övriga kostnader;78503000\n"
                     "202208;Kapitalkostnad;679000\n");
  writeConfig("per_cell",
              delarBlock("Linn Marinder", "SN 10/2022 7706",
                         R"("prognos_per_kostnadsslag": "prognos-kostnadsslag-2022.csv",)"));
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("RSUM", "RSUM");
  const std::vector<std::pair<std::string, std::pair<std::int64_t, std::int64_t>>> published = {
      {"Intäkter", {-65'093, 14'470}},
      {"Personalkostnader", {201'100, -4'300}},
      {"Lokalkostnader, energi, VA", {14'332, 0}},
      {"Övriga kostnader", {78'503, -10'170}},
      {"Kapitalkostnad", {679, 0}},
      {"Nettokostnad", {229'521, 0}}};
  std::int64_t sum = 0;
  for (const auto& [name, cells] : published) {
    const auto* row = rowNamed(rows, name);
    ASSERT_TRUE(row) << name;
    EXPECT_EQ(value(*row, 6), cells.first) << name;
    EXPECT_EQ(value(*row, 7), cells.second) << name;
    if (name != "Nettokostnad") sum += cells.first;
  }
  EXPECT_EQ(sum, 229'521);  // the rows add up to the units' prognosis
  bool checked = false;
  for (const auto& row : testing::readSheet(output("20220831", "xlsx"), "Kontroller"))
    if (row.size() >= 2 && testing::contains(row[0].text, "Prognos per kostnadsslag"))
      checked = row[1].text == "OK";
  EXPECT_TRUE(checked);

  // The halvårsrapport shows the June snapshot: the file's August rows do not belong there.
  const auto june = report("2022-06-30");
  ASSERT_EQ(june.exitCode, 0) << june.output;
  const auto juneRows = table("RSUM", "RSUM", "20220630");
  const auto* intakter = rowNamed(juneRows, "Intäkter");
  ASSERT_TRUE(intakter);
  EXPECT_EQ(value(*intakter, 6), std::nullopt);
  bool warned = false;
  for (const auto& row : testing::readSheet(output("20220630", "xlsx"), "Kontroller"))
    if (row.size() >= 3 && row[0].text == "Prognos per kostnadsslag")
      warned = row[1].text == "Varning" && testing::contains(row[2].text, "augusti 2022") &&
               testing::contains(row[2].text, "juni 2022") &&
               !testing::contains(row[2].text, "202208");
  EXPECT_TRUE(warned);
}

TEST_F(HerrljungaDelarsrapport, PrognosisPerKostnadsslagNamesAnUnknownOrMissingRow) {
  testing::writeFile(dir / "rader.csv",
                     "prognosperiod;rad;avvikelse\n202208;Intäkter;14470000\n202208;Hyror;0\n");
  writeConfig("per_cell", delarBlock("Linn Marinder", "SN 10/2022 7706",
                                     R"("prognos_per_kostnadsslag": "rader.csv",)"));
  const auto unknown = report();
  EXPECT_NE(unknown.exitCode, 0);
  EXPECT_TRUE(testing::mentions(unknown.output, {"rader.csv rad 3", "Hyror", "Personalkostnader"}))
      << unknown.output;
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "html")));

  testing::writeFile(dir / "rader.csv", "prognosperiod;rad;avvikelse\n202208;Intäkter;14470000\n");
  const auto missing = report();
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_TRUE(testing::mentions(missing.output, {"rader.csv", "saknas", "Kapitalkostnad"}))
      << missing.output;
}

TEST_F(HerrljungaDelarsrapport, WithoutLastYearsLedgerThatColumnIsBlankNotZero) {
  std::string config = testing::readFile(dir / "namnd.json");
  const std::string both = R"("huvudbok-2021.csv", "huvudbok-2022.csv")";
  config.replace(config.find(both), both.size(), R"("huvudbok-2022.csv")");
  testing::writeFile(dir / "namnd.json", config);
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("RSUM", "RSUM");
  for (const char* name : {"Intäkter", "Nettokostnad", "Kommunbidrag", "Resultat"}) {
    const auto* row = rowNamed(rows, name);
    ASSERT_TRUE(row);
    EXPECT_EQ(value(*row, 1), std::nullopt) << name;
    EXPECT_EQ(value(*row, 2).has_value(), true) << name;
  }
  EXPECT_TRUE(testing::contains(testing::readFile(output("20220831", "html")),
                                "Utfall 2021-08-31 saknas i lagret"));
}

TEST_F(HerrljungaDelarsrapport, OppositeSignAndBalanceReadAsUnderskottAndBudgetIBalans) {
  // Halvår: the June snapshot (Socialt stöd −1 000 tkr) is the latest by June.
  const auto run = report("2022-06-30");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string html = testing::readFile(output("20220630", "html"));
  EXPECT_TRUE(testing::mentions(
      html, {"Halvårsrapport per 2022-06-30 för Socialnämnden",
             "Prognosen för helåret visar ett underskott på 1" + kNbsp + "000 tkr.",
             "Socialnämnden godkänner halvårsrapporten.", "Utfall 220630", "Utfall 210630",
             "Utfall 2022-06-30", "Halvårsrapport per 2022-06-30</li>"}));
  EXPECT_FALSE(testing::contains(html, "Delårsrapport"));
  // Nothing of August in a June report, and no period codes in the text.
  EXPECT_FALSE(testing::contains(html, "augusti"));
  EXPECT_FALSE(testing::contains(html, "lämnad 2022"));
}

TEST_F(HerrljungaDelarsrapport, HeaderDateFormatComesFromTheTemplate) {
  const std::filesystem::path templates = dir / "mallar";
  std::filesystem::copy(testing::repoPath("templates"), templates,
                        std::filesystem::copy_options::recursive);
  std::string text = testing::readFile(templates / "text" / "delarsrapport.json");
  const std::string from = "\"utfall\": \"Utfall {per.yymmdd}\"";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "\"utfall\": \"Utfall {per.datum}\"");
  testing::writeFile(templates / "text" / "delarsrapport.json", text);
  writeConfig("per_cell", delarBlock(), templates.string());
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = table("RSUM", "RSUM");
  ASSERT_GE(rows.size(), 1u);
  EXPECT_EQ(rows[0][1].text, "Utfall 210831");
  EXPECT_EQ(rows[0][2].text, "Utfall 2022-08-31");
}

TEST_F(HerrljungaDelarsrapport, SectionsFollowTheTemplateAndAnUnknownOneIsAnError) {
  const std::filesystem::path templates = dir / "mallar";
  std::filesystem::copy(testing::repoPath("templates"), templates,
                        std::filesystem::copy_options::recursive);
  const std::filesystem::path file = templates / "text" / "delarsrapport.json";
  const std::string original = testing::readFile(file);
  const std::string bilaga = "{\"id\": \"bilaga\"";
  ASSERT_NE(original.find(bilaga), std::string::npos);
  std::string text = original;
  text.replace(text.find(bilaga), bilaga.size(), "{\"id\": \"okand\"");
  testing::writeFile(file, text);
  writeConfig("per_cell", delarBlock(), templates.string());
  const auto unknown = report();
  EXPECT_NE(unknown.exitCode, 0);
  EXPECT_TRUE(testing::mentions(unknown.output, {"sektioner", "okand"}));
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "xlsx")));

  // Without "bilaga" in the list the report has no bilaga sheet, and the RSUM table comes first
  // after the tjänsteskrivelse and the sammanfattning, as in the list.
  text = original;
  const std::size_t start = text.find(bilaga);
  text.erase(start, text.find('\n', start) - start + 1);
  testing::writeFile(file, text);
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto sheets = testing::sheetNames(output("20220831", "xlsx"));
  EXPECT_EQ(std::find(sheets.begin(), sheets.end(), "Bilaga ansvarsnivå"), sheets.end());
  const std::vector<std::string> expected = {"Tjänsteskrivelse huvud", "Tjänsteskrivelse",
                                             "Sammanfattning", "RSUM", "Per verksamhet"};
  ASSERT_GE(sheets.size(), expected.size());
  EXPECT_EQ(std::vector<std::string>(sheets.begin(), sheets.begin() + 5), expected);
  EXPECT_EQ(sheets.back(), "Kontroller");
}

TEST_F(HerrljungaDelarsrapport, AnUnfilledPlaceholderIsAConfigErrorAndWritesNothing) {
  writeConfig("per_cell", delarBlock("Namn {namn}"));
  const auto run = report();
  EXPECT_NE(run.exitCode, 0);
  EXPECT_TRUE(testing::mentions(run.output, {"delarsrapport.handlaggare", "{namn}"}));
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "xlsx")));
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "html")));

  // The source's leaked signer line: template filler, not a person.
  writeConfig("per_cell", delarBlock("Namn namn"));
  const auto filler = report();
  EXPECT_NE(filler.exitCode, 0);
  EXPECT_TRUE(testing::mentions(filler.output, {"delarsrapport.handlaggare", "Namn namn"}))
      << filler.output;
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "xlsx")));
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "html")));

  writeConfig("per_cell", delarBlock("Linn Marinder", ""));
  const auto empty = report();
  EXPECT_NE(empty.exitCode, 0);
  EXPECT_TRUE(testing::mentions(empty.output, {"delarsrapport.diarienummer", "tom"}));
  EXPECT_FALSE(std::filesystem::exists(output("20220831", "html")));
}

TEST_F(HerrljungaDelarsrapport, AYearWithoutLedgerOrBudgetIsAnErrorNotABalancedBudget) {
  const auto run = report("2024-08-31");
  EXPECT_NE(run.exitCode, 0);
  EXPECT_TRUE(testing::mentions(run.output, {"varken utfall eller budget", "2024"})) << run.output;
  EXPECT_FALSE(std::filesystem::exists(output("20240831", "html")));
}

TEST_F(HerrljungaDelarsrapport, PerMustBeAMonthEnd) {
  const auto run = report("2022-08-30");
  EXPECT_NE(run.exitCode, 0);
  EXPECT_TRUE(testing::mentions(run.output, {"--per", "sista dag"}));
}

}  // namespace
}  // namespace namnd
