#include "ingest/sie/sie_reader.hpp"

#include <gtest/gtest.h>

#include "support/import_expectations.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "ingest/sie/cp437.hpp"
#include "ingest/sie/sie_encoding.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

SourceFile sourceFile(std::string name, std::string bytes) {
  SourceFile file;
  file.displayName = name;
  file.sha256 = "hash-" + name;
  file.bytes = std::move(bytes);
  return file;
}

SourceFile fixture(const std::string& name) {
  return sourceFile(name,
                    testing::readFile(std::filesystem::path(NAMND_TEST_FIXTURES) / "sie" / name));
}

SourceFile inMemory(std::string bytes) { return sourceFile("fil.se", std::move(bytes)); }

using testing::cells;
using testing::Rejection;
using testing::rejections;

// The note containing `part`, or "" when there is none.
std::string noteWith(const SieImport& sie, const std::string& part) {
  for (const std::string& note : sie.notes)
    if (note.find(part) != std::string::npos) return note;
  return "";
}

std::string allNotes(const SieImport& sie) {
  std::string text;
  for (const std::string& note : sie.notes) text += note + "\n";
  return text;
}

InputError readError(const SourceFile& file) {
  try {
    readSie(file, SieDimensionMap{});
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for " << file.displayName;
  return InputError({}, "");
}

using Strings = std::vector<std::string>;

// A kept row as "period|ansvar|konto|verksamhet|projekt|datum|vernr|text|öre".
Strings keptOf(const SieImport& sie) {
  Strings rows;
  for (const LedgerTransaction& r : sie.keptRows.toTransactions())
    rows.push_back(r.period.toString() + "|" + r.ansvar + "|" + r.konto + "|" + r.verksamhet + "|" +
                   r.projekt + "|" + r.datum + "|" + r.vernr + "|" + r.text + "|" +
                   std::to_string(r.ore) + (r.motpart.empty() ? "" : "|" + r.motpart));
  return rows;
}

TEST(SieReader, KeepsTransRowsWithTextDateAndVerification) {
  const SieImport sie = readSie(fixture("typ4.se"), SieDimensionMap{});
  // Every accepted #TRANS on a result account of typ4.se (see the test below; the 1930 bank
  // rows are not kept), by period, ansvar and largest |belopp| first. The text is the row's
  // transtext, else the #VER's; the date is transdat, else the verification date; the #BTRANS and
  // the skipped #TRANS copy are not rows.
  EXPECT_EQ(keptOf(sie), (Strings{"202501|100|5011|||2025-01-15|A 1|Löner januari|1000000",
                                  "202501|200|5011||P7|2025-01-20|A 1|Projekt|250000",
                                  "202502|200|3011|||2025-02-03|B 7|Avgift \"hemtjänst\"|-50000",
                                  "202503||6110|||2025-03-10|C 3|Inköp|3000",
                                  "202503|100|6110|||2025-03-10|C 3|Inköp|20000",
                                  "202504|100|6110|||2025-04-11|C 3|Tillägg|5000"}));
}

TEST(SieReader, Type4TakesUtfallFromTransWithObjectsAndPeriods) {
  const SieImport sie = readSie(fixture("typ4.se"), SieDimensionMap{});
  EXPECT_EQ(sie.sieType, 4);
  // #FNAMN in PC8 with escaped quotes: "V\x84lf\x84rdsf\x94rvaltningen \"\x99st\"".
  EXPECT_EQ(sie.company, "Välfärdsförvaltningen \"Öst\"");

  // By hand from the three verifications (öre):
  //  A 1 (20250115): 5011 ansvar 100: 10 000,00; 5011 ansvar 200 projekt P7 with its own
  //      transdat 20250120: 2 500,00; 1930 without objects: −12 500,00.
  //  B 7 (20250203): 3011 ansvar 200: −500,00 (empty transdat ""); 1930: 500,00.
  //  C 3 (20250310): 6110 ansvar 100: 200,00; #RTRANS 6110 ansvar 100 dated 20250411: 50,00
  //      (its #TRANS copy skipped, #BTRANS 75,00 never counted); 6110 no ansvar: 30,00;
  //      1930: −280,00.
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall),
            (Strings{"|1930|||202501=-1250000", "|1930|||202502=50000", "|1930|||202503=-28000",
                     "|6110|||202503=3000", "100|5011|||202501=1000000", "100|6110|||202503=20000",
                     "100|6110|||202504=5000", "200|3011|||202502=-50000",
                     "200|5011||P7|202501=250000"}));
  const ImportSummary& ledger = sie.ledger;
  EXPECT_EQ(ledger.kind, SourceKind::Huvudbok);
  EXPECT_EQ(ledger.sourcePath, "typ4.se");
  EXPECT_EQ(ledger.fileHash, "hash-typ4.se");
  EXPECT_EQ(ledger.rowsRead, 3 + 2 + 4);  // the #RTRANS counts, its copy and #BTRANS do not
  EXPECT_EQ(ledger.rowsAccepted, 9);
  EXPECT_TRUE(ledger.rejected.empty());
  EXPECT_EQ(ledger.acceptedOre, 0);  // every verification balances
  EXPECT_EQ(sie.utfall.total(Measure::Utfall), ledger.acceptedOre);
  EXPECT_TRUE(sie.budgetCube.empty());
  EXPECT_EQ(sie.budget.kind, SourceKind::Budget);
  EXPECT_EQ(sie.budget.rowsRead, 0);
}

