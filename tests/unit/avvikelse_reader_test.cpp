#include "ingest/avvikelse/avvikelse_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/category_name.hpp"
#include "core/errors.hpp"
#include "render/xlsx/xlsx_workbook.hpp"
#include "support/csv_text_source.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::contains;
using testing::CsvTextSource;
using testing::mentions;
using testing::TempDir;
using testing::thrown;

OrgNode node(const std::string& code, const std::string& name, const std::string& parent, int level,
             std::optional<Period> validTo = std::nullopt) {
  OrgNode n;
  n.code = code;
  n.name = name;
  n.parent = parent;
  n.level = level;
  n.validTo = validTo;
  return n;
}

// Socialnämnden → Äldreomsorg (Björkgården, Hemtjänst Landsbygd, and Gamla hemmet that closed
// at the end of 2023) and Hälso- och sjukvård (Sjuksköterskor dag).
OrgTree orgs() {
  OrgTree tree;
  tree.add(node("SN", "Socialnämnden", "", 1));
  tree.add(node("AO", "Äldreomsorg", "SN", 2));
  tree.add(node("HS", "Hälso- och sjukvård", "SN", 2));
  tree.add(node("2110", "Björkgården", "AO", 3));
  tree.add(node("2220", "Hemtjänst Landsbygd", "AO", 3));
  tree.add(node("2150", "Gamla hemmet", "AO", 3, Period(2023, 12)));
  tree.add(node("3110", "Sjuksköterskor dag", "HS", 3));
  tree.validate();
  return tree;
}

std::map<std::string, std::string> folded(
    std::initializer_list<std::pair<const char*, const char*>> entries) {
  std::map<std::string, std::string> map;
  for (const auto& [source, report] : entries) map.emplace(foldCategoryName(source), report);
  return map;
}

AvvikelseTaxonomy taxonomy() {
  AvvikelseTaxonomy t;
  t.typ = folded({{"Avvikelse HSL", "avvikelse"},
                  {"Extern avvikelse", "extern"},
                  {"Lex Sarah-rapport", "lex_sarah"}});
  t.lagrum = folded({{"Socialtjänstlagen", "SoL"}});
  t.kategori = folded({{"Fallolycka", "Fall/fallolycka"},
                       {"Fall", "Fall/fallolycka"},
                       {"Läkemedel - ej given dos", "Läkemedel"}});
  t.handelsetyp = folded({{"Brister i trygghet", "Trygghet"}});
  t.riktning = folded({{"Inkommande", "till"}, {"Utgående", "fran"}});
  t.status = folded({{"Anmäld IVO", "Anmäld till IVO"}});
  return t;
}

AvvikelseRegisters readCsv(const std::string& text, const std::string& name = "hsl.csv") {
  const OrgTree tree = orgs();
  AvvikelseReader reader(taxonomy(), tree);
  CsvTextSource source(text, name);
  reader.read(source);
  return reader.finish();
}

// Markers that must never leave the reader: a free-text column and the person pseudonyms.
constexpr const char* kFreeText = "HEMLIG-FRITEXT-7731";
constexpr const char* kPseudonym = "PSEUDO-4711";

// A Viva-like HSL export: every column by an alias, ';', a free-text column with the marker
// (quoted, with the separator inside), dates with a time of day.
const std::string kVivaHeader =
    "Avvikelse-ID;Registreringsdatum;Händelsedatum;Enhet;Lagrum;Avvikelsetyp;Kategori;"
    "Patient-ID;Höftbyxa;Gånghjälpmedel;Fraktur;Vårdgivare;Riktning;Status;Beskrivning\n";

