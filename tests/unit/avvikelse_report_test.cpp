// The avvikelse report's presentation after review: figures from registers without the column
// they need read "uppgift saknas" (or are footnoted when only some registers lack it) with a
// check warning naming file and column; Förändring with its sign; period labels as Herrljunga
// writes them; lex Maria with its own headers; each part's own late reports; org moves
// footnoted; händelsetyp shares as one chart with one table; tjänsteskrivelse placeholders.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "reports/avvikelser/avvikelser_builder.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::contains;
using testing::mentions;

// Nämnd N → areas V (units A1, A2) and H (unit S1).
OrgTree tree() {
  OrgTree t;
  t.add({.code = "N", .name = "Nämnd", .level = 1});
  t.add({.code = "V", .name = "Vård", .parent = "N", .level = 2, .order = 1});
  t.add({.code = "A1", .name = "Enhet A1", .parent = "V", .level = 3, .order = 1});
  t.add({.code = "A2", .name = "Enhet A2", .parent = "V", .level = 3, .order = 2});
  t.add({.code = "H", .name = "Hälso- och sjukvård", .parent = "N", .level = 2, .order = 2});
  t.add({.code = "S1", .name = "Sjuksköterskor", .parent = "H", .level = 3, .order = 1});
  t.validate();
  return t;
}

AvvikelseRecord rec(CalendarDate registrerad, AvvikelseTyp typ, Lagrum lagrum,
                    std::string org = "A1", std::string source = "hsl.csv") {
  static int next = 0;
  AvvikelseRecord r;
  r.id = "R" + std::to_string(++next);
  r.registrerad = registrerad;
  r.org = std::move(org);
  r.typ = typ;
  r.lagrum = lagrum;
  r.source = std::move(source);
  r.line = next + 1;
  return r;
}

AvvikelseRecord fall(CalendarDate registrerad, std::string source = "hsl.csv") {
  AvvikelseRecord r = rec(registrerad, AvvikelseTyp::Avvikelse, Lagrum::HSL, "A1", source);
  r.kategori = "Fall/fallolycka";
  return r;
}

// An HSL report long before the compared years: the HSL registers reach them, so a year with no
// report of a kind counts 0 rather than being blank.
AvvikelseRecord registersStart() {
  AvvikelseRecord r = rec({2020, 1, 2}, AvvikelseTyp::Avvikelse, Lagrum::HSL, "S1");
  r.kategori = "Informationshantering";
  return r;
}

class AvvikelseReport : public ::testing::Test {
 protected:
  AvvikelseReport()
      : texts(ReportTexts::load(testing::repoPath("templates/text/avvikelser.json"))),
        orgs(tree()) {
    config.configPath = "/tmp/namnd.json";
    config.kommun = "Testkommun";
    config.namnd = "Socialnämnden";
    config.forvaltning = "Socialförvaltningen";
    config.reportLevel = 2;
    AvvikelserSettings& a = config.avvikelser;
    a.present = true;
    a.block = "avvikelser";
    a.handlaggare = "MAS";
    a.datum = "2025-08-20";
    a.diarienummer = "SN 1/2025";
    a.forslagTillBeslut = {"Godkänns."};
    a.signers = {{"Namn", "MAS"}};
    a.earlierYears = 2;
    a.personThreshold = 1;
  }
  Document build(HalfYearPeriod period, std::vector<AvvikelseRecord> records,
                 std::vector<OrgMove> moves = {}) {
    AvvikelserInput input{.config = config,
                          .period = period,
                          .records = std::move(records),
                          .tree = orgs,
                          .orgMoves = std::move(moves),
                          .orgMovesSince = {period.year - 2, period.half}};
    return buildAvvikelserReport(input, texts);
  }
  template <typename T>
  static const T* find(const Document& doc, const std::string& id) {
    for (const Section& s : doc.sections)
      if (const auto* t = std::get_if<T>(&s); t && t->id == id) return t;
    return nullptr;
  }
  static std::string text(const Row& row, std::size_t c) {
    const auto* s = std::get_if<std::string>(&row.cells.at(c));
    return s ? *s : "<not text>";
  }
  static std::int64_t count(const Row& row, std::size_t c) {
    const auto* n = std::get_if<std::int64_t>(&row.cells.at(c));
    return n ? *n : -1;
  }
  static const Row& rowNamed(const Table& t, const std::string& name) {
    for (const Row& row : t.rows)
      if (text(row, 0) == name) return row;
    ADD_FAILURE() << "no row " << name << " in " << t.id;
    return t.rows.front();
  }
  static std::vector<const CheckItem*> warnings(const Document& doc) {
    std::vector<const CheckItem*> found;
    for (const Section& s : doc.sections)
      if (const auto* c = std::get_if<CheckSection>(&s))
        for (const CheckItem& item : c->items)
          if (item.status == CheckStatus::Warning) found.push_back(&item);
    return found;
  }
  static bool anyFootnote(const Table& t, std::initializer_list<std::string_view> fragments) {
    return std::any_of(t.footnotes.begin(), t.footnotes.end(), [&](const std::string& f) {
      return static_cast<bool>(mentions(f, fragments));
    });
  }
  ReportTexts texts;
  OrgTree orgs;
  RunConfig config;
};