TEST(SieReader, Type4NotesSayWhatWasSkippedAndCheckRes) {
  const SieImport sie = readSie(fixture("typ4.se"), SieDimensionMap{});
  const std::string notes = allNotes(sie);
  EXPECT_NE(noteWith(sie, "PC8 (kodsida 437) enligt #FORMAT PC8"), "") << notes;
  EXPECT_NE(noteWith(sie, "3 verifikationer"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 tillagda rader (#RTRANS)"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 likadana #TRANS-kopior"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 borttagna rader (#BTRANS)"), "") << notes;
  // Unknown labels are skipped and counted by name, outside and inside a verification.
  EXPECT_NE(noteWith(sie, "#FOOBAR (2)"), "") << notes;
  EXPECT_NE(noteWith(sie, "#IB 1, #OIB 1, #UB 1"), "") << notes;
  // #TRANS on 1930 (3) and 6110 (1) carry no ansvar.
  EXPECT_NE(noteWith(sie, "4 #TRANS saknar ansvar"), "") << notes;
  EXPECT_NE(noteWith(sie, "dimension 7 används inte"), "") << notes;
  EXPECT_NE(noteWith(sie, "#OBJEKT för dimensioner utan #DIM: 30 (rad 20)"), "") << notes;
  // #RES: 3011 −500 and 5011 12 500 match; 6110 says 300 but the rows give 200 + 50 + 30.
  EXPECT_NE(noteWith(sie, "konto 6110: #RES 300,00 kr, #TRANS 280,00 kr (skillnad -20,00 kr)"), "")
      << notes;
  EXPECT_EQ(noteWith(sie, "konto 5011"), "") << notes;
  EXPECT_EQ(noteWith(sie, "konto 3011"), "") << notes;
}

TEST(SieReader, BadRowsAreRejectedWithLineAndFieldAndReadingGoesOn) {
  const SieImport sie = readSie(fixture("typ4_rejects.se"), SieDimensionMap{});
  EXPECT_EQ(rejections(sie.ledger), (std::vector<Rejection>{{"typ4_rejects.se", 7, "belopp"},
                                                            {"typ4_rejects.se", 8, "transdat"},
                                                            {"typ4_rejects.se", 9, "konto"},
                                                            {"typ4_rejects.se", 10, "objektlista"},
                                                            {"typ4_rejects.se", 11, "objektlista"},
                                                            {"typ4_rejects.se", 12, ""},
                                                            {"typ4_rejects.se", 17, "verdatum"},
                                                            {"typ4_rejects.se", 20, ""}}));
  EXPECT_EQ(sie.ledger.rowsRead, 11);
  EXPECT_EQ(sie.ledger.rowsAccepted, 3);
  EXPECT_EQ(sie.ledger.acceptedOre, 100'00 + 5'00 + 8'00);
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall),
            (Strings{"|6110|||202501=500", "100|5011|||202501=10000", "200|5011|||202502=800"}));
  EXPECT_NE(sie.ledger.rejected[0].reason.find("fler än två decimaler"), std::string::npos);
  EXPECT_NE(sie.ledger.rejected[1].reason.find("20250230"), std::string::npos);
  EXPECT_NE(sie.ledger.rejected[6].reason.find("rad 15"), std::string::npos);
  EXPECT_NE(noteWith(sie, "UTF-8"), "") << allNotes(sie);  // "är" written as UTF-8
}

TEST(SieReader, Type3WithoutVerificationsTakesUtfallFromPsaldoOncePerKrona) {
  const SieImport sie = readSie(fixture("typ2_psaldo.se"), SieDimensionMap{});
  EXPECT_EQ(sie.sieType, 3);
  EXPECT_EQ(sie.company, "Omsorgsnämnden");  // PC8 without #FORMAT: the standard's default
  // 5011 January: total 15 000 = ansvar 100 10 000 + ansvar 200 4 000 + 1 000 without ansvar;
  // the {6 "P7"} 2 500 row is another split of the same money. 3011 January and 1930
  // February have totals only. 5011 February: total 9 000 = ansvar 100 9 000.
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall),
            (Strings{"|1930|||202502=-900000", "|3011|||202501=-70000", "|5011|||202501=100000",
                     "100|5011|||202501=1000000", "100|5011|||202502=900000",
                     "200|5011|||202501=400000"}));
  EXPECT_EQ(sie.ledger.acceptedOre, (15000 - 700 + 9000 - 9000) * 100);
  EXPECT_EQ(sie.utfall.total(Measure::Utfall), sie.ledger.acceptedOre);
  EXPECT_EQ(sie.ledger.rowsAccepted, 5);  // three rows per ansvar, two totals
  EXPECT_EQ(rejections(sie.ledger), (std::vector<Rejection>{{"typ2_psaldo.se", 17, "period"},
                                                            {"typ2_psaldo.se", 18, "period"},
                                                            {"typ2_psaldo.se", 19, "saldo"}}));
  EXPECT_EQ(sie.ledger.rowsRead, 5 + 3);
  const std::string notes = allNotes(sie);
  EXPECT_NE(noteWith(sie, "#PSALDO användes eftersom filen saknar verifikationer"), "") << notes;
  EXPECT_NE(noteWith(sie, "2 totalrader {} ersattes"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 rader för andra dimensioner"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 000,00 kr lades på tomt ansvar"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 #PSALDO för andra år"), "") << notes;
  EXPECT_NE(noteWith(sie, "förval när #FORMAT saknas"), "") << notes;
  EXPECT_NE(noteWith(sie, "#RES stämmer med summan av #PSALDO för alla 2"), "") << notes;
}

TEST(SieReader, BudgetComesFromPbudgetAndTransWinsOverPsaldo) {
  const SieImport sie = readSie(fixture("pbudget.se"), SieDimensionMap{});
  // 5011 January: total 12 000 = 8 000 + 4 000 per ansvar; 3011 has only its total.
  EXPECT_EQ(cells(sie.budgetCube, Measure::Budget),
            (Strings{"|3011|||202501=-100000", "100|5011|||202501=800000",
                     "100|5011|||202502=800000", "200|5011|||202501=400000"}));
  EXPECT_EQ(sie.budget.kind, SourceKind::Budget);
  EXPECT_EQ(sie.budget.rowsAccepted, 4);
  EXPECT_EQ(sie.budget.rowsRead, 5);
  EXPECT_EQ(sie.budget.acceptedOre, (8000 + 4000 + 8000 - 1000) * 100);
  EXPECT_EQ(rejections(sie.budget), (std::vector<Rejection>{{"pbudget.se", 10, "belopp"}}));

  // Utfall from #TRANS; #PSALDO is only compared: January agrees (10 000), February
  // says 3 000 where the verification has 2 500.
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall),
            (Strings{"|1930|||202501=-1000000", "|1930|||202502=-250000",
                     "100|5011|||202501=1000000", "100|5011|||202502=250000"}));
  EXPECT_EQ(sie.ledger.rowsRead, 4);
  const std::string notes = allNotes(sie);
  EXPECT_NE(noteWith(sie, "Period 202502: Σ #TRANS − Σ #PSALDO = -500,00 kr"), "") << notes;
  EXPECT_EQ(noteWith(sie, "Period 202501"), "") << notes;
  EXPECT_NE(noteWith(sie, "1 #PBUDGET för andra år"), "") << notes;
}

