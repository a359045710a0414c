// The counting rules of the avvikelse report at their edges: registration date on 30 June and 1
// July, a whole-year period, the Översikt's columns, a tie for the dominant händelsetyp, whole
// percents that do not add to 100, the person threshold, and under-reporting with and without
// arbetade timmar.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "aggregate/avvikelse_counts.hpp"
#include "aggregate/avvikelse_units.hpp"
#include "core/errors.hpp"
#include "reports/avvikelser/avvikelser_builder.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

AvvikelseRecord record(CalendarDate registrerad, std::string org = "A1",
                       AvvikelseTyp typ = AvvikelseTyp::Avvikelse, Lagrum lagrum = Lagrum::SoL,
                       std::string handelsetyp = "Trygghet") {
  AvvikelseRecord r;
  r.id = "ID-" + registrerad.iso() + org;
  r.registrerad = registrerad;
  r.org = std::move(org);
  r.typ = typ;
  r.lagrum = lagrum;
  r.handelsetyp = std::move(handelsetyp);
  return r;
}

// Nämnd N → areas V (units A1, A2) and W (unit B1) → X (no avvikelser ever).
OrgTree smallTree() {
  OrgTree tree;
  tree.add({.code = "N", .name = "Nämnd", .level = 1});
  tree.add({.code = "V", .name = "Vård", .parent = "N", .level = 2, .order = 1});
  tree.add({.code = "A1", .name = "Enhet A1", .parent = "V", .level = 3, .order = 1});
  tree.add({.code = "A2", .name = "Enhet A2", .parent = "V", .level = 3, .order = 2});
  tree.add({.code = "W", .name = "Stöd", .parent = "N", .level = 2, .order = 2});
  tree.add({.code = "B1", .name = "Enhet B1", .parent = "W", .level = 3, .order = 1});
  tree.add({.code = "X", .name = "Ledning", .parent = "N", .level = 2, .order = 3});
  tree.add({.code = "X1", .name = "Stab", .parent = "X", .level = 3, .order = 1});
  tree.validate();
  return tree;
}

TEST(AvvikelseCounts, ThirtiethOfJuneIsTheFirstHalfAndFirstOfJulyTheSecond) {
  const std::vector<AvvikelseRecord> records = {record({2022, 6, 30}), record({2022, 7, 1}),
                                                record({2022, 1, 1}), record({2022, 12, 31})};
  const HalfYearPeriod h1{2022, 1}, h2{2022, 2}, year{2022, 0};
  EXPECT_EQ(countTotals(records, h1).solLss, 2);
  EXPECT_EQ(countTotals(records, h2).solLss, 2);
  EXPECT_EQ(countTotals(records, year).solLss, 4);
  EXPECT_EQ(countTotals(records, {2021, 0}).solLss, 0);
}

TEST(AvvikelseCounts, LateReportsAreThoseRegisteredAfterTheEndAboutEventsUpToIt) {
  std::vector<AvvikelseRecord> records = {record({2022, 7, 1}), record({2022, 7, 1}),
                                          record({2022, 7, 1}), record({2022, 6, 30})};
  records[0].handelse = CalendarDate{2022, 6, 30};  // late: counted in the footnote
  records[1].handelse = CalendarDate{2022, 7, 1};   // an event of the next period
  records[2].handelse = std::nullopt;               // unknown event date: not claimed late
  records[3].handelse = CalendarDate{2022, 6, 1};   // in the period
  EXPECT_EQ(countRegisteredAfter(records, {2022, 1}), 1);
  // A whole-year period ends on 31 December: none of them is late.
  EXPECT_EQ(countRegisteredAfter(records, {2022, 0}), 0);
  EXPECT_EQ(countOversikt(records, {{2022, 1}}).byTyp[0][0], 1);
}

