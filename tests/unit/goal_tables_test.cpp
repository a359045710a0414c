// Mål tables (seed-004 §2.9, oracle O14): cells exactly as typed, pure numbers formatted the
// Swedish way, footnote markers kept with their texts under the table.

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "ingest/goal_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"
#include "reports/delarsrapport/delar_appendix_tables.hpp"
#include "reports/delarsrapport/goal_cell.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::mentions;

ReportTexts bilagaTexts() {
  return ReportTexts::load(testing::repoPath("templates/text/delarsrapport-bilagor.json"));
}

std::vector<Section> sectionsOf(const std::filesystem::path& path, const std::string& name) {
  InputFile file;
  file.path = path;
  file.displayName = name;
  const Cube ledger;
  const DelarAppendixInput input{.per = Period(2022, 8), .yearCube = ledger, .mal = file};
  return buildMalSections(input, bilagaTexts());
}

std::vector<Section> herrljunga() {
  return sectionsOf(testing::repoPath("tests/fixtures/herrljunga-bilagor/mal-2022.csv"),
                    "mal-2022.csv");
}

std::string textAt(const Row& row, std::size_t column) {
  return std::get<std::string>(row.cells.at(column));
}

TEST(GoalCell, TextStaysAsTypedAndPureNumbersAreSwedish) {
  EXPECT_EQ(std::get<std::string>(goalCell("VoO 17,4% SS 15,5 %")), "VoO 17,4% SS 15,5 %");
  EXPECT_EQ(std::get<std::string>(goalCell("5/19")), "5/19");
  EXPECT_EQ(std::get<std::string>(goalCell("142/268 53% av brukarna")), "142/268 53% av brukarna");
  EXPECT_EQ(std::get<std::string>(goalCell("61%")), "61%");
  EXPECT_EQ(std::get<std::string>(goalCell("**")), "**");
  EXPECT_EQ(std::get<std::string>(goalCell("- 0")), "- 0");
  EXPECT_EQ(std::get<std::int64_t>(goalCell("2 421")), 2421);
  EXPECT_EQ(std::get<std::int64_t>(goalCell("2421")), 2421);
  EXPECT_EQ(std::get<std::int64_t>(goalCell("-3")), -3);
  EXPECT_EQ(std::get<std::string>(goalCell("4.4")), "4,4");
  EXPECT_EQ(std::get<std::string>(goalCell("4,40")), "4,40");
  EXPECT_EQ(std::get<std::string>(goalCell("12345.5")),
            "12\xC2\xA0"
            "345,5");
  EXPECT_EQ(std::get<std::string>(goalCell("-0,5")), "-0,5");
  EXPECT_EQ(std::get<std::string>(goalCell("12 34")), "12 34");  // not groups of three: text
  EXPECT_TRUE(std::holds_alternative<std::monostate>(goalCell("  ")));
}

TEST(GoalTables, HerrljungaNamndsmal3KeepsEveryCellAsPublished) {
  const auto sections = herrljunga();
  // Målområde B heading, its table, målområde C heading, its table.
  ASSERT_EQ(sections.size(), 4u);
  const auto& heading = std::get<TextSection>(sections[0]);
  EXPECT_EQ(heading.title, "En välkomnande och attraktiv kommun");
  EXPECT_EQ(heading.paragraphs,
            std::vector<std::string>{"Vi arbetar för en trygg och stimulerande miljö."});
  const Table& table = std::get<Table>(sections[1]);
  EXPECT_EQ(table.title,
            "Nämndsmål: Socialförvaltningen ska skapa förutsättningar för att vara en god och "
            "attraktiv arbetsgivare.");
  ASSERT_EQ(table.columns.size(), 6u);  // no status column: the file has none
  const std::vector<std::string> headers = {"Mätetal",  "Utfall 2020", "Utfall 2021",
                                            "Mål 2022", "Delår 2022",  "Prognos 2022"};
  for (std::size_t c = 0; c < headers.size(); ++c) EXPECT_EQ(table.columns[c].header, headers[c]);
  ASSERT_EQ(table.rows.size(), 5u);
  EXPECT_EQ(textAt(table.rows[0], 1), "*");
  EXPECT_EQ(textAt(table.rows[0], 2), "4,4");
  EXPECT_EQ(textAt(table.rows[0], 3), "4,7***");
  EXPECT_EQ(textAt(table.rows[1], 2), "9,5 %");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[1]), 4);
  EXPECT_EQ(textAt(table.rows[2], 2), "5/17");
  EXPECT_EQ(textAt(table.rows[2], 4), "5/19");
  EXPECT_EQ(textAt(table.rows[3], 0),
            "Andel arbetad tid (av total arbetad tid) utförd av timanställda");
  EXPECT_EQ(textAt(table.rows[3], 4), "VoO 17,4% SS 15,5 %");
  EXPECT_EQ(textAt(table.rows[3], 2), "VoO 18,9% SS 16,24%");
  EXPECT_EQ(table.footnotes,
            (std::vector<std::string>{
                "* Det utfördes ingen medarbetarenkät 2020 och 2022",
                "**Förvaltningen har inte genomfört någon egen undersökning under 2021 eller 2022",
                "*** Skala 1-5, där 5 är mycket meningsfullt"}));
}

