#pragma once
// The example kommun's reports that the client tests look at, written once per test process (or
// once per ctest run: the fixture test `clients.skriv_rapporter` writes them into the folder that
// NAMND_CLIENT_REPORTS names, and every client test reads that folder).

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace namnd::clients {

// One report command of the example kommun and the stem of the files it writes.
struct ClientReport {
  std::string command;            // "delarsrapport"
  std::vector<std::string> args;  // after --config: {"--per", "2025-08-31"}
  std::string stem;               // "delarsrapport-20250831"
};

const std::vector<ClientReport>& clientReports();

// The laid-out example kommun: root/data/exempel/namnd.json writes to root/output.
struct ReportsFolder {
  std::filesystem::path root;
  std::filesystem::path config() const { return root / "data" / "exempel" / "namnd.json"; }
  std::filesystem::path output() const { return root / "output"; }
  std::filesystem::path file(const ClientReport& report, const std::string& extension) const {
    return output() / (report.stem + extension);
  }
};

// Lays out the example kommun under `root` (emptied first) and runs every report in-process, with
// --pdf when Chromium is installed, then the config's reports as a batch run (`namnd kor`), which
// writes the gallery. Returns false (having said why on `log`)
// when a step failed.
bool writeClientReports(const std::filesystem::path& root, std::ostream& log);

// The reports of this process: NAMND_CLIENT_REPORTS when set, else written on first use into a
// temporary folder that lives until the process ends. Fails the calling test when writing failed.
const ReportsFolder& reportsFolder();

}  // namespace namnd::clients
