// The månadsrapport assembled from its parts: the order "sektioner" in the text template gives,
// what each part holds, and a valid document when inputs are missing.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "reports/manadsrapport/manadsrapport_builder.hpp"
#include "reports/manadsrapport/section_order.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const Period kOctober(2025, 10);

std::string sectionId(const Section& section) {
  return std::visit([](const auto& s) { return s.id; }, section);
}

std::vector<std::string> ids(const Document& doc) {
  std::vector<std::string> result;
  for (const Section& s : doc.sections) result.push_back(sectionId(s));
  return result;
}

template <typename T>
const T& section(const Document& doc, const std::string& id) {
  for (const Section& s : doc.sections)
    if (sectionId(s) == id) return std::get<T>(s);
  throw std::runtime_error("no section " + id);
}

// The template with its "sektioner" list replaced by `ids`.
std::filesystem::path templateWithSections(const testing::TempDir& dir,
                                           const std::vector<std::string>& ids) {
  std::string json = testing::readFile(testing::repoPath("templates/text/manadsrapport.json"));
  const std::size_t start = json.find("\"sektioner\": [");
  const std::size_t end = json.find(']', start);
  EXPECT_NE(start, std::string::npos);
  std::string list = "\"sektioner\": [";
  for (std::size_t i = 0; i < ids.size(); ++i)
    list += (i ? ", " : "") + std::string("{\"id\": \"") + ids[i] + "\", \"beskrivning\": \"x\"}";
  json.replace(start, end - start, list);
  const auto file = dir / "manadsrapport.json";
  testing::writeFile(file, json);
  return file;
}

class Manadsrapport : public ::testing::Test {
 protected:
  Manadsrapport() {
    // The transactions' and the chef's free text may be shown
    // (tests/golden/publication_guard_test).
    config.publishableColumns = {"huvudbok.text", "huvudbok.motpart", "huvudbok.vernr",
                                 "prognos.kommentar", "prognos.atgard"};
    tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
    tree.add({"ALD", "Äldreomsorg", "SN", 2, 1, {}});
    tree.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
    tree.add({"2100", "Säbo", "ALD", 3, 1, {}});
    tree.add({"2200", "Hemtjänsten", "ALD", 3, 2, {}});
    tree.add({"4100", "IFO myndighet", "IFO", 3, 1, {}});
    tree.validate();
    // Ack (Jan–Oct) per enhet, kr: Säbo budget 1 000 000 utfall 1 100 000; Hemtjänsten 500 000 /
    // 700 000; IFO myndighet 2 000 000 / 1 900 000. Σ avvikelse −200 000 kr.
    for (const auto& [code, budget, utfall] :
         std::vector<std::tuple<std::string, std::int64_t, std::int64_t>>{
             {"2100", 1'000'000, 1'100'000},
             {"2200", 500'000, 700'000},
             {"4100", 2'000'000, 1'900'000}}) {
      cube.add(code, "5110", "", "", Period(2025, 4), Measure::Budget, budget * 100);
      cube.add(code, "5110", "", "", Period(2025, 4), Measure::Utfall, utfall * 100);
    }
    areas.emplace(rollUpToLevel(cube, tree, 2, kOctober));
  }

  ManadsrapportInput minimalInput() const {
    return ManadsrapportInput{.config = config,
                              .meta = {.kommun = "Testby kommun"},
                              .period = kOctober,
                              .quality = {*areas, tree, importLog, unmappedAccounts, moves, moves}};
  }

  ManadsrapportInput fullInput() const {
    ManadsrapportInput input = minimalInput();
    const PrognosRollup may{.snapshotPeriod = Period(2025, 5),
                            .avvikelseByNode = {{"ALD", -100'000'00}, {"IFO", 50'000'00}},
                            .total = -50'000'00};
    const PrognosRollup august{.snapshotPeriod = Period(2025, 8),
                               .avvikelseByNode = {{"ALD", -300'000'00}, {"IFO", 60'000'00}},
                               .total = -240'000'00};
    input.prognos = august;
    input.snapshots = {may, august};
    input.comparison = {.current = Period(2025, 8), .earlier = Period(2025, 5)};
    input.currentSnapshot =
        PrognosSnapshot{Period(2025, 8), {{"2200", {}, -300'000'00, "Många nya brukare.", ""}}};
    input.enheter.emplace(rollUpToLevel(cube, tree, 3, kOctober));
    input.comments["IFO"] = {{"Placeringarna minskar."}, {}};
    input.transactions = {
        {kOctober, "2100", "5110", "", "", "2025-10-25", "V123", "Löner oktober", "", 80'000'00},
        {kOctober, "2100", "4010", "", "", "2025-10-12", "V77", "Livsmedel", "Grossisten AB",
         -95'000'50},
        {kOctober, "2100", "6110", "", "", "2025-10-03", "V12", "Hyra", "Fastighets AB", 12'500'25},
        {kOctober, "4100", "4610", "", "", "2025-10-14", "V88", "Placering HVB", "Behandlings AB",
         310'000'00}};
    input.largestTransactions = 2;
    input.staffing = {TextSection{.id = "personal_overtid", .title = "Övertid"}};
    return input;
  }