TEST(GoalTables, HerrljungaNamndsmal5FractionsAndNumbers) {
  const auto sections = herrljunga();
  const Table& table = std::get<Table>(sections.at(3));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(textAt(table.rows[1], 2), "162/327 50% av brukarna");
  EXPECT_EQ(textAt(table.rows[1], 4), "142/268 53% av brukarna");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[0].cells[3]), 14);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[1]), 2421);  // typed "2 421"
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[2]), 1110);  // typed "1110"
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[2].cells[4]));
  EXPECT_TRUE(table.footnotes.empty());
  // Value columns are right-aligned number columns that also hold text.
  EXPECT_EQ(table.columns[1].kind, ColumnKind::Count);
}

TEST(GoalTables, MarkersOnTheMatetalAndStatusPerMatetalAndPerMal) {
  testing::TempDir dir;
  testing::writeFile(dir / "mal.csv",
                     "malomrade;mal;matetal;mal_ar;delar_ar;status;fotnot;fotnotstext\n"
                     "A;Mål 1;SIP upprättade;öka 10%;8 st;delvis uppfyllt;*;\n"
                     "A;Mål 1;Rutin för SIP;10 st;34;uppfyllt;;\n"
                     "A;Mål 1;;;;ej uppfyllt;;\n"
                     "A;Mål 1;;;;;*;Antalet registrerade SIP:ar i SAMSA.\n");
  const auto sections = sectionsOf(dir / "mal.csv", "mal.csv");
  ASSERT_EQ(sections.size(), 2u);
  const Table& table = std::get<Table>(sections[1]);
  ASSERT_EQ(table.columns.size(), 4u);
  EXPECT_EQ(table.columns[1].header, "Mål 2022");
  EXPECT_EQ(table.columns[3].header, "Status");
  EXPECT_EQ(textAt(table.rows[0], 0), "SIP upprättade *");
  EXPECT_EQ(textAt(table.rows[0], 3), "delvis uppfyllt");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[1].cells[2]), 34);
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[2].kind, RowKind::Subtotal);
  EXPECT_EQ(textAt(table.rows[2], 0), "Bedömning av måluppfyllelse: ej uppfyllt");
  EXPECT_EQ(table.footnotes, std::vector<std::string>{"* Antalet registrerade SIP:ar i SAMSA."});
}