TEST(SieReader, Type1HasNoMonthlyUtfallAndSaysSo) {
  const SieImport sie = readSie(fixture("typ1.se"), SieDimensionMap{});
  EXPECT_EQ(sie.sieType, 1);
  EXPECT_EQ(sie.company, "Testkommun");
  EXPECT_TRUE(sie.utfall.empty());
  EXPECT_TRUE(sie.budgetCube.empty());
  EXPECT_EQ(sie.ledger.rowsRead, 0);
  const std::string notes = allNotes(sie);
  EXPECT_NE(noteWith(sie, "varken verifikationer (#VER) eller periodsaldon"), "") << notes;
  EXPECT_NE(noteWith(sie, "#IB 2, #UB 2"), "") << notes;
  EXPECT_NE(noteWith(sie, "#RES (årets resultat per konto) finns"), "") << notes;
  EXPECT_NE(noteWith(sie, "ingen budget"), "") << notes;
  EXPECT_NE(noteWith(sie, "bara ASCII"), "") << notes;
}

TEST(SieReader, DimensionMapDecidesWhichObjectsBecomeAnsvarVerksamhetAndProjekt) {
  const std::string file =
      "#FLAGGA 0\n#SIETYP 4\n"
      "#VER A 1 20250105 \"x\" {\n"  // the brace on the #VER line, as some exporters write it
      "#TRANS 5011 {1 \"100\" 2 \"V9\" 6 \"P7\"} 1.00\n"
      "}\n";
  SieDimensionMap dims;
  dims.ansvar = 2;
  dims.verksamhet = 1;
  dims.projekt = 0;
  const SieImport sie = readSie(inMemory(file), dims);
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall), (Strings{"V9|5011|100||202501=100"}));
  EXPECT_NE(noteWith(sie, "dimension 6 används inte"), "") << allNotes(sie);
}