  OrgTree tree;
  Cube cube;
  std::optional<OrgRollup> areas;
  std::vector<ImportSummary> importLog;
  std::map<std::string, std::int64_t, std::less<>> unmappedAccounts;
  std::vector<OrgMove> moves;
  ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/manadsrapport.json"));
  RunConfig config;
};

TEST_F(Manadsrapport, DefaultOrderPlacesEveryPart) {
  const Document doc = buildManadsrapport(fullInput(), texts);
  EXPECT_EQ(ids(doc), (std::vector<std::string>{"omraden", "lagesbild", "jamforelse",
                                                "diagram_omraden", "kommentar_ALD", "kommentar_IFO",
                                                "personal_overtid", "fordjupning", "transaktioner",
                                                "prognostrend", "kontroller"}));
  // The default list in the template names every part the builder knows.
  EXPECT_EQ(manadsrapportSectionOrder(texts, "manadsrapport.json").size(),
            manadsrapportSectionIds().size());
}

TEST_F(Manadsrapport, TemplateOrderDecidesAndLeftOutPartsAreLeftOut) {
  testing::TempDir dir;
  const ReportTexts reordered = ReportTexts::load(
      templateWithSections(dir, {"kontroller", "lagesbild", "omraden", "fordjupning"}));
  const Document doc = buildManadsrapport(fullInput(), reordered);
  EXPECT_EQ(ids(doc),
            (std::vector<std::string>{"kontroller", "lagesbild", "omraden", "fordjupning"}));
}

TEST_F(Manadsrapport, UnknownRepeatedOrMissingChecksAreConfigErrors) {
  testing::TempDir dir;
  auto errorFor = [&](const std::vector<std::string>& list) {
    const ReportTexts bad = ReportTexts::load(templateWithSections(dir, list));
    return testing::thrown<ConfigError>([&] { buildManadsrapport(fullInput(), bad); });
  };
  EXPECT_TRUE(testing::mentions(errorFor({"omraden", "diagram", "kontroller"}),
                                {"manadsrapport.json", "sektioner", "\"diagram\""}));
  EXPECT_TRUE(testing::mentions(errorFor({"omraden", "omraden", "kontroller"}),
                                {"manadsrapport.json", "\"omraden\""}));
  EXPECT_TRUE(testing::mentions(errorFor({"omraden"}), {"manadsrapport.json", "kontroller"}));
}

TEST_F(Manadsrapport, LagesbildComparesWithTheTableSnapshot) {
  const Document doc = buildManadsrapport(fullInput(), texts);
  const auto& text = section<TextSection>(doc, "lagesbild");
  // −200 000 kr × 12 / 10 = −240 000 kr → "omkring −200" (100 tkr); the August prognosis says
  // −240 000 kr, so the difference is 0: "I nivå med prognos satt i delåret."
  ASSERT_GE(text.paragraphs.size(), 2u);
  EXPECT_EQ(text.paragraphs[0],
            "Just nu ser resultatet ut att bli omkring \xE2\x88\x92"
            "200 tkr per 31/12-2025.");
  EXPECT_EQ(text.paragraphs[1], "I nivå med prognos satt i delåret.");
}

TEST_F(Manadsrapport, LargestTransactionsPerAnsvarLargestFirstInKronor) {
  const Document doc = buildManadsrapport(fullInput(), texts);
  const Table& table = section<Table>(doc, "transaktioner");
  ASSERT_EQ(table.columns.size(), 7u);
  EXPECT_EQ(table.columns[6].kind, ColumnKind::Decimal);
  EXPECT_EQ(table.columns[6].decimals, 2);
  // Säbo: 2 of its 3 rows, by absolute amount (−95 000,50 before 80 000,00; 12 500,25 left out),
  // then IFO myndighet.
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[0]), "2100 Säbo");
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[4]), "Livsmedel");
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[5]), "Grossisten AB");
  EXPECT_DOUBLE_EQ(std::get<double>(table.rows[0].cells[6]), -95'000.50);
  EXPECT_EQ(std::get<std::string>(table.rows[1].cells[3]), "V123");
  EXPECT_EQ(std::get<std::string>(table.rows[2].cells[0]), "4100 IFO myndighet");
  EXPECT_EQ(std::get<std::string>(table.rows[2].cells[2]), "2025-10-14");
  EXPECT_DOUBLE_EQ(std::get<double>(table.rows[2].cells[6]), 310'000.00);
  EXPECT_TRUE(testing::mentions(table.footnotes.at(0), {"Högst 2 rader"}));
}

// An export without datum and motpart: those columns are left out, not printed empty.
TEST_F(Manadsrapport, TransactionColumnsTheExportLacksAreLeftOut) {
  ManadsrapportInput input = fullInput();
  for (LedgerTransaction& t : input.transactions) {
    t.datum.clear();
    t.motpart.clear();
  }
  const Document doc = buildManadsrapport(input, texts);
  const Table& table = section<Table>(doc, "transaktioner");
  ASSERT_EQ(table.columns.size(), 5u);  // ansvar, konto, vernr, text, belopp
  EXPECT_EQ(table.columns[2].header, texts.text("transaktioner.vernr", {}));
  EXPECT_EQ(table.columns[3].header, texts.text("transaktioner.text", {}));
  ASSERT_EQ(table.rows.size(), 3u);
  for (const Row& row : table.rows) EXPECT_EQ(row.cells.size(), 5u);
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[3]), "Livsmedel");
  EXPECT_DOUBLE_EQ(std::get<double>(table.rows[0].cells[4]), -95'000.50);
}