TEST(AvvikelseCounts, EachPartCountsOnlyItsOwnLateReports) {
  // Late: two SoL, one lex Sarah (SoL/LSS whatever its lagrum), one HSL and one lex Maria (HSL).
  std::vector<AvvikelseRecord> records = {
      record({2022, 7, 2}), record({2022, 7, 3}),
      record({2022, 8, 1}, "A1", AvvikelseTyp::LexSarah, Lagrum::HSL),
      record({2022, 7, 4}, "A1", AvvikelseTyp::Avvikelse, Lagrum::HSL),
      record({2022, 7, 5}, "A1", AvvikelseTyp::LexMaria, Lagrum::SoL)};
  for (AvvikelseRecord& r : records) r.handelse = CalendarDate{2022, 6, 20};
  EXPECT_EQ(countRegisteredAfter(records, {2022, 1}, AvvikelseDel::SolLss), 3);
  EXPECT_EQ(countRegisteredAfter(records, {2022, 1}, AvvikelseDel::Hsl), 2);
  EXPECT_EQ(countRegisteredAfter(records, {2022, 1}), 5);
}

TEST(AvvikelseCounts, ColumnCoverageNamesTheFilesWithoutTheColumn) {
  std::vector<AvvikelseRecord> records(5, record({2022, 3, 1}));
  for (std::size_t i = 0; i < records.size(); ++i) {
    records[i].source = i < 2 ? "hsl.csv" : i < 4 ? "sol.xlsx" : "extra.csv";
    if (i >= 2) records[i].columns = kAllAvvikelseColumns & ~kColumnHoftbyxa;
  }
  const auto all = [](const AvvikelseRecord&) { return true; };
  const ColumnCoverage partial = columnCoverage(records, kColumnHoftbyxa, all);
  EXPECT_EQ(partial.records, 5);
  EXPECT_EQ(partial.without, 3);
  EXPECT_EQ(partial.filesWithout, (std::vector<std::string>{"sol.xlsx", "extra.csv"}));
  EXPECT_TRUE(partial.partial());
  EXPECT_FALSE(partial.none());
  const ColumnCoverage none = columnCoverage(
      records, kColumnHoftbyxa, [](const AvvikelseRecord& r) { return r.source != "hsl.csv"; });
  EXPECT_TRUE(none.none());
  const ColumnCoverage full = columnCoverage(records, kColumnPerson, all);
  EXPECT_EQ(full.without, 0);
  EXPECT_FALSE(full.partial() || full.none());
  // An empty set is neither: nothing to count is 0, not "uppgift saknas".
  EXPECT_FALSE(columnCoverage(records, kColumnHoftbyxa, [](const AvvikelseRecord&) {
                 return false;
               }).none());
}

TEST(AvvikelseCounts, ExternaFromRegistersWithoutPartOrRiktningAreKeptApart) {
  std::vector<AvvikelseRecord> records(
      4, record({2022, 3, 1}, "A1", AvvikelseTyp::Extern, Lagrum::HSL, ""));
  records[0].externPart = "NÄL";
  records[0].riktning = Riktning::TillKommunen;
  records[1].externPart = "NÄL";
  records[1].columns = kAllAvvikelseColumns & ~kColumnRiktning;  // direction unknown
  records[2].columns = kAllAvvikelseColumns & ~kColumnExternPart;
  records[2].riktning = Riktning::FranKommunen;
  records[3].externPart = "";  // the column is there, the cell empty
  const std::vector<ExternCount> counts = countExterna(records, {2022, 1});
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].part, "NÄL");
  EXPECT_EQ(counts[0].tillKommunen, 1);
  EXPECT_EQ(counts[0].riktningSaknas, 1);
  EXPECT_EQ(counts[0].utanRiktning, 0);
  EXPECT_FALSE(counts[1].partSaknas);  // not given
  EXPECT_EQ(counts[1].utanRiktning, 1);
  EXPECT_TRUE(counts[2].partSaknas);  // no column: last
  EXPECT_EQ(counts[2].franKommunen, 1);
}