TEST(GoalTables, BadRowsNameFileLineAndColumn) {
  testing::TempDir dir;
  const auto run = [&](const std::string& csv) {
    testing::writeFile(dir / "mal.csv", csv);
    return testing::thrown<InputError>([&] { sectionsOf(dir / "mal.csv", "mal.csv"); });
  };
  const std::string header = "malomrade;mal;matetal;delar_ar;fotnot;fotnotstext\n";
  EXPECT_TRUE(mentions(run(header + "A;M;Mått;5;**;\nA;M;;;*;Text\n"),
                       {"mal.csv", "rad 2", "fotnot", "fotnoten ** saknar text"}));
  EXPECT_TRUE(
      mentions(run(header + "A;M;;5;;\n"), {"mal.csv", "rad 2", "matetal", "mätetal saknas"}));
  EXPECT_TRUE(mentions(run(header + "A;M;Mått;5;*;\nA;M;;;*;Ett\nA;M;;;*;Två\n"),
                       {"mal.csv", "rad 4", "fotnot", "finns redan på rad 3"}));
  EXPECT_TRUE(mentions(run(header + ";M;Mått;5;;\n"), {"mal.csv", "rad 2", "malomrade saknas"}));
}

// A beräkning (computed from the volymer, see goal_values_test) that is not one of the forms, on
// a row without a mätetal, beside a typed Delår, or with bad decimaler refuses the file.
TEST(GoalTables, BadBerakningNamesFileLineAndColumn) {
  testing::TempDir dir;
  const auto run = [&](const std::string& rows) {
    testing::writeFile(
        dir / "mal.csv",
        "malomrade;mal;matetal;delar_ar;berakning;decimaler;fotnot;fotnotstext\n" + rows);
    return testing::thrown<InputError>([&] { sectionsOf(dir / "mal.csv", "mal.csv"); });
  };
  const auto unknown = run("A;M;Andel heltid;;medel(anstallda);;;\n");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->where().line, 2);
  EXPECT_EQ(unknown->where().column, "berakning");
  EXPECT_EQ(unknown->reason(),
            "ogiltig beräkning \"medel(anstallda)\": okänd funktion \"medel\" (senaste, summa "
            "eller andel) (skriv t.ex. senaste(anstallda), summa(placeringsdygn) eller "
            "andel(heltidsanstallda, anstallda))");
  const auto typed = run("A;M;Mått;5;summa(placeringsdygn);;;\nA;M;Andel;71%;andel(a, b);;;\n");
  ASSERT_TRUE(typed);
  EXPECT_EQ(typed->where().line, 2);
  EXPECT_EQ(typed->where().column, "delar_ar");
  EXPECT_EQ(typed->reason(),
            "delåret är både ifyllt (\"5\") och beräknat (summa(placeringsdygn)): lämna cellen "
            "tom (och 1 rader till med fel)");
  const auto noMeasure = run("A;M;;;summa(placeringsdygn);;;\n");
  ASSERT_TRUE(noMeasure);
  EXPECT_EQ(noMeasure->where().column, "matetal");
  EXPECT_EQ(noMeasure->reason(), "mätetal saknas för beräkningen på raden");
  const auto decimals = run("A;M;Andel;;andel(a, b);5;;\n");
  ASSERT_TRUE(decimals);
  EXPECT_EQ(decimals->where().column, "decimaler");
  EXPECT_EQ(decimals->reason(), "ogiltigt antal decimaler \"5\" (0–4 väntades)");
}

TEST(GoalTables, BerakningAndDecimalerAreKeptOnTheMatetal) {
  testing::TempDir dir;
  testing::writeFile(dir / "mal.csv",
                     "Målområde;Mätetal;Delår 2022;Beräkning;Decimaler\n"
                     "A;Andel heltid;;Andel(Heltidsanställda, Anställda);1\n"
                     "A;Sjukfrånvaro;10,9%;;\n");
  InputFile file;
  file.path = dir / "mal.csv";
  file.displayName = "mal.csv";
  const auto source = openTabularSource(file);
  const GoalImport goals = readGoals(*source, 2022);
  ASSERT_TRUE(goals.summary.rejected.empty());
  const auto& measures = goals.areas.at(0).goals.at(0).measures;
  ASSERT_EQ(measures.size(), 2u);
  ASSERT_TRUE(measures[0].berakning);
  EXPECT_EQ(measures[0].berakning->text(), "andel(senaste(heltidsanstallda), senaste(anstallda))");
  EXPECT_EQ(measures[0].decimals, 1);
  EXPECT_FALSE(measures[1].berakning);
}

