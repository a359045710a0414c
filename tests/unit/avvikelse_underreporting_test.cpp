// The under-reporting signal against a configurable basis (issue 6, point 4): arbetade timmar
// from the hr input, or a volym (brukare, placeringsdygn …) from the volymer file, summed over
// each enhet's ansvar; a stock averaged over the months with a value, a flow summed. Expected
// figures are worked out in the tests from the rows they write.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "aggregate/avvikelse_units.hpp"
#include "aggregate/volym_by_unit.hpp"
#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "reports/avvikelser/avvikelser_view.hpp"
#include "reports/avvikelser/underreporting_basis.hpp"
#include "reports/avvikelser/underreporting_section.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

AvvikelseRecord report(CalendarDate registrerad, std::string org,
                       AvvikelseTyp typ = AvvikelseTyp::Avvikelse) {
  AvvikelseRecord r;
  r.id = "ID-" + registrerad.iso() + org;
  r.registrerad = registrerad;
  r.org = std::move(org);
  r.typ = typ;
  r.lagrum = Lagrum::SoL;
  r.handelsetyp = "Trygghet";
  return r;
}

// Nämnd N → area V with enheter E1 (ansvar E1a, E1b), E2 (ansvar E2a), E3 (ansvar E3a);
// area W with enhet F1, where nothing is ever reported (not judged).
OrgTree orgTree() {
  OrgTree tree;
  tree.add({.code = "N", .name = "Nämnd", .level = 1});
  tree.add({.code = "V", .name = "Vård", .parent = "N", .level = 2, .order = 1});
  tree.add({.code = "E1", .name = "Enhet ett", .parent = "V", .level = 3, .order = 1});
  tree.add({.code = "E1a", .name = "Ansvar 1a", .parent = "E1", .level = 4, .order = 1});
  tree.add({.code = "E1b", .name = "Ansvar 1b", .parent = "E1", .level = 4, .order = 2});
  tree.add({.code = "E2", .name = "Enhet två", .parent = "V", .level = 3, .order = 2});
  tree.add({.code = "E2a", .name = "Ansvar 2a", .parent = "E2", .level = 4, .order = 1});
  tree.add({.code = "E3", .name = "Enhet tre", .parent = "V", .level = 3, .order = 3});
  tree.add({.code = "E3a", .name = "Ansvar 3a", .parent = "E3", .level = 4, .order = 1});
  tree.add({.code = "W", .name = "Ledning", .parent = "N", .level = 2, .order = 2});
  tree.add({.code = "F1", .name = "Stab", .parent = "W", .level = 3, .order = 1});
  tree.validate();
  return tree;
}

std::int64_t brukare(std::int64_t persons) { return persons * 100; }  // hundredths

