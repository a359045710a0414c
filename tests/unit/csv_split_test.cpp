// A large CSV read by two workers gives exactly what one reader gives: the same records with the
// same line numbers, whatever sits at the split point (a quoted field spanning lines), and the
// same errors.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ledger_reader.hpp"
#include "ingest/table/csv_source.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const TableSpec kSpec = {
    {{"period", {}, true}, {"ansvar", {}, true}, {"belopp", {}, true}, {"text", {}, false}}, {}};

// About 6 MB of rows; every row's text tells its own line number, and near the middle a quoted
// field holds newlines and quotes, so a naive split would cut it.
std::string bigCsv(const std::string& middleText) {
  std::string text = "period;ansvar;belopp;text\n";
  const int rows = 160'000;
  for (int i = 0; i < rows; ++i) {
    // The quoted record after row rows/2 takes three lines (two newlines inside its quotes).
    const int line = i + 2 + (i > rows / 2 ? 3 : 0);
    text += "20250" + std::to_string(i % 9 + 1) + ";" + std::to_string(1000 + i % 37) + ";" +
            std::to_string(i % 1000) + ",25;rad " + std::to_string(line) + "\n";
    if (i == rows / 2) text += "202506;1000;1,00;\"" + middleText + "\"\n";
  }
  return text;
}

struct Seen {
  std::int64_t line;
  std::string text;
};

std::vector<std::vector<Seen>> readWith(const std::filesystem::path& file, int workers) {
  std::vector<std::vector<Seen>> seen(static_cast<std::size_t>(workers));
  CsvSource source(file, "stor.csv");
  const int used = source.readSplit(kSpec, workers, [&](int w, const Record& r) {
    seen[static_cast<std::size_t>(w)].push_back({r.line(), std::string(r.text("text"))});
  });
  seen.resize(static_cast<std::size_t>(used));
  return seen;
}

TEST(CsvSplit, TwoWorkersSeeEveryRecordOnceWithItsOwnLineNumber) {
  testing::TempDir dir;
  const std::string middle = "två\nrader; med \"\"citat\"\"\noch en till";
  testing::writeFile(dir / "stor.csv", bigCsv(middle));
  const auto parts = readWith(dir / "stor.csv", 2);
  ASSERT_EQ(parts.size(), 2u) << "a 6 MB file is split";
  std::int64_t previous = 1;
  std::size_t records = 0;
  bool sawMiddle = false;
  for (const auto& part : parts) {
    ASSERT_FALSE(part.empty());
    for (const Seen& s : part) {
      EXPECT_GT(s.line, previous);  // in file order across the workers
      previous = s.line;
      ++records;
      if (s.text.rfind("rad ", 0) == 0)
        EXPECT_EQ(s.text, "rad " + std::to_string(s.line));  // line numbers are absolute
      else
        sawMiddle |= s.text == "två\nrader; med \"citat\"\noch en till";
    }
  }
  EXPECT_EQ(records, 160'001u);
  EXPECT_TRUE(sawMiddle);
}

TEST(CsvSplit, LedgerFromTwoWorkersEqualsOneReader) {
  testing::TempDir dir;
  std::string text = bigCsv("mitt i");
  // A bad amount near the end (second worker) and two identical voucher rows, one in each half.
  text = "period;ansvar;konto;belopp;vernr;text\n" + text.substr(text.find('\n') + 1);
  // Give every row a konto and an empty vernr, except the two duplicates.
  std::string ledger = "period;ansvar;konto;belopp;vernr;text\n";
  std::size_t start = text.find('\n') + 1;
  int row = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    const std::size_t firstSep = line.find(';'), secondSep = line.find(';', firstSep + 1);
    std::string rest = line.substr(secondSep + 1);
    const std::string vernr = (row == 10 || row == 150'000) ? "V1" : "";
    const std::string amount = row == 150'001 ? "tolv" : rest.substr(0, rest.find(';'));
    const std::string tail = rest.substr(rest.find(';') + 1);
    if (!vernr.empty())  // the same voucher row, once in each half
      ledger += "202503;1001;5110;7,00;V1;samma\n";
    else
      ledger += line.substr(0, secondSep) + ";5110;" + amount + ";;" + tail + "\n";
    start = end + 1;
    ++row;
  }
  testing::writeFile(dir / "hb.csv", ledger);

  CsvSource split(dir / "hb.csv", "hb.csv");
  const LedgerImport two = readLedger(split, "h");
  // The same file through a source that cannot split: one reader.
  struct OneReader final : TabularSource {
    CsvSource inner;
    explicit OneReader(const std::filesystem::path& p) : inner(p, "hb.csv") {}
    const std::string& displayName() const override { return inner.displayName(); }
    void read(const TableSpec& s, const std::function<void(const Record&)>& f) override {
      inner.read(s, f);
    }
  } sequential(dir / "hb.csv");
  const LedgerImport one = readLedger(sequential, "h");

  EXPECT_EQ(two.summary.rowsRead, one.summary.rowsRead);
  EXPECT_EQ(two.summary.rowsAccepted, one.summary.rowsAccepted);
  EXPECT_EQ(two.summary.acceptedOre, one.summary.acceptedOre);
  EXPECT_EQ(two.cube.total(Measure::Utfall), one.cube.total(Measure::Utfall));
  EXPECT_EQ(two.cube.cellCount(), one.cube.cellCount());
  ASSERT_EQ(two.summary.rejected.size(), 1u);
  EXPECT_EQ(two.summary.rejected[0].where.describe(), one.summary.rejected[0].where.describe());
  EXPECT_EQ(two.summary.warnings, one.summary.warnings);
  ASSERT_EQ(two.summary.warnings.size(), 1u);  // the duplicate across the two halves was found
  EXPECT_NE(two.summary.warnings[0].find("är identisk med rad"), std::string::npos);
  ASSERT_EQ(two.summary.periodTotals.size(), one.summary.periodTotals.size());
  for (std::size_t i = 0; i < one.summary.periodTotals.size(); ++i) {
    EXPECT_EQ(two.summary.periodTotals[i].period, one.summary.periodTotals[i].period);
    EXPECT_EQ(two.summary.periodTotals[i].ore, one.summary.periodTotals[i].ore);
  }
}

TEST(CsvSplit, MixedEncodingsAcrossTheSplitAreRefused) {
  testing::TempDir dir;
  // UTF-8 "Ä" in the first half, a Windows-1252 "ä" (0xE4) near the end.
  std::string text = bigCsv("Ä i UTF-8");
  text.insert(text.size() - 20, "\xE4");
  testing::writeFile(dir / "stor.csv", text);
  EXPECT_THROW(readWith(dir / "stor.csv", 2), InputError);
  CsvSource one(dir / "stor.csv", "stor.csv");
  EXPECT_THROW(one.read(kSpec, [](const Record&) {}), InputError);
}

}  // namespace
}  // namespace namnd