TEST(AvvikelseReader, ReadsAVivaExportByItsAliasesAndMapsEveryCategory) {
  const std::string text =
      kVivaHeader + "48213;2025-03-14 09:42;2025-03-13;Björkgården;HSL;Avvikelse HSL;Fallolycka;" +
      kPseudonym + ";Ja;x;nej;;;;\"Föll; " + kFreeText +
      "\"\n"
      // A code instead of a name, canonical names that need no entry, a flag written 1/0.
      "48214;20250401;;2220;hsl;AVVIKELSE;Läkemedel - ej  given dos;" +
      kPseudonym + ";0;1;;;;;" + kFreeText +
      "\n"
      "48215;2025-05-02;2025-04-28;3110;HSL;Extern avvikelse;;P-2;;;;  NÄL ;Inkommande;;\n"
      "48216;2022-02-01;2022-01-30;2150;Socialtjänstlagen;Lex Sarah-rapport;;;;;;;;anmäld ivo;\n"
      "48217;2025-06-30;;Sjuksköterskor dag;HSL;Extern avvikelse;Fall;;;;;SÄS;utgående;;\n";
  const AvvikelseRegisters read = readCsv(text);
  ASSERT_EQ(read.records.size(), 5u);
  EXPECT_TRUE(read.notes.empty());

  const AvvikelseRecord& fall = read.records[0];
  EXPECT_EQ(fall.id, "48213");
  EXPECT_EQ(fall.registrerad, (CalendarDate{2025, 3, 14}));
  ASSERT_TRUE(fall.handelse.has_value());
  EXPECT_EQ(*fall.handelse, (CalendarDate{2025, 3, 13}));
  EXPECT_EQ(fall.org, "2110");  // the enhet's name, as Viva writes it, is its code
  EXPECT_EQ(fall.lagrum, Lagrum::HSL);
  EXPECT_EQ(fall.typ, AvvikelseTyp::Avvikelse);
  EXPECT_EQ(fall.kategori, "Fall/fallolycka");
  EXPECT_EQ(fall.handelsetyp, "");
  EXPECT_EQ(fall.flags, kHoftbyxa | kGanghjalpmedel);
  EXPECT_EQ(fall.riktning, Riktning::Ingen);
  EXPECT_EQ(fall.source, "hsl.csv");
  EXPECT_EQ(fall.line, 2);

  const AvvikelseRecord& lakemedel = read.records[1];
  EXPECT_EQ(lakemedel.registrerad, (CalendarDate{2025, 4, 1}));
  EXPECT_FALSE(lakemedel.handelse.has_value());
  EXPECT_EQ(lakemedel.org, "2220");
  EXPECT_EQ(lakemedel.kategori, "Läkemedel");  // inner spaces folded
  EXPECT_EQ(lakemedel.flags, kGanghjalpmedel);
  // One person, one number: two reports about the same pseudonym count as one person.
  EXPECT_NE(fall.person, 0u);
  EXPECT_EQ(fall.person, lakemedel.person);
  EXPECT_EQ(fall.person, avvikelsePersonHash(kPseudonym));

  const AvvikelseRecord& extern1 = read.records[2];
  EXPECT_EQ(extern1.typ, AvvikelseTyp::Extern);
  EXPECT_EQ(extern1.externPart, "NÄL");
  EXPECT_EQ(extern1.riktning, Riktning::TillKommunen);
  EXPECT_NE(extern1.person, fall.person);

  const AvvikelseRecord& sarah = read.records[3];
  EXPECT_EQ(sarah.org, "2150");  // closed since 2023, still in the organisation's history
  EXPECT_EQ(sarah.lagrum, Lagrum::SoL);
  EXPECT_EQ(sarah.typ, AvvikelseTyp::LexSarah);
  EXPECT_EQ(sarah.status, "Anmäld till IVO");
  EXPECT_EQ(sarah.person, 0u);

  EXPECT_EQ(read.records[4].org, "3110");
  EXPECT_EQ(read.records[4].riktning, Riktning::FranKommunen);
}