// Verksamhetsmått och nyckeltal (seed-004 §2.8): one table, a group row per område, the third
// value column headed with the report date as the published table has it.
TEST(GoalTables, VerksamhetsmattIsOneTableWithGroupRows) {
  InputFile file;
  file.path = testing::repoPath("tests/fixtures/herrljunga-bilagor/verksamhetsmatt-2022.csv");
  file.displayName = "verksamhetsmatt-2022.csv";
  const Cube ledger;
  DelarAppendixInput input{.per = Period(2022, 8), .yearCube = ledger};
  input.verksamhetsmatt = file;
  const auto sections = buildVerksamhetsmattSections(input, bilagaTexts());
  ASSERT_EQ(sections.size(), 1u);
  const Table& table = std::get<Table>(sections[0]);
  ASSERT_EQ(table.columns.size(), 4u);
  EXPECT_EQ(table.columns[0].header, "Område");
  EXPECT_EQ(table.columns[1].header, "Utfall 2020");
  EXPECT_EQ(table.columns[2].header, "Utfall 2021");
  EXPECT_EQ(table.columns[3].header, "Utfall 220831");
  ASSERT_EQ(table.rows.size(), 6u);
  EXPECT_EQ(table.rows[0].kind, RowKind::Subtotal);
  EXPECT_EQ(textAt(table.rows[0], 0), "Individ och familjeomsorg");
  EXPECT_EQ(table.rows[1].level, 1);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[1].cells[1]), 2421);
  EXPECT_EQ(textAt(table.rows[2], 1), "6 606 tkr, varav 101 tkr är introduktion*");
  EXPECT_EQ(textAt(table.rows[3], 0), "Vård och omsorg");
  EXPECT_EQ(textAt(table.rows[4], 3), "**");
  EXPECT_EQ(textAt(table.rows[5], 3), "55,6% jan-jun");
  EXPECT_EQ(table.footnotes,
            (std::vector<std::string>{
                "*Saknas helt uppdaterade siffror gällande ärenden kopplade till etablering",
                "** Har inte fått fram ackumulerad statistik för 2022"}));
}

// The renderers show a text cell of a number column as typed (right-aligned) and a whole number
// as a number: in HTML grouped with NBSP, in Excel a numeric cell.
TEST(GoalTables, RenderersShowTextAsTypedAndNumbersAsNumbers) {
  Document doc;
  doc.kind = "delarsrapport";
  doc.title = "Delårsrapport 2022";
  doc.meta.documentDate = "2022-08-31";
  doc.sections = herrljunga();
  testing::TempDir dir;
  renderHtml(doc, testing::repoPath("templates"), dir / "mal.html");
  const std::string html = testing::readFile(dir / "mal.html");
  EXPECT_TRUE(testing::contains(html, "<td class=\"num\">VoO 17,4% SS 15,5 %</td>"));
  EXPECT_TRUE(testing::contains(html, "<td class=\"num\">5/19</td>"));
  EXPECT_TRUE(testing::contains(html, "<td class=\"num\">142/268 53% av brukarna</td>"));
  EXPECT_TRUE(testing::contains(html,
                                "<td class=\"num\">2\xC2\xA0"
                                "421</td>"));
  EXPECT_TRUE(testing::contains(html, "<td class=\"num\">4,4</td>"));
  EXPECT_TRUE(testing::contains(html, "Skala 1-5, där 5 är mycket meningsfullt"));

  renderXlsx(doc, testing::repoPath("templates"), dir / "mal.xlsx");
  bool sawText = false;
  bool sawNumber = false;
  for (const std::string& sheet : testing::sheetNames(dir / "mal.xlsx")) {
    for (const auto& row : testing::readSheet(dir / "mal.xlsx", sheet)) {
      for (const XlsxCell& cell : row) {
        if (cell.type == XlsxCell::Type::Text && cell.text == "VoO 17,4% SS 15,5 %") sawText = true;
        if (cell.type == XlsxCell::Type::Number && cell.text == "2421") sawNumber = true;
      }
    }
  }
  EXPECT_TRUE(sawText);
  EXPECT_TRUE(sawNumber);
}

}  // namespace
}  // namespace namnd