TEST_F(AvvikelseReport, AFlagColumnNoRegisterHasReadsUppgiftSaknasWithAWarningNamingFileAndColumn) {
  std::vector<AvvikelseRecord> records;
  for (int day = 1; day <= 4; ++day) {
    AvvikelseRecord r = fall({2025, 3, day});
    r.columns = kAllAvvikelseColumns & ~kColumnHoftbyxa;
    r.person = 100 + day;
    r.flags = day <= 3 ? kGanghjalpmedel : 0;
    records.push_back(r);
  }
  records.push_back(registersStart());
  const Document doc = build({2025, 1}, records);
  const Table* f = find<Table>(doc, "fall");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(text(rowNamed(*f, "Med höftbyxa"), 2), "uppgift saknas");
  EXPECT_EQ(count(rowNamed(*f, "Med gånghjälpmedel"), 2), 3);
  EXPECT_EQ(count(rowNamed(*f, "Unika personer"), 2), 4);
  // The year before has no fall at all: 0, not "uppgift saknas".
  EXPECT_EQ(count(rowNamed(*f, "Med höftbyxa"), 1), 0);
  EXPECT_TRUE(anyFootnote(*f, {"Med höftbyxa", "uppgift saknas", "hsl.csv", "kolumnen Höftbyxa"}));
  EXPECT_FALSE(anyFootnote(*f, {"hoftbyxa"}));  // the internal key is not the user's

  const auto found = warnings(doc);
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const CheckItem* item) {
    // Named as the reader knows them, not by the internal keys.
    return contains(item->description, "hsl.csv") && contains(item->detail, "Höftbyxa") &&
           !contains(item->detail, "hoftbyxa") && !contains(item->detail, "Gånghjälpmedel");
  }));
}

TEST_F(AvvikelseReport, AFigureFromTwoRegistersWhereOneLacksTheColumnCountsOneAndSaysSo) {
  std::vector<AvvikelseRecord> records;
  for (int day = 1; day <= 3; ++day) {  // hsl.csv has the person and fraktur columns
    AvvikelseRecord r = fall({2025, 2, day}, "hsl.csv");
    r.person = 500 + day;
    r.flags = kFraktur;
    records.push_back(r);
  }
  for (int day = 1; day <= 2; ++day) {  // extra.csv has neither
    AvvikelseRecord r = fall({2025, 4, day}, "extra.csv");
    r.columns = kAllAvvikelseColumns & ~(kColumnPerson | kColumnFraktur);
    records.push_back(r);
  }
  const Document doc = build({2025, 1}, records);
  const Table* f = find<Table>(doc, "fall");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(count(rowNamed(*f, "Fall/fallolyckor"), 2), 5);
  EXPECT_EQ(count(rowNamed(*f, "Med fraktur"), 2), 3);
  EXPECT_EQ(count(rowNamed(*f, "Unika personer"), 2), 3);
  EXPECT_TRUE(anyFootnote(*f, {"Med fraktur", "2 av 5", "extra.csv", "kolumnen Fraktur"}));
  EXPECT_TRUE(anyFootnote(*f, {"Unika personer", "2 av 5", "extra.csv", "kolumnen Person"}));
  // Not claimed as "fall without a person": the register cannot tell.
  EXPECT_FALSE(anyFootnote(*f, {"saknar uppgift om person"}));
}