TEST(SieReader, QuotedObjectCodesKeepSpacesAndEscapedQuotes) {
  const SieImport sie = readSie(inMemory("#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250105\n{\n"
                                         "#TRANS 5011 {1 \"Ans \\\"1\\\"\"} 1.50\n}\n"),
                                SieDimensionMap{});
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall), (Strings{"Ans \"1\"|5011|||202501=150"}));
}

TEST(SieReader, RtransCopyIsRecognisedByValueAndAMissingCopyLosesNothing) {
  const SieImport sie =
      readSie(inMemory("#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250105\n{\n"
                       "#RTRANS 5011 {} 1.00\n"
                       "#TRANS 5011 {} 2.00\n"  // not the copy: a row of its own
                       "#RTRANS 7010 {1 \"100\"} 8.00 20250105\n"
                       "#TRANS 7010 {1 100} 8 20250105\n"  // the copy, written differently
                       "#RTRANS 6110 {} 4.00\n"            // no copy before the brace
                       "}\n"),
              SieDimensionMap{});
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall),
            (Strings{"|5011|||202501=300", "|6110|||202501=400", "100|7010|||202501=800"}));
  EXPECT_EQ(sie.ledger.rowsRead, 4);
  EXPECT_NE(noteWith(sie, "3 tillagda rader (#RTRANS) räknades; 1 likadana"), "") << allNotes(sie);
  EXPECT_NE(noteWith(sie, "2 #RTRANS följdes inte"), "") << allNotes(sie);
}

TEST(SieReader, UnusableFilesThrowWithLine) {
  const auto expectError = [](const std::string& name, std::int64_t line, const std::string& part) {
    const InputError e = readError(fixture(name));
    EXPECT_EQ(e.where().file, name);
    EXPECT_EQ(e.where().line, line) << name << ": " << e.what();
    EXPECT_NE(e.reason().find(part), std::string::npos) << name << ": " << e.what();
  };
  expectError("bad_truncated.se", 8, "avkortad");
  expectError("bad_quote.se", 3, "citattecknet");
  expectError("bad_header.se", 1, "inte en SIE-fil");
  expectError("bad_missing_open_brace.se", 4, "'{' väntades");
  expectError("bad_unclosed_ver.se", 3, "stängs inte med '}'");
  expectError("bad_nul.se", 3, "NUL");
}

TEST(SieReader, FileWithoutFlaggaOrSietypIsRefused) {
  const InputError e = readError(inMemory("#PROGRAM \"x\" 1\n#FNAMN \"y\"\n"));
  EXPECT_NE(e.reason().find("#FLAGGA"), std::string::npos);
  EXPECT_THROW(readSie(inMemory(""), SieDimensionMap{}), InputError);
  EXPECT_THROW(readSie(inMemory(std::string("\xFF\xFE#\0F", 5)), SieDimensionMap{}), InputError);
}

TEST(SieReader, TenMegabyteLineIsARejectedRowNotACrash) {
  std::string file = "#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250105\n{\n#TRANS 5011 {} ";
  file += std::string(10'000'000, '9');
  file += "\n#TRANS 6110 {} 1.00\n}\n#" + std::string(10'000'000, 'X') + "\n";
  const SieImport sie = readSie(inMemory(file), SieDimensionMap{});
  EXPECT_EQ(rejections(sie.ledger), (std::vector<Rejection>{{"fil.se", 5, "belopp"}}));
  EXPECT_EQ(cells(sie.utfall, Measure::Utfall), (Strings{"|6110|||202501=100"}));
  // A ten-megabyte unknown label is skipped and named briefly.
  EXPECT_NE(noteWith(sie, "#" + std::string(23, 'X') + "… (1)"), "") << allNotes(sie).size();
}