TEST(AvvikelseCounts, OversiktColumnsMixHelarAndHalvarChronologically) {
  auto codes = [](HalfYearPeriod p, int years) {
    std::vector<std::string> out;
    for (const HalfYearPeriod& s : oversiktSpans(p, years)) out.push_back(s.code());
    return out;
  };
  EXPECT_EQ(codes({2022, 1}, 3),
            (std::vector<std::string>{"2019", "2020", "2021H1", "2021", "2022H1"}));
  EXPECT_EQ(codes({2022, 2}, 1), (std::vector<std::string>{"2021H2", "2021", "2022H2"}));
  EXPECT_EQ(codes({2022, 0}, 2), (std::vector<std::string>{"2020", "2021", "2022"}));
  EXPECT_EQ(codes({2022, 1}, 0), (std::vector<std::string>{"2022H1"}));
}

TEST(AvvikelseCounts, LexSarahIsSolLssAndLexMariaHslWhateverTheLagrum) {
  const std::vector<AvvikelseRecord> records = {
      record({2022, 3, 1}, "A1", AvvikelseTyp::LexSarah, Lagrum::HSL),
      record({2022, 3, 1}, "A1", AvvikelseTyp::LexMaria, Lagrum::SoL),
      record({2022, 3, 1}, "A1", AvvikelseTyp::Klagomal, Lagrum::HSL),
      record({2022, 3, 1}, "A1", AvvikelseTyp::Avvikelse, Lagrum::LSS)};
  const AvvikelseTotals t = countTotals(records, {2022, 1});
  EXPECT_EQ(t.solLss, 2);
  EXPECT_EQ(t.lexMaria, 1);
  EXPECT_EQ(t.hslKlagomal, 1);
  EXPECT_EQ(t.hslAvvikelser, 0);
  EXPECT_EQ(t.grand(), 2);
}

TEST(AvvikelseCounts, DominantHandelsetypTieListsEveryTiedNameInSwedishOrder) {
  HandelsetypTally tally;
  for (const char* t : {"Trygghet", "Trygghet", "Larm och telefoni", "Larm och telefoni", "Omsorg",
                        "Ägarbyte", "Ägarbyte", "Åtgärd", "Åtgärd", "Zon", "Zon", "", "", "", ""})
    tally.add(t);
  const auto dominant = dominantHandelsetyp(tally);
  ASSERT_TRUE(dominant);
  // Four records without a händelsetyp never dominate; five names tie at 2, in Swedish order
  // (byte order would put Ä before Å).
  EXPECT_TRUE(dominant->tie());
  EXPECT_EQ(dominant->count, 2);
  EXPECT_EQ(dominant->handelsetyp, "Larm och telefoni");
  EXPECT_EQ(dominant->tiedWith,
            (std::vector<std::string>{"Trygghet", "Zon", "Åtgärd", "Ägarbyte"}));

  HandelsetypTally single;
  for (const char* t : {"Omsorg", "Omsorg", "Trygghet"}) single.add(t);
  EXPECT_FALSE(dominantHandelsetyp(single)->tie());

  HandelsetypTally none;
  none.add("");
  EXPECT_FALSE(dominantHandelsetyp(none));
}

TEST(AvvikelseCounts, SwedishOrderPutsAaAeOeAfterZAndIgnoresCase) {
  std::vector<std::string> names = {"ö",         "Ärende", "zebra", "åtgärd", "Avgift",
                                    "bemötande", "Éclair", "ex",    "Öga",    "ål"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return swedishLess(a, b); });
  EXPECT_EQ(names, (std::vector<std::string>{"Avgift", "bemötande", "Éclair", "ex", "zebra", "ål",
                                             "åtgärd", "Ärende", "ö", "Öga"}));
  EXPECT_FALSE(swedishLess("Omsorg", "Omsorg"));
  // Equal but for case: a total order all the same.
  EXPECT_NE(swedishLess("omsorg", "Omsorg"), swedishLess("Omsorg", "omsorg"));
}