// Privacy (DESIGN.md): the free-text column is never read, and the pseudonym is only a hash.
TEST(AvvikelseReader, NoFreeTextAndNoPseudonymInAnyRecordField) {
  const std::string text = kVivaHeader + "1;2025-03-14;;2110;HSL;Avvikelse HSL;Fall;" + kPseudonym +
                           ";;;;;;;" + kFreeText + "\n" +
                           "2;2025-03-15;;2110;HSL;Avvikelse HSL;Fall;" + kPseudonym +
                           "-B;;;;;;;\"" + kFreeText + "\nrad två\"\n";
  const AvvikelseRegisters read = readCsv(text);
  ASSERT_EQ(read.records.size(), 2u);
  for (const AvvikelseRecord& r : read.records) {
    for (const std::string* field :
         {&r.id, &r.org, &r.kategori, &r.handelsetyp, &r.externPart, &r.status, &r.source}) {
      EXPECT_EQ(field->find("HEMLIG"), std::string::npos) << *field;
      EXPECT_EQ(field->find("PSEUDO"), std::string::npos) << *field;
    }
  }
  EXPECT_NE(read.records[0].person, read.records[1].person);
}

TEST(AvvikelseReader, UnmappedValuesAreListedTogetherWithColumnCountAndFirstLine) {
  const std::string text =
      "id;registrerad;ansvar;lagrum;typ;kategori;handelsetyp\n"
      "1;2025-01-02;2110;HSL;Avvikelse HSL;Fallskada;\n"
      "2;2025-01-03;2110;HSL;Avvikelse HSL;Fall;\n"
      "3;2025-01-04;2110;HSL;Avvikelse HSL;fallskada ;\n"  // the same value, spelt differently
      "4;2025-01-05;2110;SoL;Synpunkt;;Brister i trygghet\n"
      "5;2025-01-06;2110;SoL;Avvikelse;;Brister i larm\n"
      "6;2025-01-07;2110;HSL;Avvikelse HSL;Fallskada;\n";
  const auto error = thrown<InputError>([&] { readCsv(text, "register.csv"); });
  ASSERT_TRUE(error);
  const std::string message = error->what();
  EXPECT_TRUE(mentions(message, {"okänd kategori i taxonomin", "3 värden saknas",
                                 "avvikelser.taxonomi", "register.csv"}));
  EXPECT_TRUE(mentions(message, {"kategori: \"Fallskada\" i kolumnen \"kategori\", 3 rader, "
                                 "första register.csv rad 2"}));
  EXPECT_TRUE(mentions(message, {"typ: \"Synpunkt\" i kolumnen \"typ\", 1 rad, första "
                                 "register.csv rad 5"}));
  EXPECT_TRUE(mentions(message, {"handelsetyp: \"Brister i larm\" i kolumnen \"handelsetyp\", "
                                 "1 rad, första register.csv rad 6"}));
  // In the order the file has them.
  EXPECT_LT(message.find("Fallskada"), message.find("Synpunkt"));
  EXPECT_LT(message.find("Synpunkt"), message.find("Brister i larm"));
}