// Brukare (a stock) and placeringsdygn (a flow) in the first half of 2025, with rows that must
// not count: the second half, the year before, the whole kommun (no ansvar), a code the tree
// does not know.
VolymTable volymer() {
  VolymTable table;
  const std::int64_t e1a[] = {40, 42, 44, 46, 48, 50};
  for (int m = 1; m <= 6; ++m) {
    table.add("brukare", "E1a", Period(2025, m), brukare(e1a[m - 1]));
    if (m <= 3) table.add("brukare", "E1b", Period(2025, m), brukare(10));  // closed in April
    if (m >= 2) table.add("brukare", "E2a", Period(2025, m), brukare(80));  // opened in February
  }
  table.add("brukare", "E1a", Period(2025, 7), brukare(999));
  table.add("brukare", "E1a", Period(2024, 12), brukare(999));
  table.add("brukare", "", Period(2025, 3), brukare(9'999));
  table.add("brukare", "OKAND", Period(2025, 3), brukare(9'999));
  const std::int64_t dygn[] = {300, 280, 310, 300, 310, 300};
  for (int m = 1; m <= 6; ++m)
    table.add("placeringsdygn", "E1a", Period(2025, m), dygn[m - 1] * 100);
  table.add("placeringsdygn", "E1b", Period(2025, 1), 100 * 100);
  table.add("placeringsdygn", "E1a", Period(2025, 8), 999 * 100);
  return table;
}

// 2025H1: E1 one avvikelse (on its ansvar E1b), E2 one, E3 none; a klagomål and a report
// registered in July do not count.
std::vector<AvvikelseRecord> records() {
  return {report({2025, 3, 1}, "E1b"), report({2025, 5, 2}, "E2a"),
          report({2025, 4, 1}, "E1a", AvvikelseTyp::Klagomal), report({2025, 7, 1}, "E3a")};
}

UnderReportingRule volymRule(std::string matt, bool summeras, double minst, double per) {
  UnderReportingRule rule;
  rule.basis = UnderReportingRule::Basis::Volym;
  rule.matt = std::move(matt);
  rule.summeras = summeras;
  rule.minst = minst;
  rule.per = per;
  return rule;
}

const UnitReporting& unitNamed(const std::vector<UnitReporting>& units, const std::string& code) {
  for (const UnitReporting& u : units)
    if (u.unit->code == code) return u;
  ADD_FAILURE() << "no enhet " << code;
  static const UnitReporting kNone;
  return kNone;
}

TEST(UnderReportingBasis, AVolymIsSummedOverTheEnhetensAnsvarMonthByMonth) {
  const OrgTree tree = orgTree();
  const VolymTable table = volymer();
  const auto months = monthlyVolymUnder(table, tree, *tree.find("E1"), "brukare",
                                        {Period(2025, 1), Period(2025, 6)});
  // E1a + E1b while E1b was open; no kommun row, no unknown code.
  const std::vector<std::optional<std::int64_t>> expected = {
      brukare(40 + 10), brukare(42 + 10), brukare(44 + 10), brukare(46), brukare(48), brukare(50)};
  EXPECT_EQ(months, expected);
  const auto e2 = monthlyVolymUnder(table, tree, *tree.find("E2"), "brukare",
                                    {Period(2025, 1), Period(2025, 6)});
  EXPECT_FALSE(e2[0]);  // January: no row for any of its ansvar
  EXPECT_EQ(e2[1], brukare(80));
  // An ansvar is its own enhet at its level.
  const auto e1a = monthlyVolymUnder(table, tree, *tree.find("E1a"), "brukare",
                                     {Period(2025, 7), Period(2025, 7)});
  EXPECT_EQ(e1a[0], brukare(999));
}

TEST(UnderReportingBasis, AStockIsTheAverageOfTheMonthsWithAValue) {
  const OrgTree tree = orgTree();
  const VolymTable table = volymer();
  const std::vector<AvvikelseRecord> recs = records();
  const auto units = underReporting({.records = recs,
                                     .tree = tree,
                                     .areaLevel = 2,
                                     .unitLevel = 3,
                                     .span = {2025, 1},
                                     .rule = volymRule("brukare", false, 2, 100),
                                     .volymer = &table});
  ASSERT_EQ(units.size(), 3u);  // W reports nothing in any year
  // E1: (50 + 52 + 54 + 46 + 48 + 50) / 6 = 300 / 6 = 50 brukare; 1 avvikelse = 2,0 per 100:
  // exactly at the rate, not flagged.
  const UnitReporting& e1 = unitNamed(units, "E1");
  EXPECT_EQ(e1.reports, 1);
  ASSERT_TRUE(e1.basis);
  EXPECT_EQ(*e1.basis, brukare(300) / 6);
  EXPECT_DOUBLE_EQ(*e1.rate, 1.0 * 100 / 50);
  EXPECT_FALSE(e1.fewReports);
  EXPECT_FALSE(e1.flagged());
  // E2: 80 in each of February–June (January has no value and is not a month of 0): 80, not
  // 400 / 6; 1 avvikelse = 1,25 per 100 < 2: flagged.
  const UnitReporting& e2 = unitNamed(units, "E2");
  EXPECT_EQ(*e2.basis, brukare(80));
  EXPECT_DOUBLE_EQ(*e2.rate, 1.0 * 100 / 80);
  EXPECT_TRUE(e2.fewReports);
  EXPECT_TRUE(e2.flagged());
  // E3: no brukare at all, no report: not judged.
  const UnitReporting& e3 = unitNamed(units, "E3");
  EXPECT_TRUE(e3.withoutBasis);
  EXPECT_FALSE(e3.basis);
  EXPECT_TRUE(e3.noReports);
  EXPECT_FALSE(e3.flagged());
  // The hours figures are not set for a volym basis.
  EXPECT_FALSE(e1.centihours);
  EXPECT_FALSE(e1.perTenThousandHours);
}

TEST(UnderReportingBasis, AFlowIsSummedAndAStockAverageIsRoundedToHundredths) {
  const OrgTree tree = orgTree();
  const VolymTable table = volymer();
  const std::vector<AvvikelseRecord> recs = records();
  const std::int64_t sum = (300 + 280 + 310 + 300 + 310 + 300 + 100) * 100;  // 1 900 dygn
  const auto summed = underReporting({.records = recs,
                                      .tree = tree,
                                      .areaLevel = 2,
                                      .unitLevel = 3,
                                      .span = {2025, 1},
                                      .rule = volymRule("placeringsdygn", true, 1, 1'000),
                                      .volymer = &table});
  const UnitReporting& e1 = unitNamed(summed, "E1");
  EXPECT_EQ(*e1.basis, sum);
  EXPECT_NEAR(*e1.rate, 1.0 * 1'000 / 1'900, 1e-12);  // 0,53 per 1 000 dygn < 1
  EXPECT_TRUE(e1.flagged());
  // E2 and E3 have no placeringsdygn: not judged, whatever their reports.
  EXPECT_TRUE(unitNamed(summed, "E2").withoutBasis);
  EXPECT_FALSE(unitNamed(summed, "E2").flagged());

  // The same rows as a stock: 1 900 / 6 = 316,666… dygn → 316,67.
  const auto averaged = underReporting({.records = recs,
                                        .tree = tree,
                                        .areaLevel = 2,
                                        .unitLevel = 3,
                                        .span = {2025, 1},
                                        .rule = volymRule("placeringsdygn", false, 1, 1'000),
                                        .volymer = &table});
  EXPECT_EQ(*unitNamed(averaged, "E1").basis, 31'667);
  EXPECT_NEAR(*unitNamed(averaged, "E1").rate, 1.0 * 1'000 * 6 / 1'900, 1e-12);
}

TEST(UnderReportingBasis, WithoutValuesInThePeriodOnlyEnheterWithoutReportsAreFlagged) {
  const OrgTree tree = orgTree();
  const VolymTable table = volymer();
  const std::vector<AvvikelseRecord> recs = {report({2024, 9, 1}, "E1a")};
  // 2024H2: brukare only in December for E1a; 2023H2: none at all.
  const UnderReportingRule rule = volymRule("brukare", false, 2, 100);
  EXPECT_TRUE(basisHasValues(rule, nullptr, &table, {2024, 2}));
  EXPECT_FALSE(basisHasValues(rule, nullptr, &table, {2023, 2}));
  EXPECT_FALSE(basisHasValues(rule, nullptr, nullptr, {2024, 2}));
  const auto units = underReporting({.records = recs,
                                     .tree = tree,
                                     .areaLevel = 2,
                                     .unitLevel = 3,
                                     .span = {2023, 2},
                                     .rule = rule,
                                     .volymer = &table});
  for (const UnitReporting& u : units) {
    EXPECT_FALSE(u.basis) << u.unit->code;
    EXPECT_FALSE(u.withoutBasis) << u.unit->code;
    EXPECT_TRUE(u.flagged()) << u.unit->code;  // none reports in 2023H2
  }
}

// ---- Arbetade timmar: the short form keeps its meaning ----

HrTable hours() {
  HrTable table;
  // E1: 4 000 h on E1a and 6 000 h on E1b in the half-year = 10 000 h; E2 2 000 h; E3 none.
  table[{"E1a", Period(2025, 2), HrKind::Arbetad}] = {.centihours = 4'000 * 100};
  table[{"E1b", Period(2025, 6), HrKind::Arbetad}] = {.centihours = 6'000 * 100};
  table[{"E2a", Period(2025, 1), HrKind::Arbetad}] = {.centihours = 2'000 * 100};
  table[{"E2a", Period(2025, 7), HrKind::Arbetad}] = {.centihours = 99'999 * 100};  // H2
  table[{"E3a", Period(2025, 3), HrKind::Overtid}] = {.centihours = 500 * 100};     // not arbetad
  return table;
}

TEST(UnderReportingBasis, TheShortFormIsArbetadeTimmarPerTenThousand) {
  const OrgTree tree = orgTree();
  const HrTable table = hours();
  const std::vector<AvvikelseRecord> recs = records();
  AvvikelserSettings settings;
  settings.minPerTenThousandHours = 1;
  const UnderReportingRule rule = settings.underReportingRule();
  EXPECT_EQ(rule.basis, UnderReportingRule::Basis::ArbetadeTimmar);
  EXPECT_DOUBLE_EQ(rule.minst, 1);
  EXPECT_DOUBLE_EQ(rule.per, 10'000);

  const auto before = underReporting({.records = recs,
                                      .tree = tree,
                                      .areaLevel = 2,
                                      .unitLevel = 3,
                                      .span = {2025, 1},
                                      .hours = &table,
                                      .rule = {.minst = 1}});
  const auto now = underReporting({.records = recs,
                                   .tree = tree,
                                   .areaLevel = 2,
                                   .unitLevel = 3,
                                   .span = {2025, 1},
                                   .hours = &table,
                                   .rule = rule});
  ASSERT_EQ(before.size(), 3u);
  ASSERT_EQ(now.size(), before.size());
  for (std::size_t i = 0; i < now.size(); ++i) {
    EXPECT_EQ(now[i].unit, before[i].unit);
    EXPECT_EQ(now[i].basis, before[i].basis);
    EXPECT_EQ(now[i].rate, before[i].rate);
    EXPECT_EQ(now[i].flagged(), before[i].flagged());
  }
  // E1: 1 report on 10 000 h = 1,0 per 10 000 h, exactly at the rate: not flagged.
  const UnitReporting& e1 = unitNamed(now, "E1");
  EXPECT_EQ(*e1.centihours, 10'000 * 100);
  EXPECT_EQ(*e1.basis, 10'000 * 100);
  EXPECT_DOUBLE_EQ(*e1.perTenThousandHours, 1.0);
  EXPECT_DOUBLE_EQ(*e1.rate, 1.0);
  EXPECT_FALSE(e1.flagged());
  // E2: 1 on 2 000 h = 5,0: above. E3: hours of övertid only, so no arbetade timmar: no staff of
  // its own, not judged.
  EXPECT_DOUBLE_EQ(*unitNamed(now, "E2").perTenThousandHours, 5.0);
  EXPECT_FALSE(unitNamed(now, "E2").flagged());
  EXPECT_TRUE(unitNamed(now, "E3").withoutBasis);
  EXPECT_FALSE(unitNamed(now, "E3").flagged());

  // At 6 per 10 000 h E2 (5,0) is flagged and E1 (1,0) too.
  const auto stricter = underReporting({.records = recs,
                                        .tree = tree,
                                        .areaLevel = 2,
                                        .unitLevel = 3,
                                        .span = {2025, 1},
                                        .hours = &table,
                                        .rule = {.minst = 6}});
  EXPECT_TRUE(unitNamed(stricter, "E1").fewReports);
  EXPECT_TRUE(unitNamed(stricter, "E2").fewReports);

  // The full form with arbetade timmar per 1 000: the same basis, ten times fewer per unit.
  UnderReportingRule perThousand;
  perThousand.minst = 0.5;
  perThousand.per = 1'000;
  const auto thousand = underReporting({.records = recs,
                                        .tree = tree,
                                        .areaLevel = 2,
                                        .unitLevel = 3,
                                        .span = {2025, 1},
                                        .hours = &table,
                                        .rule = perThousand});
  EXPECT_DOUBLE_EQ(*unitNamed(thousand, "E1").rate, 0.1);
  EXPECT_TRUE(unitNamed(thousand, "E1").flagged());
  EXPECT_DOUBLE_EQ(*unitNamed(thousand, "E1").perTenThousandHours, 1.0);
}

// ---- The section, with the short form (the volym form: see the golden test) ----

// A nämnd with areas at level 2 and enheter at level 3; the basis is set by each test.
RunConfig sectionConfig() {
  RunConfig config;
  config.configPath = "/tmp/namnd.json";
  config.kommun = "Testkommun";
  config.namnd = "Socialnämnden";
  config.reportLevel = 2;
  config.avvikelser.present = true;
  config.avvikelser.unitLevel = 3;
  return config;
}

TEST(UnderReportingSection, NamesArbetadeTimmarInTheTextAndHeaders) {
  const ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/avvikelser.json"));
  const OrgTree tree = orgTree();
  const HrTable table = hours();
  RunConfig config = sectionConfig();
  config.avvikelser.minPerTenThousandHours = 6;
  const AvvikelserInput input{
      .config = config, .period = {2025, 1}, .records = records(), .tree = tree, .hours = &table};
  const AvvikelserView view(input, texts);
  EXPECT_TRUE(underReportingBasisApplies(view));
  EXPECT_EQ(underReportingBasisName(view), "arbetade timmar");
  EXPECT_FALSE(underReportingBasisCheck(view));
  const std::vector<Section> sections = buildUnderReportingSections(view);
  ASSERT_EQ(sections.size(), 2u);
  const auto& intro = std::get<TextSection>(sections[0]);
  EXPECT_TRUE(testing::mentions(intro.paragraphs[1],
                                {"färre än 6 avvikelser per 10\u00A0000 arbetade timmar"}));
  const auto& t = std::get<Table>(sections[1]);
  std::vector<std::string> headers;
  for (const Column& c : t.columns) headers.push_back(c.header);
  EXPECT_EQ(headers,
            (std::vector<std::string>{"Verksamhet", "Enhet", "Avvikelser", "Arbetade timmar",
                                      "Avvikelser per 10\u00A0000 arbetade timmar", "Signal"}));
  EXPECT_EQ(t.columns[3].kind, ColumnKind::Count);
  EXPECT_EQ(t.columns[4].kind, ColumnKind::Decimal);
  EXPECT_EQ(t.columns[4].decimals, 1);
  ASSERT_EQ(t.rows.size(), 2u);  // E1 (1,0) and E2 (5,0) below 6
  EXPECT_EQ(std::get<std::string>(t.rows[0].cells[1]), "Enhet ett");
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0].cells[3]), 10'000);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[1].cells[4]), 5.0);
  ASSERT_EQ(t.footnotes.size(), 1u);
  EXPECT_TRUE(testing::mentions(t.footnotes[0], {"ingen egen personal", "Enhet tre"}));

  // No arbetade timmar in the period: the rate is not applied, and the check says why.
  const HrTable none;
  const AvvikelserInput without{
      .config = config, .period = {2025, 1}, .records = records(), .tree = tree, .hours = &none};
  const AvvikelserView bare(without, texts);
  EXPECT_FALSE(underReportingBasisApplies(bare));
  const std::optional<CheckItem> check = underReportingBasisCheck(bare);
  ASSERT_TRUE(check);
  EXPECT_EQ(check->status, CheckStatus::Warning);
  EXPECT_TRUE(testing::mentions(check->description, {"Arbetade timmar som underlag"}));
  EXPECT_TRUE(testing::mentions(check->detail, {"per 10\u00A0000 arbetade timmar", "saknas"}));
  const std::vector<Section> bareSections = buildUnderReportingSections(bare);
  const auto& bareIntro = std::get<TextSection>(bareSections[0]);
  EXPECT_TRUE(testing::mentions(bareIntro.paragraphs[1], {"Någon gräns per arbetade timmar"}));
}

// ---- The section with a volym basis (needs AvvikelserInput::volymer) ----

TEST(UnderReportingSection, NamesTheVolymInTheTextHeadersAndFootnote) {
  const ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/avvikelser.json"));
  const OrgTree tree = orgTree();
  const VolymTable table = volymer();
  RunConfig config = sectionConfig();
  config.avvikelser.underReporting = volymRule("brukare", false, 2, 100);
  const AvvikelserInput input{
      .config = config, .period = {2025, 1}, .records = records(), .tree = tree, .volymer = &table};
  const AvvikelserView view(input, texts);
  const std::vector<Section> sections = buildUnderReportingSections(view);
  ASSERT_EQ(sections.size(), 2u);
  const auto& intro = std::get<TextSection>(sections[0]);
  // A stock's rate is per half-year (so that a year's report means the same threshold).
  EXPECT_TRUE(
      testing::mentions(intro.paragraphs[1], {"färre än 2 avvikelser per 100 brukare och halvår"}));
  EXPECT_TRUE(testing::mentions(intro.paragraphs[2], {"medelvärdet", "enhetens ansvar"}));
  const auto& t = std::get<Table>(sections[1]);
  std::vector<std::string> headers;
  for (const Column& c : t.columns) headers.push_back(c.header);
  EXPECT_EQ(headers,
            (std::vector<std::string>{"Verksamhet", "Enhet", "Avvikelser", "Brukare (snitt)",
                                      "Avvikelser per 100 brukare och halvår", "Signal"}));
  EXPECT_EQ(t.columns[3].kind, ColumnKind::Decimal);
  EXPECT_EQ(t.columns[3].decimals, 1);
  EXPECT_EQ(t.columns[4].decimals, 1);
  // E1 is exactly at 2,0 and not shown; E2 (80 brukare, 1,25 per 100) is.
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(t.rows[0].cells[1]), "Enhet två");
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0].cells[3]), 80.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0].cells[4]), 1.25);
  EXPECT_EQ(std::get<std::string>(t.rows[0].cells[5]), "Få rapporter");
  ASSERT_EQ(t.footnotes.size(), 1u);
  EXPECT_TRUE(testing::mentions(t.footnotes[0], {"saknar både värde för brukare", "Enhet tre"}));

  // A flow with a name of its own: summed, shown as a whole number.
  config.avvikelser.underReporting = volymRule("placeringsdygn", true, 1, 1'000);
  config.avvikelser.underReporting->name = "vårddygn";
  const AvvikelserView flowView(input, texts);
  const std::vector<Section> flowSections = buildUnderReportingSections(flowView);
  const auto& flow = std::get<Table>(flowSections[1]);
  EXPECT_EQ(flow.columns[3].header, "Vårddygn");
  EXPECT_EQ(flow.columns[3].kind, ColumnKind::Count);
  EXPECT_EQ(flow.columns[4].header, "Avvikelser per 1\u00A0000 vårddygn");
  EXPECT_EQ(std::get<std::int64_t>(flow.rows[0].cells[3]), 1'900);
}

// ---- Config ----

class UnderReportingConfig : public ::testing::Test {
 protected:
  UnderReportingConfig() {
    testing::writeMinimalKommunSetup(dir.path());
    testing::writeFile(dir / "in" / "huvudbok.csv", "x");
    testing::writeFile(dir / "in" / "hsl.csv", "x");
    testing::writeFile(dir / "in" / "volymer.csv",
                       "period;matt;ansvar;varde\n202501;brukare;E1a;40\n"
                       "202501;Anställda;E1a;12\n");
    testing::writeFile(dir / "delar" / "volymer.csv", "period;matt;ansvar;varde\n");
    base = fs::canonical(dir.path());
  }

  // The config with `under` as "avvikelser.underrapportering" (and `extra` keys in the block).
  RunConfig load(const std::string& under, const std::string& extra = "",
                 const std::string& delarsrapport = "") {
    std::string json = R"({"kommun": "Testby kommun", "namnd": "Socialnämnden",
      "lager": "sqlite:../ut/lager.sqlite", "utdata": "../ut", "mallar": "../mallar",
      "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Område", "Ansvar"], "rapportniva": 2},
      "kontoplan": "../kontoplan.csv", "huvudbok": "../in/huvudbok.csv")";
    if (!delarsrapport.empty()) json += ", \"delarsrapport\": " + delarsrapport;
    json += R"(, "avvikelser": {"register": "../in/hsl.csv")";
    if (!under.empty()) json += ", \"underrapportering\": " + under;
    if (!extra.empty()) json += ", " + extra;
    json += "}}";
    testing::writeFile(dir / "konfig" / "namnd.json", json);
    return loadRunConfig(dir / "konfig" / "namnd.json");
  }

  std::optional<ConfigError> errorOf(const std::string& under, const std::string& extra = "") {
    return testing::thrown<ConfigError>([&] { load(under, extra); });
  }

  // The ConfigError of checking the volymer of `config`, if any.
  std::optional<ConfigError> volymerErrorOf(const RunConfig& config) {
    return testing::thrown<ConfigError>([&] {
      const auto file = underReportingVolymerFile(config);
      if (!file) return;
      const VolymImport read = readVolymer(*openTabularSource(file->file));
      requireUnderReportingMeasure(config, *file, read.table);
    });
  }

  testing::TempDir dir;
  fs::path base;
};

TEST_F(UnderReportingConfig, TheFullFormWithAVolymAndItsFileRelativeToTheConfig) {
  const RunConfig config =
      load(R"({"underlag": "volym", "matt": "Brukare", "minst": 2, "per": 100})",
           R"("volymer": "../in/volymer.csv")");
  const UnderReportingRule rule = config.avvikelser.underReportingRule();
  EXPECT_EQ(rule.basis, UnderReportingRule::Basis::Volym);
  EXPECT_EQ(rule.matt, "brukare");  // folded as the volymer reader folds a mått
  EXPECT_EQ(rule.name, "Brukare");  // the report writes it as the user did, not as the code
  EXPECT_FALSE(rule.summeras);      // a stock unless said otherwise
  EXPECT_DOUBLE_EQ(rule.minst, 2);
  EXPECT_DOUBLE_EQ(rule.per, 100);
  ASSERT_TRUE(config.avvikelser.volymer);
  EXPECT_EQ(config.avvikelser.volymer->path, base / "in" / "volymer.csv");
  const auto file = underReportingVolymerFile(config);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->configKey, "avvikelser.volymer");
  EXPECT_FALSE(volymerErrorOf(config));

  const RunConfig flow = load(
      R"({"underlag": "volym", "matt": "anstallda", "namn": "anställda", "summeras": true,
          "minst": 1})",
      R"("volymer": "../in/volymer.csv")");
  EXPECT_TRUE(flow.avvikelser.underReportingRule().summeras);
  EXPECT_EQ(flow.avvikelser.underReportingRule().name, "anställda");
  EXPECT_DOUBLE_EQ(flow.avvikelser.underReportingRule().per, 100);  // a volym's default
  EXPECT_FALSE(volymerErrorOf(flow));  // "Anställda" in the file is anstallda

  const RunConfig timmar = load(R"({"underlag": "arbetade_timmar", "minst": 1})");
  EXPECT_EQ(timmar.avvikelser.underReportingRule().basis,
            UnderReportingRule::Basis::ArbetadeTimmar);
  EXPECT_DOUBLE_EQ(timmar.avvikelser.underReportingRule().per, 10'000);
  EXPECT_FALSE(underReportingVolymerFile(timmar));  // no volymer needed
}

TEST_F(UnderReportingConfig, WithoutItsOwnFileAVolymUsesTheDelarsrapportensVolymer) {
  const std::string under = R"({"underlag": "volym", "matt": "brukare", "minst": 2})";
  const std::string delar = R"({"volymer": "../delar/volymer.csv"})";
  const RunConfig shared = load(under, "", delar);
  const auto file = underReportingVolymerFile(shared);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->configKey, "delarsrapport.volymer");
  EXPECT_EQ(file->file.path, base / "delar" / "volymer.csv");
  // Its own wins over the delårsrapport's.
  const RunConfig own = load(under, R"("volymer": "../in/volymer.csv")", delar);
  EXPECT_EQ(underReportingVolymerFile(own)->file.path, base / "in" / "volymer.csv");
  // Neither: a ConfigError saying where a volymer file goes.
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] { underReportingVolymerFile(load(under)); }),
      {"namnd.json", "underlag \"volym\"", "ingen volymfil", "\"avvikelser.volymer\"",
       "\"delarsrapport.volymer\""}));
}