TEST_F(AvvikelseReport, LexMariaHasItsOwnHeadersAndStatusFromARegisterWithoutItIsUppgiftSaknas) {
  AvvikelseRecord maria = rec({2025, 2, 3}, AvvikelseTyp::LexMaria, Lagrum::HSL, "S1");
  maria.kategori = "Läkemedel";
  maria.status = "Anmäld till IVO";
  AvvikelseRecord blank = rec({2025, 3, 3}, AvvikelseTyp::LexMaria, Lagrum::HSL, "S1");
  AvvikelseRecord noStatus = rec({2025, 4, 3}, AvvikelseTyp::LexMaria, Lagrum::HSL, "S1", "b.csv");
  noStatus.kategori = "Fall/fallolycka";
  noStatus.columns = kAllAvvikelseColumns & ~kColumnStatus;
  const Document doc = build({2025, 1}, {maria, blank, noStatus});
  const Table* t = find<Table>(doc, "lex_maria");
  ASSERT_NE(t, nullptr);
  std::vector<std::string> headers;
  for (const Column& c : t->columns) headers.push_back(c.header);
  EXPECT_EQ(headers,
            (std::vector<std::string>{"Verksamhet", "Enhet", "Kategori enligt HSL", "Status"}));
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(text(t->rows[0], 2), "Läkemedel");
  EXPECT_EQ(text(t->rows[0], 3), "Anmäld till IVO");
  EXPECT_EQ(text(t->rows[1], 2), "Kategori ej angiven");
  EXPECT_EQ(text(t->rows[1], 3), "Status ej angiven");
  EXPECT_EQ(text(t->rows[2], 3), "uppgift saknas");
  EXPECT_TRUE(anyFootnote(*t, {"Status", "1 av 3", "b.csv", "kolumnen Status"}));
}

TEST_F(AvvikelseReport, ExternaWithoutTheRiktningColumnShowUppgiftSaknasForTheDirection) {
  std::vector<AvvikelseRecord> records;
  for (int day = 1; day <= 3; ++day) {
    AvvikelseRecord r = rec({2025, 5, day}, AvvikelseTyp::Extern, Lagrum::HSL, "S1");
    r.externPart = "NÄL";
    r.columns = kAllAvvikelseColumns & ~kColumnRiktning;
    records.push_back(r);
  }
  records.push_back(registersStart());
  const Document doc = build({2025, 1}, records);
  const Table* e = find<Table>(doc, "externa");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(text(rowNamed(*e, "NÄL"), 1), "uppgift saknas");
  EXPECT_EQ(text(rowNamed(*e, "NÄL"), 2), "uppgift saknas");
  const Table* o = find<Table>(doc, "hsl_ovrigt");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(text(rowNamed(*o, "Externa avvikelser från kommunen till annan vårdgivare"), 2),
            "uppgift saknas");
  // The year before has no externa: 0.
  EXPECT_EQ(count(rowNamed(*o, "Externa avvikelser från kommunen till annan vårdgivare"), 1), 0);
}