TEST(SieReader, LooksLikeSieByTheFirstLine) {
  EXPECT_TRUE(looksLikeSie("#FLAGGA 0\n#SIETYP 4\n"));
  EXPECT_TRUE(looksLikeSie("\xEF\xBB\xBF\r\n  #SIETYP 2\r\n"));
  EXPECT_TRUE(looksLikeSie("#PROGRAM \"Fortnox\" 3.0\n"));
  EXPECT_FALSE(looksLikeSie("period;konto;ansvar;belopp\n"));
  EXPECT_FALSE(looksLikeSie("#TRANS 1930 {} 1.00\n"));
  EXPECT_FALSE(looksLikeSie(""));
}

TEST(SieEncoding, Cp437HighHalfGivesSwedishLettersAndBoxDrawing) {
  std::string out;
  appendCp437AsUtf8("\x86\x84\x94\x8F\x8E\x99\x82 \xC4\xB3\xDB\xE1\xF8\xFF", out);
  EXPECT_EQ(out, "åäöÅÄÖé ─│█ß°\u00A0");
  EXPECT_EQ(cp437CodePoint('A'), U'A');
  EXPECT_EQ(cp437CodePoint(0x9E), U'\u20A7');  // peseta sign
}

TEST(SieEncoding, ContentDecidesBetweenUtf8Pc8AndWindows1252) {
  const auto decode = [](const std::string& bytes) {
    const SourceFile file = inMemory(bytes);
    const SieText text = decodeSie(file);
    return std::pair(text.encoding(), std::string(text.text()));
  };
  // Valid UTF-8 is UTF-8, whatever #FORMAT says.
  EXPECT_EQ(
      decode("#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"Nämnd\"\n"),
      std::pair(SieEncoding::Utf8, std::string("#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"Nämnd\"\n")));
  // PC8 as the file says.
  EXPECT_EQ(decode("#FORMAT PC8\n\x84"),
            std::pair(SieEncoding::Pc8, std::string("#FORMAT PC8\nä")));
  // Windows-1252 letters under a PC8 header: the content wins.
  EXPECT_EQ(decode("#FORMAT PC8\n#FNAMN \"N\xE4mnd f\xF6r \xE4ldre\"\n"),
            std::pair(SieEncoding::Windows1252,
                      std::string("#FORMAT PC8\n#FNAMN \"Nämnd för äldre\"\n")));
  // A BOM is dropped.
  EXPECT_EQ(decode("\xEF\xBB\xBF#FLAGGA 0\n"),
            std::pair(SieEncoding::Ascii, std::string("#FLAGGA 0\n")));
}

TEST(SieEncoding, Windows1252FileIsReadAndTheNoteSaysSo) {
  const SieImport sie = readSie(
      inMemory(
          "#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#FNAMN \"V\xE5rd och \xE4ldreomsorg\"\r\n"),
      SieDimensionMap{});
  EXPECT_EQ(sie.company, "Vård och äldreomsorg");
  EXPECT_NE(noteWith(sie, "Windows-1252"), "") << allNotes(sie);
}

// --- Streaming: the file read from disk in blocks gives what the bytes in memory give. ---

SourceFile onDisk(const std::filesystem::path& path, const std::string& name) {
  SourceFile file;
  file.path = path;
  file.displayName = name;
  file.sha256 = "hash-" + name;
  return file;  // no bytes: readSie reads the file itself
}

// All that a reading gives, as one text: cubes, summaries with every rejection and its
// reason, company, type and notes; or the error it threw, with its line.
std::string everything(const std::function<SieImport()>& read) {
  std::string text;
  try {
    const SieImport sie = read();
    const auto summary = [&](const char* name, const ImportSummary& s) {
      text += std::string(name) + " " + s.sourcePath + " " + s.fileHash + " read " +
              std::to_string(s.rowsRead) + " accepted " + std::to_string(s.rowsAccepted) + " öre " +
              std::to_string(s.acceptedOre) + "\n";
      for (const RejectedRow& row : s.rejected)
        text += "  " + row.where.describe() + ": " + row.reason + "\n";
    };
    summary("ledger", sie.ledger);
    summary("budget", sie.budget);
    for (const std::string& cell : cells(sie.utfall, Measure::Utfall)) text += cell + "\n";
    for (const std::string& cell : cells(sie.budgetCube, Measure::Budget)) text += cell + "\n";
    text += "company " + sie.company + " type " + std::to_string(sie.sieType) + "\n";
    text += allNotes(sie);
  } catch (const InputError& e) {
    text =
        "InputError " + e.where().file + " " + std::to_string(e.where().line) + ": " + e.reason();
  }
  return text;
}