TEST_F(UnderReportingConfig, EveryMistakeIsASwedishConfigErrorNamingTheKey) {
  EXPECT_TRUE(testing::mentions(errorOf(R"({"underlag": "invanare", "minst": 1})"),
                                {"namnd.json", "\"avvikelser.underrapportering.underlag\"",
                                 "\"invanare\" är okänt", "\"arbetade_timmar\"", "\"volym\""}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"underlag": "volym", "minst": 1})"),
                                {"\"avvikelser.underrapportering.matt\"", "saknas", "brukare"}));
  for (const char* per : {"0", "-5"})
    EXPECT_TRUE(testing::mentions(
        errorOf(std::string(R"({"underlag": "volym", "matt": "brukare", "minst": 1, "per": )") +
                per + "}"),
        {"\"avvikelser.underrapportering.per\"", "ska vara större än 0"}))
        << per;
  EXPECT_TRUE(testing::mentions(errorOf(R"({"minst": 1, "per": 0})"),
                                {"\"avvikelser.underrapportering.per\"", "större än 0"}));
  EXPECT_TRUE(testing::mentions(
      errorOf(R"({"underlag": "volym", "matt": "brukare", "minst": 1, "per": 2000000})"),
      {"\"avvikelser.underrapportering.per\"", "högst 1000000"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"underlag": "volym", "matt": "brukare"})"),
                                {"\"avvikelser.underrapportering.minst\"", "saknas"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"underlag": "volym", "matt": "brukare", "minst": -1})"),
                                {"\"avvikelser.underrapportering.minst\"", "mellan 0"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"minst_per_10000_timmar": 1, "underlag": "volym"})"),
                                {"\"avvikelser.underrapportering.underlag\"",
                                 "kan inte kombineras med \"minst_per_10000_timmar\""}));
  EXPECT_TRUE(
      testing::mentions(errorOf(R"({"underlag": "arbetade_timmar", "matt": "brukare",
                                           "minst": 1})"),
                        {"\"avvikelser.underrapportering.matt\"", "bara underlag \"volym\""}));
  EXPECT_TRUE(testing::mentions(
      errorOf(R"({"underlag": "volym", "matt": "brukare", "minst": 1, "summeras": "ja"})"),
      {"\"avvikelser.underrapportering.summeras\"", "true", "false"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"underlag": "volym", "matt": "?!", "minst": 1})"),
                                {"\"avvikelser.underrapportering.matt\"", "inget måttnamn"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"grans": 1})"),
                                {"\"avvikelser.underrapportering.grans\"", "okänd"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"(5)"), {"\"avvikelser.underrapportering\"", "objekt"}));
  EXPECT_TRUE(testing::mentions(errorOf(R"({"underlag": "volym", "matt": "brukare", "minst": 1})",
                                        R"("volymer": "../in/finns-inte.csv")"),
                                {"\"avvikelser.volymer\"", "finns-inte.csv", "som inte finns"}));

  // A mått the volymer file does not have: named, with the file and the mått it has.
  const RunConfig wrong = load(R"({"underlag": "volym", "matt": "brukar", "minst": 1})",
                               R"("volymer": "../in/volymer.csv")");
  EXPECT_TRUE(testing::mentions(
      volymerErrorOf(wrong),
      {"namnd.json", "\"avvikelser.underrapportering.matt\"", "\"brukar\" finns inte i volymerna",
       "../in/volymer.csv", "(\"avvikelser.volymer\")", "har måtten anstallda, brukare"}));
  const RunConfig empty = load(R"({"underlag": "volym", "matt": "brukare", "minst": 1})", "",
                               R"({"volymer": "../delar/volymer.csv"})");
  EXPECT_TRUE(testing::mentions(volymerErrorOf(empty),
                                {"(\"delarsrapport.volymer\")", "inte har några mått"}));
}

