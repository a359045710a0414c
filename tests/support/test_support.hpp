#pragma once
// Helpers shared by tests: temp folders, reading files, running the namnd binary as a user
// would, and reading a written workbook back through the XLSX reader.

#include <filesystem>
#include <string>
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
// Copies every file of a fixture folder (tests/fixtures/<name>) into `to`.
void copyFixture(const std::string& name, const std::filesystem::path& to);
std::filesystem::path repoPath(const std::string& relative);

struct RunResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};
// Runs the built namnd binary with the arguments (each quoted for the shell).
RunResult runNamnd(const std::vector<std::string>& args);

// Every row of a sheet (empty name = first sheet), as cells indexed from column A.
std::vector<std::vector<XlsxCell>> readSheet(const std::filesystem::path& workbook,
                                             const std::string& sheet = "");
std::vector<std::string> sheetNames(const std::filesystem::path& workbook);

}  // namespace namnd::testing
