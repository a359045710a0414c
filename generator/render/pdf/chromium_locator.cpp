#include "render/pdf/chromium_locator.hpp"

#include <unistd.h>

#include <cstdlib>

namespace namnd {

const std::vector<std::string>& chromiumNames() {
  static const std::vector<std::string> kNames = {"chromium", "chromium-browser", "google-chrome",
                                                  "google-chrome-stable"};
  return kNames;
}

std::optional<std::filesystem::path> findChromium(std::string_view searchPath) {
  for (const std::string& name : chromiumNames()) {
    std::size_t start = 0;
    while (start <= searchPath.size()) {
      const std::size_t colon = std::min(searchPath.find(':', start), searchPath.size());
      const std::string_view folder = searchPath.substr(start, colon - start);
      const std::filesystem::path candidate =
          (folder.empty() ? std::filesystem::path(".") : std::filesystem::path(folder)) / name;
      std::error_code ec;
      if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
        return std::filesystem::absolute(candidate, ec);
      start = colon + 1;
    }
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> findChromium() {
  const char* path = std::getenv("PATH");
  return findChromium(path ? std::string_view(path) : std::string_view("/usr/bin:/bin"));
}

std::string chromiumMissingMessage() {
  std::string names;
  for (const std::string& name : chromiumNames()) names += (names.empty() ? "" : ", ") + name;
  return "Chromium saknas, så ingen PDF skrevs (letade efter " + names +
         " i PATH). Installera det med \"sudo apt-get install chromium\" (eller "
         "scripts/bootstrap.sh pdf); HTML- och Excel-filerna är skrivna ändå.";
}

}  // namespace namnd