std::string fromMemory(const std::string& name, const std::string& bytes,
                       std::size_t blockBytes = kSieBlockBytes) {
  return everything(
      [&] { return readSie(sourceFile(name, bytes), SieDimensionMap{}, blockBytes); });
}

std::string fromDisk(const std::filesystem::path& path, const std::string& name,
                     std::size_t blockBytes) {
  return everything([&] { return readSie(onDisk(path, name), SieDimensionMap{}, blockBytes); });
}

TEST(SieReaderStreaming, EveryFixtureReadFromDiskInTinyBlocksGivesWhatMemoryGives) {
  const std::filesystem::path dir = std::filesystem::path(NAMND_TEST_FIXTURES) / "sie";
  int fixtures = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".se") continue;
    ++fixtures;
    const std::string name = entry.path().filename().string();
    const std::string bytes = testing::readFile(entry.path());
    const std::string whole = fromMemory(name, bytes);
    // Blocks of one byte cross every boundary there is: inside labels, UTF-8 and PC8 text,
    // CRLF pairs, object lists and every #VER.
    for (const std::size_t blockBytes : {1, 2, 3, 4, 5, 7, 16, 61, 4096})
      EXPECT_EQ(fromDisk(entry.path(), name, blockBytes), whole) << name << " in " << blockBytes;
    EXPECT_EQ(fromDisk(entry.path(), name, kSieBlockBytes), whole) << name;
    EXPECT_EQ(fromMemory(name, bytes, 3), whole) << name << " in memory, blocks of 3";
  }
  EXPECT_GE(fixtures, 11);  // the loop did run
}

TEST(SieReaderStreaming, Cp437VerAndCrlfSplitAcrossBlocks) {
  const std::string text =
      "#FLAGGA 0\r\n"
      "#FORMAT PC8\r\n"
      "#SIETYP 4\r\n"
      "#FNAMN \"S\x94"
      "der\"\r\n"  // Söder
      "#RAR 0 20250101 20251231\r\n"
      "#VER A 1 20250115 \"L\x94ner \x86r 2025\"\r\n"  // line 6
      "{\r\n"
      "#TRANS 5011 {1 \"\x8F"
      "by\"} 1200.00\r\n"  // line 8: ansvar Åby
      "#TRANS 5011 {1 \"\x8F"
      "by\"} 12.345\r\n"  // line 9: three decimals
      "#TRANS 1930 {} -1200.00\r\n"
      "}\r\n";
  testing::TempDir dir;
  testing::writeFile(dir / "pc8.se", text);
  // The first block ends between the carriage return and the line feed of line 8, inside the
  // #VER; then every other size too.
  const std::size_t line8End = text.find("\r\n", text.find("1200.00"));
  std::vector<std::size_t> sizes{line8End + 1};
  for (std::size_t size = 1; size <= text.size(); ++size) sizes.push_back(size);
  for (const std::size_t blockBytes : sizes) {
    const SieImport sie = readSie(onDisk(dir / "pc8.se", "pc8.se"), SieDimensionMap{}, blockBytes);
    EXPECT_EQ(sie.company, "Söder") << blockBytes;
    EXPECT_EQ(cells(sie.utfall, Measure::Utfall),
              (Strings{"|1930|||202501=-120000", "Åby|5011|||202501=120000"}))
        << blockBytes;
    EXPECT_EQ(rejections(sie.ledger), (std::vector<Rejection>{{"pc8.se", 9, "belopp"}}))
        << blockBytes;
    EXPECT_EQ(sie.notes.front(), "Teckenkodning: PC8 (kodsida 437) enligt #FORMAT PC8.")
        << blockBytes;
  }
}