TEST_F(Manadsrapport, ChartsCarryTheTableFiguresAndTheSnapshots) {
  const Document doc = buildManadsrapport(fullInput(), texts);
  const Chart& areaChart = section<Chart>(doc, "diagram_omraden");
  EXPECT_EQ(areaChart.categories,
            (std::vector<std::string>{"Äldreomsorg", "Individ- och familjeomsorg"}));
  ASSERT_EQ(areaChart.series.size(), 2u);
  EXPECT_EQ(areaChart.series[0].name, "Ack utfall 202510");
  // Äldreomsorg utfall 1 100 000 + 700 000 kr; budget 1 500 000 kr.
  EXPECT_EQ(areaChart.series[0].values[0], 1'800.0);
  EXPECT_EQ(areaChart.series[1].values[0], 1'500.0);
  EXPECT_EQ(areaChart.valueAxis, "tkr");

  const Chart& trend = section<Chart>(doc, "prognostrend");
  EXPECT_EQ(trend.kind, ChartKind::Line);
  EXPECT_EQ(trend.categories, (std::vector<std::string>{"maj 2025", "aug 2025"}));
  ASSERT_EQ(trend.series.size(), 3u);  // Totalt and the two areas
  EXPECT_EQ(trend.series[0].name, "Totalt");
  EXPECT_EQ(trend.series[0].values, (std::vector<std::optional<double>>{-50.0, -240.0}));
  EXPECT_EQ(trend.series[1].values, (std::vector<std::optional<double>>{-100.0, -300.0}));
}

TEST_F(Manadsrapport, CommentsAndComparisonFromTheirInputs) {
  const Document doc = buildManadsrapport(fullInput(), texts);
  const auto& ald = section<TextSection>(doc, "kommentar_ALD");
  EXPECT_EQ(ald.bullets,
            std::vector<std::string>{"Hemtjänsten (prognos lämnad 202508): Många nya brukare."});
  EXPECT_EQ(section<TextSection>(doc, "kommentar_IFO").paragraphs,
            std::vector<std::string>{"Placeringarna minskar."});
  const Table& comparison = section<Table>(doc, "jamforelse");
  EXPECT_EQ(comparison.columns[1].header, "Prognos lämnad 202505");
  EXPECT_EQ(comparison.columns[2].header, "Prognos lämnad 202508");
  // Äldreomsorg −100 → −300 tkr.
  EXPECT_EQ(std::get<std::int64_t>(comparison.rows[0].cells[3]), -200);
}

TEST_F(Manadsrapport, MissingInputsStillGiveAValidDocumentThatSaysSo) {
  const Document doc = buildManadsrapport(minimalInput(), texts);
  EXPECT_EQ(ids(doc), (std::vector<std::string>{"omraden", "lagesbild", "jamforelse",
                                                "diagram_omraden", "kommentarer", "transaktioner",
                                                "prognostrend", "kontroller"}));
  EXPECT_TRUE(testing::mentions(section<TextSection>(doc, "lagesbild").paragraphs.at(1),
                                {"Ingen prognos"}));
  EXPECT_TRUE(testing::mentions(section<TextSection>(doc, "jamforelse").paragraphs.at(0),
                                {"inte två prognoser"}));
  EXPECT_TRUE(testing::mentions(section<TextSection>(doc, "prognostrend").paragraphs.at(0),
                                {"Färre än två"}));
  const Table& transactions = section<Table>(doc, "transaktioner");
  EXPECT_TRUE(transactions.rows.empty());
  EXPECT_TRUE(testing::mentions(transactions.footnotes.at(0), {"Inga transaktioner"}));
}

}  // namespace
}  // namespace namnd
