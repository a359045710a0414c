// Killing the process during an import leaves the store as it was before that file: each file
// is imported in one transaction. The test kills `namnd import` with SIGKILL at several moments
// and checks that the store then holds either nothing of the file or all of it.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/store.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

constexpr int kRows = 300'000;

// Every row is 1,25 kr on one of 40 ansvar: the whole file is 375 000,00 kr.
std::string bigLedger() {
  std::string text = "period;ansvar;konto;belopp\n";
  text.reserve(kRows * 28);
  for (int i = 0; i < kRows; ++i)
    text += "2025" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + ";" +
            std::to_string(1000 + i % 40) + ";5110;1,25\n";
  return text;
}

pid_t startImport(const std::filesystem::path& config) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execl(NAMND_BINARY, NAMND_BINARY, "import", "--config", config.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// The ledger's share of the store: (rows accepted, Σ öre of the year's utfall).
std::pair<std::int64_t, std::int64_t> ledgerInStore(const std::filesystem::path& storeFile) {
  const auto store = openSqliteStore(storeFile.string());
  std::int64_t rows = 0;
  for (const ImportSummary& entry : store->importLog())
    if (entry.kind == SourceKind::Huvudbok) rows += entry.rowsAccepted;
  return {rows, store->loadCube(PeriodRange::wholeYear(2025)).total(Measure::Utfall)};
}

TEST(ImportCrash, KilledImportLeavesTheStoreBeforeOrAfterNeverBetween) {
  testing::TempDir dir;
  testing::writeFile(dir / "huvudbok.csv", bigLedger());
  testing::writeFile(dir / "org.csv", "kod;namn;foralder;niva\nSN;Nämnden;;1\n");
  testing::writeFile(dir / "kontoplan.csv", "konto_fran;konto_till;rad\n5;5;Personal\n");
  testing::writeFile(dir / "namnd.json", R"({
  "kommun": "K", "namnd": "N", "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "mallar": ")" + testing::repoPath("templates").string() +
                                             R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd"], "rapportniva": 1},
  "kontoplan": "kontoplan.csv", "huvudbok": ["huvudbok.csv"]
})");

  for (const int delayMs : {20, 60, 150, 300, 600}) {
    const pid_t pid = startImport(dir / "namnd.json");
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!std::filesystem::exists(dir / "lager.sqlite")) {
      continue;  // killed before the store was even created
    }
    const auto [rows, ore] = ledgerInStore(dir / "lager.sqlite");
    if (rows == 0) {
      EXPECT_EQ(ore, 0) << "after a kill at " << delayMs << " ms";
    } else {
      EXPECT_EQ(rows, kRows) << "after a kill at " << delayMs << " ms";
      EXPECT_EQ(ore, std::int64_t{kRows} * 125) << "after a kill at " << delayMs << " ms";
      break;  // the file is in: later kills would test nothing new
    }
  }
  // Whatever the kills did, a normal run completes the store.
  const auto run = testing::runNamnd({"import", "--config", (dir / "namnd.json").string()});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto [rows, ore] = ledgerInStore(dir / "lager.sqlite");
  EXPECT_EQ(rows, kRows);
  EXPECT_EQ(ore, std::int64_t{kRows} * 125);
}

}  // namespace
}  // namespace namnd