// A first block can mislead; the whole file decides, as when it was read whole.
TEST(SieReaderStreaming, WholeFileDecidesTheEncodingWhateverTheFirstBlockSaid) {
  struct Case {
    const char* what;
    std::string text;
    std::string company;
    std::string ansvar;
    std::string note;
  };
  const std::string padding(200, ' ');  // keeps the later bytes out of a first block of 64
  const std::string ver = "#VER A 1 20250105 \"x\"\n{\n#TRANS 5011 {1 \"";
  const std::vector<Case> cases{
      // C3 A4 is UTF-8 for ä, but the lone 0x94 (PC8 ö) later makes the file PC8: 0xC3 is ├
      // and 0xA4 is ñ there.
      {"UTF-8, then a byte that is not",
       "#FLAGGA 0\n#FNAMN \"\xC3\xA4\"\n" + padding + "\n" + ver + "\x94st\"} 1.00\n}\n",
       "\u251C\u00F1", "öst", "SIE-standardens förval när #FORMAT saknas"},
      // 0xE4 is Windows-1252 ä; 0x81 (PC8 ü) is undefined there, so the file is PC8 and 0xE4
      // is Σ.
      {"Windows-1252, then a byte it lacks",
       "#FLAGGA 0\n#FNAMN \"\xE4ldre\"\n" + padding + "\n" + ver + "\x81\"} 1.00\n}\n",
       "\u03A3ldre", "ü", "SIE-standardens förval när #FORMAT saknas"},
      // One Windows-1252 å (0xE5) first, two PC8 letters å ä (0x86 0x84) later: PC8 wins, and
      // 0xE5 is σ.
      {"more PC8 letters later",
       "#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"\xE5r\"\n" + padding + "\n" + ver +
           "\x86\x84\"} 1.00\n}\n",
       "\u03C3r", "åä", "PC8 (kodsida 437) enligt #FORMAT PC8"},
  };
  testing::TempDir dir;
  for (const Case& c : cases) {
    testing::writeFile(dir / "fil.se", c.text);
    const std::string whole = fromMemory("fil.se", c.text);
    for (const std::size_t blockBytes : {1, 5, 64})
      EXPECT_EQ(fromDisk(dir / "fil.se", "fil.se", blockBytes), whole) << c.what << blockBytes;
    const SieImport sie = readSie(onDisk(dir / "fil.se", "fil.se"), SieDimensionMap{}, 64);
    EXPECT_EQ(sie.company, c.company) << c.what;
    EXPECT_EQ(cells(sie.utfall, Measure::Utfall), (Strings{c.ansvar + "|5011|||202501=100"}))
        << c.what;
    EXPECT_NE(sie.notes.front().find(c.note), std::string::npos) << c.what << ": " << allNotes(sie);
  }
}

// As when the whole file was decoded before it was parsed: a NUL byte anywhere, then a
// decoding error, come before a bad line earlier in the file.
TEST(SieReaderStreaming, FileErrorsLaterInTheFileWinOverAnEarlierBadLine) {
  const std::string nul =
      std::string("#FLAGGA 0\n#SIETYP 4\n#FNAMN \"oavslutad\n\n\n#KONTO 1") + '\0' + "\n";
  // Windows-1252 (two ä, 0xE4, against no PC8 letter), but with UTF-8 ä (C3 A4) on line 4:
  // the decoder refuses the mix at line 5, the first byte that is not UTF-8.
  const std::string mixed =
      "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"oavslutad\n#KONTO 3010 \"\xC3\xA4\"\n#KONTO 3020 "
      "\"\xE4\xE4\"\n";
  testing::TempDir dir;
  const auto expectError = [&](const std::string& text, std::int64_t line,
                               const std::string& part) {
    const InputError e = readError(inMemory(text));
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_NE(e.reason().find(part), std::string::npos) << e.what();
    testing::writeFile(dir / "fil.se", text);
    for (const std::size_t blockBytes : {1, 4, 13, 64})
      EXPECT_EQ(fromDisk(dir / "fil.se", "fil.se", blockBytes), fromMemory("fil.se", text))
          << blockBytes;
  };
  expectError(nul, 6, "NUL");
  expectError(mixed, 5, "blandar UTF-8");
}

TEST(SieReaderStreaming, BlankLinesAndByteOrderMarksBeforeTheHeader) {
  testing::TempDir dir;
  const auto same = [&](const std::string& text) {
    testing::writeFile(dir / "fil.se", text);
    const std::string whole = fromMemory("fil.se", text);
    for (std::size_t blockBytes = 1; blockBytes <= text.size() + 1; ++blockBytes)
      EXPECT_EQ(fromDisk(dir / "fil.se", "fil.se", blockBytes), whole) << blockBytes;
    return whole;
  };
  EXPECT_NE(same("\r\n\r\n  \r\nperiod;konto\r\n").find("InputError fil.se 4: inte en SIE-fil"),
            std::string::npos);
  EXPECT_NE(same("\n \n\t").find("InputError fil.se 3: inte en SIE-fil"), std::string::npos);
  EXPECT_NE(same("").find("InputError fil.se 1: inte en SIE-fil"), std::string::npos);
  // A byte order mark is dropped; a second one is tolerated before the first label only.
  EXPECT_NE(same("\xEF\xBB\xBF\xEF\xBB\xBF#FLAGGA 0\n#SIETYP 4\n").find("company  type 4"),
            std::string::npos);
  EXPECT_NE(same("\xEF\xBB\xBF\n\xEF\xBB\xBF#FLAGGA 0\n").find("InputError fil.se 2"),
            std::string::npos);
  EXPECT_NE(same(std::string("\x00\x00\xFE\xFF#", 5)).find("UTF-16 eller UTF-32"),
            std::string::npos);
}

