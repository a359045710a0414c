#include "support/test_support.hpp"

#include <sys/wait.h>

#include <unistd.h>
#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "ingest/xlsx/xlsx_reader.hpp"

namespace namnd::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("namnd-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

int entriesIn(const std::filesystem::path& folder) {
  int n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++n;
  return n;
}

std::filesystem::path repoPath(const std::string& relative) {
  return std::filesystem::path(NAMND_SOURCE_DIR) / relative;
}

void copyFixture(const std::string& name, const std::filesystem::path& to) {
  std::filesystem::create_directories(to);
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(NAMND_TEST_FIXTURES) / name))
    if (entry.is_regular_file())
      std::filesystem::copy_file(entry.path(), to / entry.path().filename(),
                                 std::filesystem::copy_options::overwrite_existing);
}

RunResult runNamnd(const std::vector<std::string>& args) {
  std::string command = std::string("'") + NAMND_BINARY + "'";
  for (const std::string& arg : args) {
    std::string quoted = "'";
    for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += " " + quoted + "'";
  }
  command += " 2>&1";
  RunResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::vector<std::vector<XlsxCell>> readSheet(const std::filesystem::path& workbook,
                                             const std::string& sheet) {
  std::vector<std::vector<XlsxCell>> rows;
  XlsxWorkbook::open(workbook, workbook.filename().string())
      .readSheet(sheet, [&](const XlsxRow& row) {
        if (rows.size() < static_cast<std::size_t>(row.rowNumber))
          rows.resize(static_cast<std::size_t>(row.rowNumber));
        rows[static_cast<std::size_t>(row.rowNumber) - 1] = row.cells;
      });
  return rows;
}

std::vector<std::string> sheetNames(const std::filesystem::path& workbook) {
  return XlsxWorkbook::open(workbook, workbook.filename().string()).sheetNames();
}

bool contains(std::string_view text, std::string_view fragment) {
  return text.find(fragment) != std::string_view::npos;
}

::testing::AssertionResult mentions(std::string_view message,
                                    std::initializer_list<std::string_view> fragments) {
  std::string missing;
  for (const std::string_view fragment : fragments) {
    if (!contains(message, fragment)) missing += " \"" + std::string(fragment) + "\"";
  }
  if (missing.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "missing" << missing << " from: " << message;
}

std::string fargelandaConfigHead() {
  return R"({
  "kommun": "K", "namnd": "N", "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "mallar": ")" +
         repoPath("templates").string() + R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
)";
}

void writeMinimalKommunSetup(const std::filesystem::path& dir) {
  writeFile(dir / "konfig" / "org.csv", "kod;namn;foralder;niva\nSN;S;;1\n");
  writeFile(dir / "kontoplan.csv", "konto_fran;konto_till;rad\n3;3;Intäkter\n");
  std::filesystem::create_directories(dir / "mallar");
}

RunResult layOutExampleKommun(const std::filesystem::path& root, bool withConfig) {
  namespace fs = std::filesystem;
  const fs::path exempel = root / "data" / "exempel";
  fs::create_directories(exempel);
  fs::create_directories(root / "data" / "kommunbas");
  std::vector<std::string> names = {"org.csv", "kommentarer-2025.md"};
  if (withConfig) names.push_back("namnd.json");
  for (const std::string& name : names)
    fs::copy_file(repoPath("data/exempel/" + name), exempel / name);
  fs::copy_file(repoPath("data/kommunbas/kontoplan.csv"),
                root / "data" / "kommunbas" / "kontoplan.csv");
  fs::copy(repoPath("templates"), root / "templates", fs::copy_options::recursive);
  return runNamnd({"exempeldata", "--ut", (exempel / "genererat").string()});
}

}  // namespace namnd::testing