TEST(AvvikelseCounts, WholePercentsAreHalfUpPerShareAndTheSumIsReported) {
  const Shares herrljunga = wholePercentShares(
      {{"Trygghet", 19}, {"Insats", 8}, {"Plan", 8}, {"Omsorg", 5}, {"Dokumentation", 2}});
  std::vector<std::int64_t> percents;
  for (const Share& s : herrljunga.items) percents.push_back(s.percent);
  EXPECT_EQ(percents, (std::vector<std::int64_t>{45, 19, 19, 12, 5}));
  EXPECT_EQ(herrljunga.percentSum, 100);

  // Thirds: 33,3 each → 99; eighths: 12,5 each rounds up → 104. Both are shown as they are.
  EXPECT_EQ(wholePercentShares({{"a", 1}, {"b", 1}, {"c", 1}}).percentSum, 99);
  std::map<std::string, std::int64_t> eighths;
  for (char c = 'a'; c < 'a' + 8; ++c) eighths[std::string(1, c)] = 1;
  const Shares e = wholePercentShares(eighths);
  EXPECT_EQ(e.items[0].percent, 13);
  EXPECT_EQ(e.percentSum, 104);
  EXPECT_EQ(wholePercentHalfUp(1, 200), 1);  // 0,5 % → 1
  EXPECT_EQ(wholePercentHalfUp(1, 201), 0);  // 0,497 % → 0
}

TEST(AvvikelseCounts, FallCountsUniquePersonsAndKeepsRecordsWithoutPersonApart) {
  std::vector<AvvikelseRecord> records;
  for (int i = 0; i < 6; ++i) {
    AvvikelseRecord r = record({2022, 2, 1 + i}, "A1", AvvikelseTyp::Avvikelse, Lagrum::HSL, "");
    r.kategori = i == 5 ? "Läkemedel" : "fall/FALLOLYCKA ";
    r.person = i < 3 ? 77 : (i == 3 ? 78 : 0);
    r.flags = i == 0 ? (kHoftbyxa | kFraktur) : kGanghjalpmedel;
    records.push_back(r);
  }
  const FallFacts f = countFall(records, {2022, 1}, "Fall/fallolycka");
  EXPECT_EQ(f.count, 5);
  EXPECT_EQ(f.persons, 2);
  EXPECT_EQ(f.withoutPerson, 1);
  EXPECT_EQ(f.hoftbyxa, 1);
  EXPECT_EQ(f.fraktur, 1);
  EXPECT_EQ(f.ganghjalpmedel, 4);

  // A fall from a register without the person column is not "without person": the register
  // cannot tell (the report shows that apart).
  records[4].columns = kAllAvvikelseColumns & ~kColumnPerson;
  EXPECT_EQ(countFall(records, {2022, 1}, "Fall/fallolycka").withoutPerson, 0);
}

TEST(AvvikelseCounts, UnderReportingWithoutHoursFlagsOnlyEnheterWithoutReports) {
  const OrgTree tree = smallTree();
  const std::vector<AvvikelseRecord> records = {
      record({2022, 3, 1}, "A1"), record({2021, 3, 1}, "B1"),  // B1: only last year
      record({2022, 3, 1}, "A1", AvvikelseTyp::Klagomal)};     // klagomål are not reports
  const auto units = underReporting(
      {.records = records, .tree = tree, .areaLevel = 2, .unitLevel = 3, .span = {2022, 1}});
  // X reports nothing in any year and is not judged.
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].unit->code, "A1");
  EXPECT_FALSE(units[0].flagged());
  EXPECT_EQ(units[1].unit->code, "A2");
  EXPECT_TRUE(units[1].noReports);
  EXPECT_EQ(units[2].unit->code, "B1");
  EXPECT_TRUE(units[2].noReports);
}

