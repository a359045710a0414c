#include "clients/client_reports.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <exception>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "render/pdf/chromium_locator.hpp"
#include "support/test_support.hpp"

namespace namnd::clients {

namespace fs = std::filesystem;

const std::vector<ClientReport>& clientReports() {
  static const std::vector<ClientReport> kReports = {
      {"manadsrapport", {"--period", "202510"}, "manadsrapport-202510"},
      {"delarsrapport", {"--per", "2025-08-31"}, "delarsrapport-20250831"},
      {"avvikelser", {"--period", "2025H1"}, "avvikelser-2025H1"},
      {"kontroll", {"--period", "202510"}, "kontroll-202510"},
  };
  return kReports;
}

bool writeClientReports(const fs::path& root, std::ostream& log) {
  std::error_code ignored;
  fs::remove_all(root, ignored);
  fs::create_directories(root);
  const testing::RunResult generated = testing::layOutExampleKommun(root);
  if (generated.exitCode != 0) {
    log << "exempeldata misslyckades: " << generated.output << "\n";
    return false;
  }
  const ReportsFolder folder{root};
  const bool pdf = findChromium().has_value();
  for (const ClientReport& report : clientReports()) {
    std::vector<std::string> args = {"--config", folder.config().string()};
    args.insert(args.end(), report.args.begin(), report.args.end());
    if (pdf) args.push_back("--pdf");
    const auto& all = commands();
    const auto command = std::find_if(all.begin(), all.end(),
                                      [&](const Command& c) { return c.name == report.command; });
    try {
      std::ostringstream out;
      const int code = command->run(args, out);
      log << out.str();
      if (code != 0) {
        log << report.command << " gav kod " << code << "\n";
        return false;
      }
    } catch (const std::exception& e) {
      log << report.command << ": " << e.what() << "\n";
      return false;
    }
  }
  // The config's own reports once more as a batch run (namnd kor), into a run folder below the
  // same output: the gallery it writes then has a table for the run and one for the reports
  // above, and the HTML checker reads that page.
  std::ostringstream out;
  const int code =
      runKor({"--config", folder.config().string(), "--period", "202510", "--tyst"}, out);
  log << out.str();
  if (code != 0) log << "kor gav kod " << code << "\n";
  return code == 0;
}

namespace {

struct OwnReports {
  testing::TempDir dir;
  ReportsFolder folder{dir.path()};
  bool written = false;
  std::string log;
};

}  // namespace

const ReportsFolder& reportsFolder() {
  if (const char* shared = std::getenv("NAMND_CLIENT_REPORTS")) {
    static const ReportsFolder kShared{shared};
    if (!fs::is_regular_file(kShared.file(clientReports().front(), ".html")))
      ADD_FAILURE() << "NAMND_CLIENT_REPORTS=" << shared
                    << " saknar rapporterna; kör ctest-fixturen clients.skriv_rapporter först";
    return kShared;
  }
  static const std::unique_ptr<OwnReports> own = [] {
    auto made = std::make_unique<OwnReports>();
    std::ostringstream log;
    made->written = writeClientReports(made->folder.root, log);
    made->log = log.str();
    return made;
  }();
  if (!own->written) ADD_FAILURE() << "rapporterna kunde inte skrivas:\n" << own->log;
  return own->folder;
}

}  // namespace namnd::clients
