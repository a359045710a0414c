#pragma once
// Helpers shared by tests: temp folders, reading files, running the namnd binary as a user
// would, reading a written workbook back through the XLSX reader, and checking what an error says.

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/xlsx/xlsx_row.hpp"

namespace namnd::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const std::string& bytes);
// How many files and folders `folder` holds directly.
int entriesIn(const std::filesystem::path& folder);
// Copies every file of a fixture folder (tests/fixtures/<name>) into `to`.
void copyFixture(const std::string& name, const std::filesystem::path& to);
std::filesystem::path repoPath(const std::string& relative);

struct RunResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};
// Runs the built namnd binary with the arguments (each quoted for the shell).
RunResult runNamnd(const std::vector<std::string>& args);

// The opening of a config for the Färgelanda fixture (copyFixture("fargelanda")) in the fixture's
// folder, up to and with "kontoplan" and a trailing comma: kommun K, nämnd N, store and output
// beside it, the repository's templates, the fixture's org (three levels, report level 2), the
// ledger's and prognos' free text declared publishable. The caller adds the inputs and "}".
std::string fargelandaConfigHead();

// The least a config loads with, under `dir`: konfig/org.csv (one nämnd SN), kontoplan.csv (one
// row) and an empty mallar/; a config in konfig/ refers to them as "org.csv", "../kontoplan.csv"
// and "../mallar".
void writeMinimalKommunSetup(const std::filesystem::path& dir);

// The example kommun laid out under `root` as in the repository (data/exempel with org.csv and
// the comments, and namnd.json when `withConfig`; data/kommunbas; templates), its generated
// inputs written by the binary's `exempeldata`. Returns that run, for the caller to check.
RunResult layOutExampleKommun(const std::filesystem::path& root, bool withConfig = true);

// Every row of a sheet (empty name = first sheet), as cells indexed from column A.
std::vector<std::vector<XlsxCell>> readSheet(const std::filesystem::path& workbook,
                                             const std::string& sheet = "");
std::vector<std::string> sheetNames(const std::filesystem::path& workbook);

bool contains(std::string_view text, std::string_view fragment);

// The E that `action` throws, or nothing when it returns normally. Other exceptions pass through,
// so the test fails on them as it would without the helper.
template <typename E, typename Action>
std::optional<E> thrown(Action&& action) {
  try {
    std::forward<Action>(action)();
  } catch (const E& error) {
    return error;
  }
  return std::nullopt;
}

// Success when `message` contains every fragment; the failure names each one missing.
// For EXPECT_TRUE, so that a failure points at the test's own line.
::testing::AssertionResult mentions(std::string_view message,
                                    std::initializer_list<std::string_view> fragments);

// Success when an error was thrown and its message contains every fragment.
template <typename E>
::testing::AssertionResult mentions(const std::optional<E>& error,
                                    std::initializer_list<std::string_view> fragments) {
  if (!error) return ::testing::AssertionFailure() << "the expected error was not thrown";
  return mentions(std::string_view(error->what()), fragments);
}

}  // namespace namnd::testing
