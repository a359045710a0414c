#include "ingest/sie/sie_reader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
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

// Cells as "ansvar|konto|verksamhet|projekt|period=öre".
std::vector<std::string> cells(const Cube& cube, Measure measure) {
  std::vector<std::string> result;
  cube.forEachSorted([&](const CubeCell& c) {
    EXPECT_EQ(c.measure, measure);
    result.push_back(std::string(c.ansvar) + "|" + std::string(c.konto) + "|" +
                     std::string(c.verksamhet) + "|" + std::string(c.projekt) + "|" +
                     c.period.toString() + "=" + std::to_string(c.ore));
  });
  return result;
}

struct Rejection {
  std::string file;
  std::int64_t line;
  std::string column;
  bool operator==(const Rejection&) const = default;
};

void PrintTo(const Rejection& r, std::ostream* os) {
  *os << r.file << " rad " << r.line << " kolumn [" << r.column << "]";
}

std::vector<Rejection> rejections(const ImportSummary& summary) {
  std::vector<Rejection> result;
  for (const RejectedRow& row : summary.rejected) {
    EXPECT_FALSE(row.reason.empty());
    result.push_back({row.where.file, row.where.line, row.where.column});
  }
  return result;
}

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