TEST(AvvikelseReader, ABadDateNamesFileLineAndColumn) {
  const auto error = thrown<InputError>([] {
    readCsv(kVivaHeader +
            "1;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n"
            "2;2025-02-30;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n");
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "hsl.csv");
  EXPECT_EQ(error->where().line, 3);
  EXPECT_EQ(error->where().column, "Registreringsdatum");
  EXPECT_TRUE(mentions(error, {"2025-02-30"}));

  const auto event = thrown<InputError>(
      [] { readCsv(kVivaHeader + "1;2025-01-02;i går;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n"); });
  ASSERT_TRUE(event);
  EXPECT_EQ(event->where().column, "Händelsedatum");
}

TEST(AvvikelseReader, EveryUnknownEnhetIsListedOnceWithItsFirstFileAndLine) {
  const std::string first = kVivaHeader +
                            "1;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n"
                            "2;2025-01-02;;Lillgården;HSL;Avvikelse HSL;Fall;;;;;;;;\n"
                            "3;2025-01-03;;9999;HSL;Avvikelse HSL;Fall;;;;;;;;\n"
                            "4;2025-01-04;;lillgården;HSL;Avvikelse HSL;Fallskada;;;;;;;;\n";
  const std::string second =
      "id;registrerad;ansvar;lagrum;typ\n"
      "10;2025-02-01;9999;SoL;Avvikelse HSL\n"
      "11;2025-02-02;Storgården;SoL;Avvikelse HSL\n";
  const OrgTree tree = orgs();
  AvvikelseReader reader(taxonomy(), tree);
  CsvTextSource a(first, "hsl.csv");
  CsvTextSource b(second, "sol.csv");
  reader.read(a);  // nothing thrown at the first unknown enhet
  reader.read(b);
  const auto error = thrown<InputError>([&] { reader.finish(); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "hsl.csv");
  EXPECT_EQ(error->where().line, 3);
  const std::string message = error->what();
  EXPECT_TRUE(mentions(message, {"okänd enhet: 3 värden finns inte i organisationen"}));
  EXPECT_TRUE(mentions(message, {"enhet: \"Lillgården\" i kolumnen \"Enhet\", 2 rader, "
                                 "första hsl.csv rad 3"}));
  EXPECT_TRUE(mentions(message, {"enhet: \"9999\" i kolumnen \"Enhet\", 2 rader, första "
                                 "hsl.csv rad 4"}));
  EXPECT_TRUE(mentions(message, {"enhet: \"Storgården\" i kolumnen \"ansvar\", 1 rad, "
                                 "första sol.csv rad 3"}));
  // The unmapped category of the same rows is in the same message.
  EXPECT_TRUE(mentions(message, {"okänd kategori i taxonomin", "kategori: \"Fallskada\""}));
  EXPECT_LT(message.find("Lillgården"), message.find("9999"));
  EXPECT_LT(message.find("9999"), message.find("Storgården"));
}

// The error points at the first unknown value of all, here a kategori (rad 2) before the first
// unknown enhet (rad 3): its heading must not call it an enhet.
TEST(AvvikelseReader, TheHeadingOfUnknownValuesFitsTheFirstValueWhateverItsKind) {
  const auto error = thrown<InputError>([] {
    readCsv(kVivaHeader +
            "1;2025-01-02;;2110;HSL;Avvikelse HSL;Fallskada;;;;;;;;\n"
            "2;2025-01-02;;Lillgården;HSL;Avvikelse HSL;Fall;;;;;;;;\n");
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, "Kategori");
  const std::string& reason = error->reason();
  EXPECT_TRUE(reason.starts_with("okända värden")) << reason;
  EXPECT_FALSE(reason.starts_with("okänd enhet")) << reason;
  // Both kinds are still listed.
  EXPECT_TRUE(mentions(reason, {"okänd enhet: 1 värde", "\"Lillgården\"",
                                "okänd kategori i taxonomin: 1 värde", "\"Fallskada\""}));
}

TEST(AvvikelseReader, ALongListOfUnknownEnheterIsCappedAtTwentyWithTheRestCounted) {
  std::string text = "id;registrerad;ansvar;lagrum;typ\n";
  for (int i = 0; i < 25; ++i)
    text += std::to_string(i) + ";2025-01-02;X" + std::to_string(100 + i) + ";SoL;Avvikelse HSL\n";
  const auto error = thrown<InputError>([&] { readCsv(text); });
  ASSERT_TRUE(error);
  const std::string message = error->what();
  EXPECT_TRUE(mentions(message, {"25 värden", "\"X119\"", "… och 5 till"}));
  EXPECT_FALSE(contains(message, "\"X120\""));
}

TEST(AvvikelseReader, ReportsWhichOptionalColumnsEachFileHad) {
  const std::string full = kVivaHeader + "1;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n";
  const std::string lean =
      "id;registrerad;ansvar;lagrum;typ;kategori;Patient-ID\n"
      "2;2025-01-03;2110;HSL;Avvikelse HSL;Fall;P1\n"
      "3;2025-01-04;2110;HSL;Avvikelse HSL;Fall;\n";
  const OrgTree tree = orgs();
  AvvikelseReader reader(taxonomy(), tree);
  CsvTextSource a(full, "full.csv");
  CsvTextSource b(lean, "lean.csv");
  reader.read(a);
  reader.read(b);
  const AvvikelseRegisters read = reader.finish();
  ASSERT_EQ(read.files.size(), 2u);
  EXPECT_EQ(read.files[0].name, "full.csv");
  EXPECT_EQ(read.files[0].rowsRead, 1);
  // The Viva header has every optional column but handelsetyp.
  EXPECT_EQ(read.files[0].columns, kAllAvvikelseColumns & ~kColumnHandelsetyp);
  EXPECT_EQ(read.files[1].rowsRead, 2);
  EXPECT_EQ(read.files[1].columns, kColumnKategori | kColumnPerson);
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_EQ(read.records[0].columns, read.files[0].columns);
  EXPECT_EQ(read.records[2].columns, kColumnKategori | kColumnPerson);
  EXPECT_FALSE(read.records[2].columns & kColumnHoftbyxa);
}

TEST(AvvikelseReader, AFlagThatIsNotYesOrNoIsAnError) {
  const auto error = thrown<InputError>(
      [] { readCsv(kVivaHeader + "1;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;kanske;;;;;;\n"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().column, "Höftbyxa");
}

TEST(AvvikelseReader, ARequiredColumnMissingFromTheHeaderIsAnError) {
  // No ansvar and no enhet.
  const auto error = thrown<InputError>(
      [] { readCsv("id;registrerad;lagrum;typ\n1;2025-01-02;HSL;Avvikelse HSL\n"); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(mentions(error, {"ansvar", "enhet"}));
}

TEST(AvvikelseReader, ADuplicateIdIsCountedOnceWithANote) {
  const AvvikelseRegisters read =
      readCsv(kVivaHeader + "7;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n" +
              "8;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n" +
              "7;2025-01-02;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].id, "7");
  EXPECT_EQ(read.records[1].id, "8");
  ASSERT_EQ(read.notes.size(), 1u);
  EXPECT_TRUE(mentions(read.notes[0], {"1 rapport", "räknas en gång", "hsl.csv rad 2 och rad 4"}));
  // The note reaches the report's Kontroller: where, never which id (it identifies a report).
  EXPECT_EQ(read.notes[0].find('7'), std::string::npos) << read.notes[0];
}

// A Treserva-like SoL/LSS workbook: a title above the table, dates as date cells, and a lagrum
// column ("Lagstöd") that only the config's "kolumner" names; read with a CSV register whose
// id it repeats: Viva and Treserva number their own reports, so that is two reports, not a
// duplicate.
TEST(AvvikelseReader, ReadsAnXlsxRegisterWithConfiguredColumnsAndCountsAnIdSharedByTwoFilesTwice) {
  TempDir dir;
  const std::filesystem::path workbook = dir / "sol.xlsx";
  {
    XlsxWorkbookWriter writer(workbook, "sol.xlsx");
    writer.setProperties({"Avvikelser", "Test", "Testby", 1'700'000'000});
    XlsxSheetWriter sheet = writer.addSheet("Avvikelser");
    sheet.writeString(0, 0, "Avvikelser SoL och LSS 2025");
    const std::vector<std::string> header = {
        "Ärendenr",  "Registrerad",     "Händelsedatum", "Ansvar",    "Lagstöd",
        "Ärendetyp", "Typ av händelse", "Status",        "Brukar-ID", "Beskrivning"};
    for (int col = 0; col < static_cast<int>(header.size()); ++col)
      sheet.writeString(2, col, header[static_cast<std::size_t>(col)]);
    const XlsxCellStyle date{.numberFormat = "yyyy-mm-dd"};
    // 45748 = 2025-04-01, 45747 = 2025-03-31 (days since 1899-12-30).
    sheet.writeString(3, 0, "AV-2025-0001");
    sheet.writeNumber(3, 1, 45748, date);
    sheet.writeNumber(3, 2, 45747, date);
    sheet.writeNumber(3, 3, 2110);  // a code stored as a number
    sheet.writeString(3, 4, "Socialtjänstlagen");
    sheet.writeString(3, 5, "Avvikelse");
    sheet.writeString(3, 6, "Brister i trygghet");
    sheet.writeString(3, 8, kPseudonym);
    sheet.writeString(3, 9, kFreeText);
    sheet.writeString(4, 0, "48213");  // also in the CSV register
    sheet.writeNumber(4, 1, 45748, date);
    sheet.writeString(4, 3, "2110");
    sheet.writeString(4, 4, "SoL");
    sheet.writeString(4, 5, "Lex Sarah-rapport");
    sheet.writeString(4, 7, "Anmäld IVO");
    writer.close();
  }
  testing::writeFile(dir / "hsl.csv",
                     kVivaHeader + "48213;2025-03-14;;2110;HSL;Avvikelse HSL;Fall;;;;;;;;\n");

  AvvikelserSettings settings;
  settings.taxonomy = taxonomy();
  InputFile csv;
  csv.path = dir / "hsl.csv";
  csv.displayName = "hsl.csv";
  InputFile xlsx;
  xlsx.path = workbook;
  xlsx.displayName = "sol.xlsx";
  xlsx.sheet = "Avvikelser";
  xlsx.columns = {{"lagrum", "Lagstöd"}};
  settings.registers = {csv, xlsx};
  const AvvikelseRegisters read = readAvvikelseRegisters(settings, orgs());

  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_EQ(read.records[0].id, "48213");
  EXPECT_EQ(read.records[0].source, "hsl.csv");
  EXPECT_EQ(read.records[2].id, "48213");
  EXPECT_EQ(read.records[2].source, "sol.xlsx");
  EXPECT_EQ(read.records[2].typ, AvvikelseTyp::LexSarah);
  EXPECT_TRUE(read.notes.empty());
  for (const AvvikelseRegisterFile& file : read.files) EXPECT_EQ(file.duplicates, 0) << file.name;
  const AvvikelseRecord& sol = read.records[1];
  EXPECT_EQ(sol.id, "AV-2025-0001");
  EXPECT_EQ(sol.source, "sol.xlsx");
  EXPECT_EQ(sol.line, 4);
  EXPECT_EQ(sol.registrerad, (CalendarDate{2025, 4, 1}));
  EXPECT_EQ(sol.handelse, (CalendarDate{2025, 3, 31}));
  EXPECT_EQ(sol.org, "2110");
  EXPECT_EQ(sol.lagrum, Lagrum::SoL);
  EXPECT_EQ(sol.typ, AvvikelseTyp::Avvikelse);
  EXPECT_EQ(sol.handelsetyp, "Trygghet");
  EXPECT_EQ(sol.person, avvikelsePersonHash(kPseudonym));

  // Without the config's column name the workbook has no lagrum column.
  settings.registers[1].columns.clear();
  const auto error = thrown<InputError>([&] { readAvvikelseRegisters(settings, orgs()); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(mentions(error, {"sol.xlsx", "lagrum"}));
}

TEST(AvvikelseReader, CategoryNamesAreFoldedForgivingly) {
  EXPECT_EQ(foldCategoryName("  Brister i  LARM\tOCH telefoni "), "brister i larm och telefoni");
  EXPECT_EQ(foldCategoryName("ÄLDREOMSORG Å Ö É"), "äldreomsorg å ö é");
  EXPECT_EQ(foldCategoryName("Fall\xC2\xA0olycka"), "fall olycka");  // no-break space
  EXPECT_EQ(foldCategoryName(""), "");
}

TEST(AvvikelseReader, ThePersonHashIsDeterministicAndNeverZero) {
  EXPECT_EQ(avvikelsePersonHash("P110000"), avvikelsePersonHash("P110000"));
  EXPECT_NE(avvikelsePersonHash("P110000"), avvikelsePersonHash("P110001"));
  EXPECT_NE(avvikelsePersonHash(""), 0u);
}

}  // namespace
}  // namespace namnd