TEST(AvvikelseCounts, UnderReportingWithHoursFlagsFewReportsPerTenThousandHours) {
  const OrgTree tree = smallTree();
  std::vector<AvvikelseRecord> records;
  for (int i = 0; i < 3; ++i) records.push_back(record({2022, 2, 1 + i}, "A1"));
  records.push_back(record({2022, 2, 1}, "A2"));
  HrTable hours;
  // A1: 3 reports on 6 000 h = 5,0 per 10 000 h; A2: 1 on 500 h = 20.
  hours[{"A1", Period(2022, 1), HrKind::Arbetad}] = {.centihours = 6'000 * 100};
  hours[{"A2", Period(2022, 6), HrKind::Arbetad}] = {.centihours = 500 * 100};
  hours[{"A2", Period(2022, 7), HrKind::Arbetad}] = {.centihours = 99'999 * 100};  // H2
  hours[{"A2", Period(2022, 5), HrKind::Overtid}] = {.centihours = 99'999 * 100};  // not arbetad
  const auto units = underReporting({.records = records,
                                     .tree = tree,
                                     .areaLevel = 2,
                                     .unitLevel = 3,
                                     .span = {2022, 1},
                                     .hours = &hours,
                                     .rule = {.minst = 6}});
  ASSERT_EQ(units.size(), 2u);  // W and X report nothing in any year
  EXPECT_DOUBLE_EQ(*units[0].perTenThousandHours, 5.0);
  EXPECT_TRUE(units[0].fewReports);
  EXPECT_EQ(*units[1].centihours, 500 * 100);
  EXPECT_DOUBLE_EQ(*units[1].perTenThousandHours, 20.0);
  EXPECT_FALSE(units[1].flagged());
}

// ---- Through the builder: the person threshold and the full-year period ----

class AvvikelserBuilderEdges : public ::testing::Test {
 protected:
  AvvikelserBuilderEdges()
      : texts(ReportTexts::load(testing::repoPath("templates/text/avvikelser.json"))),
        tree(smallTree()) {
    config.configPath = "/tmp/namnd.json";
    config.kommun = "Testkommun";
    config.namnd = "Socialnämnden";
    config.forvaltning = "Socialförvaltningen";
    config.reportLevel = 2;
    AvvikelserSettings& a = config.avvikelser;
    a.present = true;
    a.block = "avvikelser";
    a.handlaggare = "MAS";
    a.datum = "2023-02-01";
    a.diarienummer = "SN 1/2023";
    a.forslagTillBeslut = {"Godkänns."};
    a.signers = {{"Namn", "MAS"}};
    a.earlierYears = 2;
  }
  Document build(HalfYearPeriod period, std::vector<AvvikelseRecord> records) {
    AvvikelserInput input{
        .config = config, .period = period, .records = std::move(records), .tree = tree};
    return buildAvvikelserReport(input, texts);
  }
  static const Table* table(const Document& doc, const std::string& id) {
    for (const Section& s : doc.sections)
      if (const auto* t = std::get_if<Table>(&s); t && t->id == id) return t;
    return nullptr;
  }
  ReportTexts texts;
  OrgTree tree;
  RunConfig config;
};

TEST_F(AvvikelserBuilderEdges, PersonsBelowTheThresholdShowADashWithAFootnote) {
  std::vector<AvvikelseRecord> records;
  for (int i = 0; i < 6; ++i) {
    AvvikelseRecord r = record({2022, 3, 1 + i}, "A1", AvvikelseTyp::Avvikelse, Lagrum::HSL, "");
    r.kategori = "Fall/fallolycka";
    r.person = 1000 + i % 4;  // 4 persons
    records.push_back(r);
  }
  config.avvikelser.personThreshold = 5;
  Document doc = build({2022, 1}, records);
  const Table* fall = table(doc, "fall");
  ASSERT_NE(fall, nullptr);
  EXPECT_EQ(std::get<std::int64_t>(fall->rows[0].cells[2]), 6);
  EXPECT_EQ(std::get<std::string>(fall->rows[1].cells[2]), "–");
  ASSERT_FALSE(fall->footnotes.empty());
  EXPECT_TRUE(testing::mentions(fall->footnotes[0], {"färre än 5 personer"}));

  config.avvikelser.personThreshold = 4;  // exactly at the threshold: shown
  doc = build({2022, 1}, records);
  EXPECT_EQ(std::get<std::int64_t>(table(doc, "fall")->rows[1].cells[2]), 4);
}

TEST_F(AvvikelserBuilderEdges, FullYearPeriodHasOnlyHelarColumnsAndCountsBothHalves) {
  const std::vector<AvvikelseRecord> records = {record({2022, 6, 30}), record({2022, 7, 1}),
                                                record({2021, 12, 31}), record({2023, 1, 1})};
  const Document doc = build({2022, 0}, records);
  const Table* o = table(doc, "oversikt");
  ASSERT_NE(o, nullptr);
  std::vector<std::string> headers;
  for (const Column& c : o->columns) headers.push_back(c.header);
  EXPECT_EQ(headers, (std::vector<std::string>{"Typ", "Helår 2020", "Helår 2021", "Helår 2022"}));
  EXPECT_EQ(std::get<std::int64_t>(o->rows[0].cells[2]), 1);
  EXPECT_EQ(std::get<std::int64_t>(o->rows[0].cells[3]), 2);
  EXPECT_EQ(doc.title, "Helårsrapport avvikelser år 2022 för Socialnämnden");
}

TEST_F(AvvikelserBuilderEdges, ATieForTheDominantHandelsetypNamesNoneAndTheFootnoteListsThem) {
  // A1 ties Trygghet/Omsorg/Ärende, B1 ties Bemötande/Dokumentation, and so do their areas: four
  // rows with a tie, one footnote.
  const std::vector<AvvikelseRecord> records = {
      record({2022, 3, 1}, "A1", AvvikelseTyp::Avvikelse, Lagrum::SoL, "Trygghet"),
      record({2022, 3, 2}, "A1", AvvikelseTyp::Avvikelse, Lagrum::SoL, "Ärende"),
      record({2022, 3, 5}, "A1", AvvikelseTyp::Avvikelse, Lagrum::SoL, "Omsorg"),
      record({2022, 3, 3}, "B1", AvvikelseTyp::Avvikelse, Lagrum::SoL, "Dokumentation"),
      record({2022, 3, 4}, "B1", AvvikelseTyp::Avvikelse, Lagrum::SoL, "Bemötande")};
  const Document doc = build({2022, 1}, records);
  const Table* t = table(doc, "per_enhet");
  ASSERT_NE(t, nullptr);
  const auto row = [&](const std::string& name) -> const Row* {
    for (const Row& r : t->rows)
      if (std::get<std::string>(r.cells[0]) == name) return &r;
    return nullptr;
  };
  const Row* a1 = row("Enhet A1");
  ASSERT_NE(a1, nullptr);
  // Not one of the three named as the most common: how many tie, and their count each.
  EXPECT_EQ(std::get<std::string>(a1->cells[2]), "Flera lika vanliga (3)");
  EXPECT_EQ(std::get<std::int64_t>(a1->cells[3]), 1);
  EXPECT_EQ(std::get<std::string>(row("Enhet B1")->cells[2]), "Flera lika vanliga (2)");
  std::vector<std::string> ties;
  for (const std::string& f : t->footnotes)
    if (testing::contains(f, "Flera lika vanliga")) ties.push_back(f);
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_TRUE(testing::mentions(
      ties[0], {"Enhet A1: Omsorg, Trygghet, Ärende", "Enhet B1: Bemötande, Dokumentation"}))
      << ties[0];

  // Without a tie, the händelsetyp itself and no such footnote.
  const Document single = build({2022, 1}, {records[0]});
  const Table* s = table(single, "per_enhet");
  ASSERT_NE(s, nullptr);
  for (const std::string& f : s->footnotes) EXPECT_FALSE(testing::contains(f, "lika vanliga"));
  EXPECT_EQ(std::get<std::string>(s->rows.back().cells[2]), "Trygghet");
}

TEST_F(AvvikelserBuilderEdges, AnEmptyRegisterBuildsAndAUnitLevelAboveTheAreasIsAConfigError) {
  EXPECT_NO_THROW(build({2022, 1}, {}));
  config.avvikelser.unitLevel = 1;
  EXPECT_TRUE(testing::mentions(testing::thrown<ConfigError>([&] {
                                  build({2022, 1}, {});
                                }),
                                {"avvikelser.niva"}));
}

}  // namespace
}  // namespace namnd