TEST(SieReaderStreaming, MissingFileIsAnInputError) {
  testing::TempDir dir;
  EXPECT_EQ(fromDisk(dir / "finns-inte.se", "finns-inte.se", kSieBlockBytes),
            "InputError finns-inte.se 0: filen kan inte öppnas");
}

TEST(SieEncoding, EvidenceAndFormatDoNotDependOnHowTheBytesArrive) {
  struct Case {
    std::string bytes;
    std::string format;
    SieEncoding encoding;
  };
  std::string manyLines;
  for (int i = 0; i < 200; ++i) manyLines += "#KONTO 1930 \"Bank\"\n";
  const std::vector<Case> cases{
      {"#FLAGGA 0\n  #format \"pc8\" x\n", "pc8", SieEncoding::Ascii},
      {"#FORMAT\r\n", "\"\"", SieEncoding::Ascii},
      {"#FORMAT UTF-8\n#FNAMN \"N\xC3\xA4mnd\"\n", "UTF-8", SieEncoding::Utf8},
      {"#FORMATX\n", "X", SieEncoding::Ascii},  // seven bytes of label, then the value
      {manyLines + "#FORMAT PC8\n", "", SieEncoding::Ascii},  // beyond the first 200 lines
      // Two Windows-1252 ä against one PC8 ö.
      {"#FORMAT PC8\n\xE4\xE4\x94", "PC8", SieEncoding::Windows1252},
      // A UTF-8 sequence cut off by the end of the file: not UTF-8, no letters, so PC8.
      {"#FNAMN \"\xC3", "", SieEncoding::Pc8},
      // A surrogate (ED A0 80) is not UTF-8; under an unknown #FORMAT and with no letters
      // either way, Windows-1252 is as likely as PC8 and is chosen.
      {"#FORMAT UTF8\n\xED\xA0\x80", "UTF8", SieEncoding::Windows1252},
  };
  for (const Case& c : cases) {
    for (const std::size_t piece :
         {std::size_t{1}, std::size_t{2}, std::size_t{3}, c.bytes.size()}) {
      SieEncodingEvidence evidence;
      SieFormatScan scan;
      for (std::size_t pos = 0; pos < c.bytes.size(); pos += piece) {
        evidence.add(std::string_view(c.bytes).substr(pos, piece));
        scan.add(std::string_view(c.bytes).substr(pos, piece));
      }
      evidence.finish();
      scan.finish();
      EXPECT_EQ(scan.format(), c.format) << c.bytes << " in pieces of " << piece;
      EXPECT_EQ(evidence.decide(scan.format()), c.encoding) << c.bytes << " in pieces of " << piece;
    }
  }
}

TEST(SieReaderSpeed, HundredThousandRowsInAFractionOfASecond) {
  std::string file = "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#RAR 0 20250101 20251231\n";
  std::int64_t expected = 0;
  for (int v = 0; v < 25'000; ++v) {
    const int month = v % 12 + 1;
    file += "#VER A " + std::to_string(v + 1) + " 2025" + (month < 10 ? "0" : "") +
            std::to_string(month) + "15 \"L\x94n\" 20250116\n{\n";
    for (int r = 0; r < 3; ++r) {
      file += "   #TRANS 5011 {1 \"" + std::to_string(100 + r) + "\" 6 \"P1\"} " +
              std::to_string(v % 1000) + "." + std::to_string(10 + r) + " \"\" \"text\"\n";
      expected += (v % 1000) * 100 + 10 + r;
    }
    file += "   #TRANS 2440 {} -1.00\n}\n";
    expected -= 100;
  }
  const auto start = std::chrono::steady_clock::now();
  const SieImport sie = readSie(inMemory(file), SieDimensionMap{});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(sie.ledger.rowsAccepted, 100'000);
  EXPECT_EQ(sie.ledger.acceptedOre, expected);
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 1000);
}

}  // namespace
}  // namespace namnd