TEST_F(AvvikelseReport, ForandringIsTheSignedDifferenceAgainstTheYearBefore) {
  std::vector<AvvikelseRecord> records;
  for (int i = 0; i < 5; ++i) records.push_back(fall({2024, 2, 1 + i}));
  for (int i = 0; i < 2; ++i) records.push_back(fall({2025, 2, 1 + i}));
  AvvikelseRecord lak = rec({2025, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::HSL);
  lak.kategori = "Läkemedel";
  records.push_back(lak);
  const Document doc = build({2025, 1}, records);
  const Table* k = find<Table>(doc, "hsl_kategorier");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(count(rowNamed(*k, "Fall/fallolycka"), 3), 2 - 5);
  EXPECT_EQ(count(rowNamed(*k, "Läkemedel"), 3), 1 - 0);
  EXPECT_EQ(count(rowNamed(*k, "Avvikelser enligt HSL"), 3), 3 - 5);
}

TEST_F(AvvikelseReport, EachTablesLateFootnoteCountsOnlyItsOwnRegister) {
  std::vector<AvvikelseRecord> records = {rec({2025, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
                                          fall({2025, 3, 1})};
  // Two SoL and three HSL reports registered in July about June events.
  for (int i = 0; i < 2; ++i) {
    records.push_back(rec({2025, 7, 2 + i}, AvvikelseTyp::Avvikelse, Lagrum::SoL));
    records.back().handelse = CalendarDate{2025, 6, 20};
  }
  for (int i = 0; i < 3; ++i) {
    records.push_back(fall({2025, 7, 2 + i}));
    records.back().handelse = CalendarDate{2025, 6, 21};
  }
  const Document doc = build({2025, 1}, records);
  const Table* o = find<Table>(doc, "oversikt");
  const Table* k = find<Table>(doc, "hsl_kategorier");
  ASSERT_TRUE(o && k);
  EXPECT_TRUE(anyFootnote(*o, {"2 rapporter enligt SoL eller LSS registrerade efter 2025-06-30"}));
  EXPECT_FALSE(anyFootnote(*o, {"5 rapporter"}));
  EXPECT_TRUE(anyFootnote(*k, {"3 HSL-rapporter registrerade efter 2025-06-30"}));
}

TEST_F(AvvikelseReport, PeriodLabelsFollowHerrljunga) {
  std::vector<AvvikelseRecord> records = {rec({2024, 9, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
                                          rec({2025, 9, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
                                          rec({2025, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL)};
  const Document second = build({2025, 2}, records);
  const Table* o = find<Table>(second, "oversikt");
  ASSERT_NE(o, nullptr);
  std::vector<std::string> headers;
  for (const Column& c : o->columns) headers.push_back(c.header);
  EXPECT_EQ(headers, (std::vector<std::string>{"Typ", "Helår 2023", "Andra halvåret 2024",
                                               "Helår 2024", "Andra halvåret 2025"}));
  const Document first = build({2025, 1}, records);
  headers.clear();
  for (const Column& c : find<Table>(first, "oversikt")->columns) headers.push_back(c.header);
  EXPECT_EQ(headers.back(), "Halvår 2025");
  EXPECT_EQ(headers[2], "Halvår 2024");
}

TEST_F(AvvikelseReport, SharesAreOneChartWhoseTableHasCountAndShare) {
  std::vector<AvvikelseRecord> records;
  const std::vector<std::pair<std::string, int>> types = {{"Trygghet", 3}, {"Omsorg", 1}};
  for (const auto& [type, n] : types)
    for (int i = 0; i < n; ++i) {
      records.push_back(rec({2025, 2, 1 + i}, AvvikelseTyp::Avvikelse, Lagrum::SoL));
      records.back().handelsetyp = type;
    }
  const Document doc = build({2025, 1}, records);
  for (const Section& s : doc.sections)
    if (const auto* t = std::get_if<Table>(&s)) EXPECT_FALSE(t->id.starts_with("andelar"));
  const Chart* chart = find<Chart>(doc, "diagram_andelar_V");
  ASSERT_NE(chart, nullptr);
  EXPECT_EQ(chart->categories, (std::vector<std::string>{"Trygghet (3)", "Omsorg (1)"}));
  ASSERT_EQ(chart->series.size(), 1u);
  EXPECT_EQ(chart->series[0].values[0].value_or(-1), 75);  // 3 of 4
  EXPECT_EQ(chart->series[0].values[1].value_or(-1), 25);
}

TEST_F(AvvikelseReport, AnOrgMoveBetweenTheComparedPeriodsIsFootnotedAndNoMoveGivesNone) {
  std::vector<AvvikelseRecord> records;
  for (int year : {2023, 2025}) {
    records.push_back(rec({year, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::HSL, "A2"));
    records.back().kategori = "Läkemedel";
  }
  const Document none = build({2025, 1}, records);
  const Table* plain = find<Table>(none, "lakemedel");
  ASSERT_NE(plain, nullptr);
  EXPECT_FALSE(anyFootnote(*plain, {"flyttats"}));

  const OrgMove move{.code = "A2",
                     .name = "Enhet A2",
                     .fromParent = "H",
                     .toParent = "V",
                     .fromArea = "Hälso- och sjukvård",
                     .toArea = "Vård"};
  const Document moved = build({2025, 1}, records, {move});
  const Table* l = find<Table>(moved, "lakemedel");
  ASSERT_NE(l, nullptr);
  EXPECT_TRUE(anyFootnote(*l, {"Enhet A2 har flyttats från Hälso- och sjukvård till Vård efter "
                               "första halvåret 2023"}));
}

// An enhet moved within the period: the per-enhet table and its new area's shares count all of
// the period's reports under the new area, and say so; an area it never belonged to does not.
TEST_F(AvvikelseReport, AnOrgMoveWithinThePeriodIsFootnotedInThePerEnhetTableAndShares) {
  std::vector<AvvikelseRecord> records = {
      rec({2025, 2, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL, "A2"),
      rec({2025, 5, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL, "A2"),
      rec({2025, 5, 2}, AvvikelseTyp::Avvikelse, Lagrum::SoL, "S1")};
  for (AvvikelseRecord& r : records) r.handelsetyp = "Trygghet";
  AvvikelserInput input{.config = config,
                        .period = {2025, 1},
                        .records = records,
                        .tree = orgs,
                        .orgMovesSince = {2023, 1},
                        .orgMovesInPeriod = {OrgMove{.code = "A2",
                                                     .name = "Enhet A2",
                                                     .fromParent = "H",
                                                     .toParent = "V",
                                                     .fromArea = "Hälso- och sjukvård",
                                                     .toArea = "Vård",
                                                     .fromAreaCode = "H",
                                                     .toAreaCode = "V"}}};
  const Document doc = buildAvvikelserReport(input, texts);
  const Table* perEnhet = find<Table>(doc, "per_enhet");
  ASSERT_NE(perEnhet, nullptr);
  EXPECT_EQ(count(rowNamed(*perEnhet, "Enhet A2"), 1), 2);
  EXPECT_TRUE(anyFootnote(*perEnhet, {"Enhet A2 flyttades under perioden från Hälso- och "
                                      "sjukvård till Vård",
                                      "räknas under Vård"}));
  const Chart* vard = find<Chart>(doc, "diagram_andelar_V");
  ASSERT_NE(vard, nullptr);
  EXPECT_TRUE(std::any_of(vard->footnotes.begin(), vard->footnotes.end(),
                          [](const std::string& f) { return contains(f, "Enhet A2 flyttades"); }));
  const Chart* hsl = find<Chart>(doc, "diagram_andelar_H");
  ASSERT_NE(hsl, nullptr);  // Hälso- och sjukvård lost A2: its shares say so too
  EXPECT_TRUE(std::any_of(hsl->footnotes.begin(), hsl->footnotes.end(),
                          [](const std::string& f) { return contains(f, "Enhet A2 flyttades"); }));

  input.orgMovesInPeriod.clear();
  const Document unmoved = buildAvvikelserReport(input, texts);
  EXPECT_FALSE(anyFootnote(*find<Table>(unmoved, "per_enhet"), {"flyttades"}));
}

TEST_F(AvvikelseReport, TjansteskrivelseTextsTakeThePeriodAndTotalsAsPlaceholders) {
  // The registers start in 2023 (a SoL and an HSL report), so 2024 is reached and counts 0.
  std::vector<AvvikelseRecord> records = {
      rec({2025, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
      rec({2025, 9, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL), fall({2025, 10, 1}),
      rec({2023, 5, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL), fall({2023, 5, 1})};
  config.avvikelser.forslagTillBeslut = {
      "{namnd} godkänner redovisningen av avvikelser för {period_text} ({totalt} avvikelser, "
      "{foregaende_period_text}: {totalt_foregaende})."};
  config.avvikelser.beslutsunderlag = {"Tjänsteskrivelse daterad {datum}", "Period {period}"};
  const auto forslag = [&](const Document& doc) {
    const TextSection* s = find<TextSection>(doc, "ts_forslag");
    return s && !s->paragraphs.empty() ? s->paragraphs[0] : std::string("<none>");
  };
  EXPECT_EQ(forslag(build({2025, 1}, records)),
            "Socialnämnden godkänner redovisningen av avvikelser för första halvåret 2025 "
            "(1 avvikelser, första halvåret 2024: 0).");
  const Document year = build({2025, 0}, records);
  EXPECT_EQ(forslag(year),
            "Socialnämnden godkänner redovisningen av avvikelser för år 2025 (3 avvikelser, år "
            "2024: 0).");
  const TextSection* underlag = find<TextSection>(year, "ts_beslutsunderlag");
  ASSERT_NE(underlag, nullptr);
  EXPECT_EQ(underlag->bullets,
            (std::vector<std::string>{"Tjänsteskrivelse daterad 2025-08-20", "Period 2025"}));

  config.avvikelser.forslagTillBeslut = {"Godkänns för {periodtext}."};
  EXPECT_TRUE(mentions(testing::thrown<ConfigError>([&] {
                         build({2025, 1}, records);
                       }),
                       {"avvikelser.forslag_till_beslut", "periodtext"}));
}

// Registers that start on 2022-01-01 and a report for 2022H1: the year before (2021) is not
// reached, so every figure of it is blank (no Förändring either) with the footnote, and the
// Sammanfattning makes no comparison, never "(0)".
TEST_F(AvvikelseReport, APeriodAtTheRegistersStartShowsTheYearBeforeBlankEverywhere) {
  std::vector<AvvikelseRecord> records;
  for (int day = 1; day <= 3; ++day) records.push_back(fall({2022, 1, day}));
  AvvikelseRecord lak = rec({2022, 2, 1}, AvvikelseTyp::Avvikelse, Lagrum::HSL, "S1");
  lak.kategori = "Läkemedel";
  records.push_back(lak);
  records.push_back(rec({2022, 3, 1}, AvvikelseTyp::Klagomal, Lagrum::HSL, "S1"));
  records.push_back(rec({2022, 1, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL));
  records.push_back(rec({2022, 4, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL));
  const Document doc = build({2022, 1}, records);
  const auto blank = [](const Row& row, std::size_t c) {
    return std::holds_alternative<std::monostate>(row.cells.at(c));
  };

  const Table* k = find<Table>(doc, "hsl_kategorier");
  ASSERT_NE(k, nullptr);
  for (const Row& row : k->rows) {
    EXPECT_TRUE(blank(row, 1)) << text(row, 0);  // första halvåret 2021
    EXPECT_TRUE(blank(row, 3)) << text(row, 0);  // Förändring
  }
  EXPECT_EQ(count(rowNamed(*k, "Fall/fallolycka"), 2), 3);
  EXPECT_EQ(count(rowNamed(*k, "Avvikelser enligt HSL"), 2), 4);
  EXPECT_TRUE(anyFootnote(*k, {"Registren börjar 2022-01-01"}));
  EXPECT_FALSE(anyFootnote(*k, {"Förändring mot"}));  // no change is shown

  const Table* f = find<Table>(doc, "fall");
  ASSERT_NE(f, nullptr);
  for (const Row& row : f->rows) EXPECT_TRUE(blank(row, 1)) << text(row, 0);
  EXPECT_EQ(count(rowNamed(*f, "Fall/fallolyckor"), 2), 3);
  EXPECT_TRUE(anyFootnote(*f, {"Registren börjar 2022-01-01"}));

  const Table* l = find<Table>(doc, "lakemedel");
  ASSERT_NE(l, nullptr);
  for (const Row& row : l->rows) {
    EXPECT_TRUE(blank(row, 2) && blank(row, 3)) << text(row, 1);  // 2020 and 2021
    EXPECT_EQ(count(row, 4), 1);
  }
  EXPECT_TRUE(anyFootnote(*l, {"Registren börjar 2022-01-01"}));

  const Table* o = find<Table>(doc, "hsl_ovrigt");
  ASSERT_NE(o, nullptr);
  for (const Row& row : o->rows) EXPECT_TRUE(blank(row, 1)) << text(row, 0);
  EXPECT_EQ(count(rowNamed(*o, "Inkomna klagomål och synpunkter HSL"), 2), 1);
  EXPECT_TRUE(anyFootnote(*o, {"Registren börjar 2022-01-01"}));

  const Table* oversikt = find<Table>(doc, "oversikt");
  ASSERT_NE(oversikt, nullptr);
  EXPECT_TRUE(blank(oversikt->rows.back(), oversikt->columns.size() - 2));  // Helår 2021
  EXPECT_EQ(count(oversikt->rows.back(), oversikt->columns.size() - 1), 2);

  const TextSection* summary = find<TextSection>(doc, "sammanfattning");
  ASSERT_NE(summary, nullptr);
  std::string all;
  for (const std::string& p : summary->paragraphs) all += p + "\n";
  EXPECT_FALSE(contains(all, "(0)")) << all;
  EXPECT_FALSE(contains(all, "jämfört med första halvåret 2021")) << all;
  EXPECT_FALSE(contains(all, "första halvåret 2021, 0")) << all;
  EXPECT_FALSE(contains(all, "första halvåret 2021: 0")) << all;
  // 6 = 4 HSL avvikelser + 2 SoL (the HSL klagomål is not in the total).
  EXPECT_TRUE(mentions(all, {"totalt 6 avvikelser", "Registren når inte första halvåret 2021",
                             "utgör 4 avvikelser enligt HSL", "SoL och LSS är 2."}))
      << all;
  // Nor does Kontroller check a total of the year before.
  for (const Section& s : doc.sections)
    if (const auto* c = std::get_if<CheckSection>(&s))
      for (const CheckItem& item : c->items)
        EXPECT_FALSE(contains(item.description, "Halvår 2021"));

  // The tjänsteskrivelse's placeholders for the year before say so too.
  config.avvikelser.forslagTillBeslut = {
      "Jämfört med {foregaende_period_text}: {totalt_foregaende}."};
  const Document withForslag = build({2022, 1}, records);
  const TextSection* forslag = find<TextSection>(withForslag, "ts_forslag");
  ASSERT_NE(forslag, nullptr);
  EXPECT_EQ(forslag->paragraphs.at(0), "Jämfört med första halvåret 2021: uppgift saknas.");
}

// The same registers one year on: 2022 is reached and compared, without the footnote.
TEST_F(AvvikelseReport, AYearTheRegistersReachIsComparedEvenWhenItHasNoReportOfAKind) {
  std::vector<AvvikelseRecord> records = {rec({2022, 1, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
                                          fall({2022, 1, 1}), fall({2023, 2, 1}),
                                          fall({2023, 2, 2})};
  const Document doc = build({2023, 1}, records);
  const Table* k = find<Table>(doc, "hsl_kategorier");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(count(rowNamed(*k, "Fall/fallolycka"), 1), 1);
  EXPECT_EQ(count(rowNamed(*k, "Fall/fallolycka"), 3), 2 - 1);
  EXPECT_FALSE(anyFootnote(*k, {"Registren börjar"}));
  EXPECT_TRUE(anyFootnote(*k, {"Förändring mot", "2022"}));
  const Table* o = find<Table>(doc, "hsl_ovrigt");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(count(rowNamed(*o, "Lex Maria, anmälningar"), 1), 0);
}

// "Halvår" columns exist only in a report for the first half-year; the footnote explaining them
// is only there.
TEST_F(AvvikelseReport, TheHalvarFootnoteIsOnlyInTheFirstHalfYearsOversikt) {
  const std::vector<AvvikelseRecord> records = {
      rec({2022, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
      rec({2025, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL),
      rec({2025, 9, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL)};
  for (const auto& [period, expected] :
       {std::pair{HalfYearPeriod{2025, 1}, true}, std::pair{HalfYearPeriod{2025, 2}, false},
        std::pair{HalfYearPeriod{2025, 0}, false}}) {
    const Document doc = build(period, records);
    const Table* o = find<Table>(doc, "oversikt");
    ASSERT_NE(o, nullptr);
    bool halvarColumn = false;
    for (const Column& c : o->columns) halvarColumn |= c.header.starts_with("Halvår");
    EXPECT_EQ(halvarColumn, expected) << period.code();
    EXPECT_EQ(anyFootnote(*o, {"Halvår"}), expected) << period.code();
    EXPECT_TRUE(anyFootnote(*o, {"registreringsdatum"})) << period.code();
  }
}

TEST_F(AvvikelseReport, TheSammanfattningSaysWhatTheTotalIncludes) {
  const Document doc = build({2025, 1}, {rec({2025, 3, 1}, AvvikelseTyp::Avvikelse, Lagrum::SoL)});
  const TextSection* summary = find<TextSection>(doc, "sammanfattning");
  ASSERT_NE(summary, nullptr);
  std::string all;
  for (const std::string& p : summary->paragraphs) all += p + "\n";
  EXPECT_TRUE(mentions(all, {"I totalen ingår avvikelser enligt HSL", "lex Sarah",
                             "klagomål och synpunkter enligt HSL, lex Maria och externa "
                             "avvikelser ingår inte"}))
      << all;
}

// A register whose config names the missing column ("kolumner") is footnoted with that name.
TEST_F(AvvikelseReport, TheCoverageFootnoteUsesTheConfiguredHeaderOfTheColumn) {
  std::vector<AvvikelseRecord> records;
  for (int day = 1; day <= 2; ++day) {
    AvvikelseRecord r = fall({2025, 3, day}, "treserva.xlsx");
    r.columns = kAllAvvikelseColumns & ~kColumnHoftbyxa;
    records.push_back(r);
  }
  AvvikelserInput input{.config = config,
                        .period = {2025, 1},
                        .records = records,
                        .tree = orgs,
                        .registerFiles = {{.name = "treserva.xlsx",
                                           .rowsRead = 2,
                                           .columns = kAllAvvikelseColumns & ~kColumnHoftbyxa,
                                           .configuredHeaders = {{"hoftbyxa", "Höftskydd"}}}},
                        .orgMovesSince = {2023, 1}};
  const Document doc = buildAvvikelserReport(input, texts);
  const Table* f = find<Table>(doc, "fall");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(anyFootnote(*f, {"Med höftbyxa", "treserva.xlsx", "kolumnen Höftskydd"}));
}

}  // namespace
}  // namespace namnd