TEST_F(UnderReportingConfig, TheShortFormStillReadsAsBefore) {
  const RunConfig config = load(R"({"minst_per_10000_timmar": 2.5})");
  EXPECT_DOUBLE_EQ(config.avvikelser.minPerTenThousandHours, 2.5);
  EXPECT_FALSE(config.avvikelser.underReporting);
  const UnderReportingRule rule = config.avvikelser.underReportingRule();
  EXPECT_EQ(rule.basis, UnderReportingRule::Basis::ArbetadeTimmar);
  EXPECT_DOUBLE_EQ(rule.minst, 2.5);
  EXPECT_DOUBLE_EQ(rule.per, 10'000);
  EXPECT_TRUE(testing::mentions(errorOf(R"({"minst_per_10000_timmar": -1})"),
                                {"\"avvikelser.underrapportering.minst_per_10000_timmar\""}));
  // No "underrapportering": no rate.
  EXPECT_DOUBLE_EQ(load("").avvikelser.underReportingRule().minst, 0);
}

// One threshold for a stock means the same in a year's report as in a half-year's: a year has
// twice the reports on the same brukare, so its rate is taken per half-year.
TEST(UnderReportingBasis, AStocksRateIsPerHalfYearAlsoInAYearsReport) {
  const OrgTree tree = orgTree();
  VolymTable table;
  for (int m = 1; m <= 12; ++m) table.add("brukare", "E1a", Period(2025, m), brukare(50));
  // Three reports in the year on 50 brukare: 6 per 100 and year, 3 per 100 and half-year.
  const std::vector<AvvikelseRecord> recs = {
      report({2025, 2, 1}, "E1a"), report({2025, 5, 1}, "E1a"), report({2025, 9, 1}, "E1a")};
  const auto year = underReporting({.records = recs,
                                    .tree = tree,
                                    .areaLevel = 2,
                                    .unitLevel = 3,
                                    .span = {2025, 0},
                                    .rule = volymRule("brukare", false, 5, 100),
                                    .volymer = &table});
  const UnitReporting& e1 = unitNamed(year, "E1");
  EXPECT_EQ(*e1.basis, brukare(50));
  EXPECT_DOUBLE_EQ(*e1.rate, 3.0 * 100 / 50 / 2);
  EXPECT_TRUE(e1.fewReports);  // 3 < 5 per 100 and half-year
  // The first half-year alone: two reports, 4 per 100: also below.
  const auto half = underReporting({.records = recs,
                                    .tree = tree,
                                    .areaLevel = 2,
                                    .unitLevel = 3,
                                    .span = {2025, 1},
                                    .rule = volymRule("brukare", false, 5, 100),
                                    .volymer = &table});
  EXPECT_DOUBLE_EQ(*unitNamed(half, "E1").rate, 2.0 * 100 / 50);
  // A flow is summed over the span: its rate is not scaled.
  const auto flow = underReporting({.records = recs,
                                    .tree = tree,
                                    .areaLevel = 2,
                                    .unitLevel = 3,
                                    .span = {2025, 0},
                                    .rule = volymRule("brukare", true, 5, 100),
                                    .volymer = &table});
  EXPECT_DOUBLE_EQ(*unitNamed(flow, "E1").rate, 3.0 * 100 / (50 * 12));
}

// An enhet with staff (arbetade timmar) but no value of the volym (IFO has no brukare) is still
// flagged when it has no report at all; without staff either it is not judged.
TEST(UnderReportingBasis, AnEnhetWithStaffButNoVolymIsFlaggedWhenItHasNoReports) {
  const OrgTree tree = orgTree();
  VolymTable table;
  for (int m = 1; m <= 6; ++m) table.add("brukare", "E1a", Period(2025, m), brukare(50));
  HrTable staff;
  staff[{"E2a", Period(2025, 3), HrKind::Arbetad}] = {.centihours = 1'000 * 100};
  staff[{"E3a", Period(2025, 3), HrKind::Arbetad}] = {.centihours = 1'000 * 100};
  staff[{"E3a", Period(2025, 4), HrKind::Overtid}] = {.centihours = 50 * 100};
  // E2 reports once, E3 never.
  const std::vector<AvvikelseRecord> recs = {report({2025, 2, 1}, "E1a"),
                                             report({2025, 3, 1}, "E2a")};
  const auto units = underReporting({.records = recs,
                                     .tree = tree,
                                     .areaLevel = 2,
                                     .unitLevel = 3,
                                     .span = {2025, 1},
                                     .hours = &staff,
                                     .rule = volymRule("brukare", false, 1, 100),
                                     .volymer = &table});
  const UnitReporting& e2 = unitNamed(units, "E2");
  EXPECT_TRUE(e2.withoutBasis);
  EXPECT_TRUE(e2.staffedWithoutBasis);
  EXPECT_FALSE(e2.flagged());  // it reports
  const UnitReporting& e3 = unitNamed(units, "E3");
  EXPECT_TRUE(e3.staffedWithoutBasis);
  EXPECT_TRUE(e3.flagged());
  // Without the hr input nothing tells that E3 has staff: not judged.
  const auto bare = underReporting({.records = recs,
                                    .tree = tree,
                                    .areaLevel = 2,
                                    .unitLevel = 3,
                                    .span = {2025, 1},
                                    .rule = volymRule("brukare", false, 1, 100),
                                    .volymer = &table});
  EXPECT_FALSE(unitNamed(bare, "E3").flagged());
}

// The section names the mått as the config writes it, never as its folded code, and says
// "1 avvikelse" in the singular.
TEST(UnderReportingSection, NamesTheMattAsWrittenAndFlagsStaffedEnheterWithoutAVolym) {
  const ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/avvikelser.json"));
  const OrgTree tree = orgTree();
  VolymTable table;
  for (int m = 1; m <= 6; ++m) table.add("anstallda", "E1a", Period(2025, m), brukare(20));
  HrTable staff;
  staff[{"E3a", Period(2025, 3), HrKind::Arbetad}] = {.centihours = 1'000 * 100};
  RunConfig config = sectionConfig();
  config.avvikelser.underReporting = volymRule("anstallda", false, 1, 10);
  config.avvikelser.underReporting->name = "anställda";
  const std::vector<AvvikelseRecord> recs = {report({2025, 2, 1}, "E1a")};
  const AvvikelserInput input{.config = config,
                              .period = {2025, 1},
                              .records = recs,
                              .tree = tree,
                              .hours = &staff,
                              .volymer = &table};
  const AvvikelserView view(input, texts);
  const std::vector<Section> sections = buildUnderReportingSections(view);
  ASSERT_EQ(sections.size(), 2u);
  const auto& intro = std::get<TextSection>(sections[0]);
  EXPECT_TRUE(
      testing::mentions(intro.paragraphs[1], {"färre än 1 avvikelse per 10 anställda och halvår"}));
  const auto& t = std::get<Table>(sections[1]);
  EXPECT_EQ(t.columns[3].header, "Anställda (snitt)");
  // E1: 1 report on 20 anställda = 0,5 per 10 < 1; E3: staff, no value, no report.
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t.rows[1].cells[1]), "Enhet tre");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[1].cells[3]));
  EXPECT_EQ(std::get<std::string>(t.rows[1].cells[5]), "Inga rapporter");
  EXPECT_TRUE(std::any_of(t.footnotes.begin(), t.footnotes.end(), [](const std::string& f) {
    return testing::mentions(
        f, {"med arbetade timmar", "bedöms bara på om de har rapporter", "Enhet tre"});
  }));
}

}  // namespace
}  // namespace namnd
